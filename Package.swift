// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "build-site",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "BuildSite", targets: ["BuildSite"]),
        .executable(name: "build-site", targets: ["build-site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev: GitHub's own Markdown parser.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The engine: load → parse and validate → site model → render → write.
        .target(
            name: "BuildSite",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // A thin command line over the engine.
        .executableTarget(
            name: "build-site",
            dependencies: [
                "BuildSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BuildSiteTests",
            dependencies: ["BuildSite"],
            exclude: ["Fixtures"]  // regression inputs, read from the source folder by path
        ),
    ]
)
