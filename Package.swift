// swift-tools-version:6.0
import PackageDescription

// The pipeline, one module per stage; dependencies point one way:
//   IndsatsPlatform  ←  IndsatsModel  ←  IndsatsLoad, IndsatsFormat  ←  IndsatsRender  ←  IndsatsSite  ←  indsats
//   IndsatsSite  ←  IndsatsServe (the preview server, the only module with FlyingFox)  ←  indsats
//   IndsatsMustache (no dependencies)  ←  IndsatsRender
// IndsatsPlatform (no dependencies) holds every system call and the concurrency helpers; Load,
// Render and Site also import it directly.
//
// Built and tested on Linux (Debian 12) only, so no platform is claimed: the system calls are
// Glibc's, all in IndsatsPlatform (the imports are guarded, but nothing is built or tested on
// macOS).
let package = Package(
    name: "indsats",
    products: [
        .executable(name: "indsats", targets: ["indsats"]),
        .library(name: "IndsatsSite", targets: ["IndsatsSite"]),
        /// The fuzz target (`scripts/fuzz`); built plainly, it replays saved inputs.
        .executable(name: "indsats-fuzz", targets: ["IndsatsFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
    ],
    targets: [
        /// The system libcmark (Debian `libcmark-dev`).
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        /// The platform: system calls (file reading, folder listing, the staging writer's calls,
        /// the folder lock), parallel map and timing sums, behind small safe APIs.
        .target(name: "IndsatsPlatform"),
        /// Domain types, diagnostics and cross-document validation. No IO.
        .target(name: "IndsatsModel", dependencies: ["IndsatsPlatform"]),
        /// Walks `content/`, splits front matter, reads YAML into the model, renders Markdown.
        .target(
            name: "IndsatsLoad",
            dependencies: ["IndsatsPlatform", "IndsatsModel", "CMark", .product(name: "Yams", package: "Yams")]
        ),
        /// Spreadsheets: `.xlsx` written and read (a zip of SpreadsheetML parts), `.ods` and Danish `.csv`
        /// read. Knows nothing of the domain; the only module with ZIPFoundation and SwiftCSV.
        .target(
            name: "IndsatsSheet",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        /// `indsats import budget`: a spreadsheet's budget columns matched to activities and
        /// written into their files in place.
        .target(
            name: "IndsatsImport",
            dependencies: ["IndsatsPlatform", "IndsatsModel", "IndsatsLoad", "IndsatsFormat", "IndsatsSheet", .product(name: "Yams", package: "Yams")]
        ),
        /// Danish formatting of amounts, percentages and dates.
        .target(name: "IndsatsFormat", dependencies: ["IndsatsModel"]),
        /// Mustache templates: parsing, and rendering typed contexts to UTF-8.
        .target(name: "IndsatsMustache"),
        /// Page contexts, the site's templates, charts.
        .target(name: "IndsatsRender", dependencies: ["IndsatsPlatform", "IndsatsModel", "IndsatsFormat", "IndsatsMustache", "IndsatsSheet"]),
        /// The build: load → validate → render → write, atomically.
        .target(name: "IndsatsSite", dependencies: ["IndsatsPlatform", "IndsatsModel", "IndsatsLoad", "IndsatsFormat", "IndsatsRender"]),
        /// `indsats serve`: the site built in memory, served on loopback, rebuilt on a change.
        .target(
            name: "IndsatsServe",
            dependencies: ["IndsatsPlatform", "IndsatsModel", "IndsatsMustache", "IndsatsRender", "IndsatsSite", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "indsats",
            dependencies: ["IndsatsSite", "IndsatsServe", "IndsatsRender", "IndsatsModel", "IndsatsPlatform", "IndsatsImport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        /// The libFuzzer target over what reads user-written text (see `scripts/fuzz`). It lives
        /// in `Fuzz/`, apart from the pipeline's modules, with its seed inputs.
        .executableTarget(
            name: "IndsatsFuzz",
            dependencies: ["IndsatsLoad", "IndsatsModel", "IndsatsFormat", "IndsatsMustache"],
            path: "Fuzz",
            exclude: ["seeds"]
        ),
        .testTarget(
            name: "IndsatsTests",
            dependencies: ["IndsatsSite", "IndsatsServe", "IndsatsPlatform", "IndsatsModel", "IndsatsLoad", "IndsatsFormat", "IndsatsRender", "IndsatsMustache", "IndsatsSheet", "IndsatsImport"],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
