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
        // libyaml, as Yams bundles it (BuildSite reads its events: Parsing/YAMLTree.swift); Yams itself is the tests'
        // reference for that reading. Yams 6.2.2 with libyaml reading runs of ASCII at once (Vendor/README.md); to be
        // dropped when upstream has it.
        .package(path: "Vendor/Yams"),
        // swift-mustache 2.1.1 with faster name look-ups (Vendor/README.md); to be dropped when upstream has them.
        .package(path: "Vendor/swift-mustache"),
        // Writes the open-data CSV files (risks.csv, actions.csv) with RFC 4180 quoting: CSV.swift 2.5.2 with a
        // faster writer (Vendor/README.md); to be dropped when upstream has it.
        .package(path: "Vendor/CSV.swift"),
        // Tests only: reads the CSV files back with a second, independent parser.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        // `build-site serve`: a small, well-kept HTTP server. FlyingFox 0.27.1 without its proxy handler, which alone
        // linked Foundation's networking part, libcurl and thirty libraries into every start (Vendor/README.md).
        .package(path: "Vendor/FlyingFox"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev: GitHub's own Markdown parser.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Keeps cmark-gfm's process-wide table of trigger characters switched on, so that documents parse on every
        // core at once (special_characters.c; MarkdownRenderer.parsesInParallel).
        .target(name: "CmarkParallelParsing"),
        // A cmark-gfm allocator that hands out memory from a per-thread arena, reused document after document
        // (arena.c; MarkdownRenderer.render).
        .target(name: "CmarkArena"),
        // C's "%.1f" for the risk charts' coordinates, without Swift's variadic calls (number_text.c).
        .target(name: "CNumberText"),
        // Reading time's word count over runs of ASCII, 64 bytes at a time with vector compares (text_scan.c).
        .target(name: "CTextScan"),
        // The engine: load → parse and validate → site model → render → write.
        .target(
            name: "BuildSite",
            dependencies: [
                "CCmarkGFM",
                "CmarkParallelParsing",
                "CmarkArena",
                "CNumberText",
                "CTextScan",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // `build-site serve`: the built site on 127.0.0.1 with live reload, over FlyingFox's HTTP server.
        .target(
            name: "SiteServer",
            dependencies: [
                "BuildSite",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // The executable's memory allocator: Debian's libjemalloc-dev, with its settings (jemalloc_settings.c).
        .target(
            name: "MemoryAllocator",
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // A thin command line over the engine.
        .executableTarget(
            name: "build-site",
            dependencies: [
                "BuildSite",
                "SiteServer",
                "MemoryAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BuildSiteTests",
            dependencies: [
                "BuildSite",
                "SiteServer",
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                // The reference that BuildSite's own reading of libyaml's events is checked against (YAMLTreeTests).
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]  // regression inputs, read from the source folder by path
        ),
    ]
)
