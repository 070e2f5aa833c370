// swift-tools-version:6.0
import PackageDescription

// The pipeline, one module per stage; dependencies point one way:
//   IndsatsModel  ←  IndsatsLoad, IndsatsFormat  ←  IndsatsRender  ←  IndsatsSite  ←  indsats
let package = Package(
    name: "indsats",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "indsats", targets: ["indsats"]),
        .library(name: "IndsatsSite", targets: ["IndsatsSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        /// The system libcmark (Debian `libcmark-dev`).
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        /// Domain types, diagnostics and cross-document validation. No IO.
        .target(name: "IndsatsModel"),
        /// Walks `content/`, splits front matter, reads YAML into the model, renders Markdown.
        .target(
            name: "IndsatsLoad",
            dependencies: ["IndsatsModel", "CMark", .product(name: "Yams", package: "Yams")]
        ),
        /// Danish formatting of amounts, percentages and dates.
        .target(name: "IndsatsFormat", dependencies: ["IndsatsModel"]),
        /// Page contexts, Mustache templates, charts.
        .target(
            name: "IndsatsRender",
            dependencies: [
                "IndsatsModel", "IndsatsFormat",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        /// The build: load → validate → render → write, atomically.
        .target(name: "IndsatsSite", dependencies: ["IndsatsModel", "IndsatsLoad", "IndsatsFormat", "IndsatsRender"]),
        .executableTarget(
            name: "indsats",
            dependencies: ["IndsatsSite", "IndsatsRender", "IndsatsModel", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "IndsatsTests",
            dependencies: ["IndsatsSite", "IndsatsModel", "IndsatsLoad", "IndsatsFormat", "IndsatsRender"],
            exclude: ["Fixtures"]
        ),
    ]
)
