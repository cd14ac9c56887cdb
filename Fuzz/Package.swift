// swift-tools-version:6.1
import PackageDescription

// A libFuzzer target over build-site's front matter → Markdown → template pipeline. It is a package of its own,
// because it is built with flags the real tool must never have (`-sanitize=fuzzer`, `-parse-as-library`):
//
//   make fuzz            (or: make fuzz-smoke, the one-minute run in `make test`)
//
// Built in Fuzz/.build, apart from the main package's build folder.
let package = Package(
    name: "build-site-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "build-site", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "PipelineFuzzer",
            dependencies: [.product(name: "BuildSite", package: "build-site")]
        ),
    ]
)
