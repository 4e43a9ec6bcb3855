// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Teilhabe",
    // Linux only: the build uses inotify, Glibc sockets, flock, st_mtim and /proc (see
    // Sources/TeilhabeSupport/Version.swift, which stops a build elsewhere with a clear message).
    products: [
        .executable(name: "teilhabe", targets: ["teilhabe"]),
        .library(name: "TeilhabeCore", targets: ["TeilhabeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev; see Sources/CCmarkGFM/module.modulemap.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // prctl(PR_SET_CHILD_SUBREAPER) for `audit`, which Swift's Glibc module does not expose.
        .target(name: "CSystem"),
        // One module per stage; the graph is acyclic by construction (SwiftPM refuses cycles):
        // Support → Model → Markdown → Load → Check → Render → Build → Serve → Audit, and the CLI on top.
        // Support: diagnostics, paths, file access, fingerprints, the cache's tables (no content model).
        .target(name: "TeilhabeSupport", dependencies: ["CSystem", .product(name: "Crypto", package: "swift-crypto")]),
        // Model: the content model's types, with no I/O of their own.
        .target(name: "TeilhabeModel", dependencies: ["TeilhabeSupport"]),
        // Markdown through Debian's cmark-gfm.
        .target(name: "TeilhabeMarkdown", dependencies: ["CCmarkGFM", "TeilhabeModel"]),
        // Load: files → model with source locations (YAML through Yams).
        .target(name: "TeilhabeLoad", dependencies: ["TeilhabeMarkdown", .product(name: "Yams", package: "Yams")]),
        // Check: diagnostics on the model, and the Leichte-Sprache check.
        .target(name: "TeilhabeCheck", dependencies: ["TeilhabeLoad"]),
        // Render: model → pages and files (templates through swift-mustache); writes nothing itself.
        .target(name: "TeilhabeRender", dependencies: ["TeilhabeCheck", .product(name: "Mustache", package: "swift-mustache")]),
        // Build: the pipeline, the lock, the output manifest and the atomic write.
        .target(name: "TeilhabeBuild", dependencies: ["TeilhabeRender"]),
        // Serve: the preview server and the file watcher.
        .target(name: "TeilhabeServe", dependencies: ["TeilhabeBuild"]),
        // Audit: axe-core in headless Chromium and the Nu HTML Checker over a built site.
        .target(name: "TeilhabeAudit", dependencies: ["TeilhabeServe", "CSystem"]),
        // Import and export beside the pipeline: OParl servers and Word files → content folder, and a page
        // → Word (DOCX through ZIPFoundation and FoundationXML).
        .target(name: "TeilhabeImport", dependencies: ["TeilhabeBuild", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The library as one import (re-exports every stage).
        .target(name: "TeilhabeCore", dependencies: ["TeilhabeAudit", "TeilhabeImport"]),
        .executableTarget(
            name: "teilhabe",
            dependencies: [
                "TeilhabeCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tests mirror the modules: one test target per stage (integration tests that build a whole
        // content folder belong to Build, those that run the binary to CLI). TeilhabeTesting holds the
        // fixtures every test target shares.
        .target(name: "TeilhabeTesting", dependencies: ["TeilhabeCore"], path: "Tests/TeilhabeTesting"),
        .testTarget(name: "TeilhabeSupportTests", dependencies: ["TeilhabeSupport", "TeilhabeTesting"]),
        .testTarget(name: "TeilhabeModelTests", dependencies: ["TeilhabeModel"]),
        .testTarget(name: "TeilhabeMarkdownTests", dependencies: ["TeilhabeMarkdown", "TeilhabeTesting"]),
        .testTarget(name: "TeilhabeLoadTests", dependencies: ["TeilhabeLoad", "TeilhabeTesting"]),
        .testTarget(name: "TeilhabeCheckTests", dependencies: ["TeilhabeCheck", "TeilhabeTesting", "teilhabe"], exclude: ["TestData", "Fixtures"]),
        .testTarget(name: "TeilhabeRenderTests", dependencies: ["TeilhabeRender", "TeilhabeTesting", "teilhabe",
                                                                .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "TeilhabeBuildTests", dependencies: ["TeilhabeBuild", "TeilhabeTesting", "teilhabe"]),
        .testTarget(name: "TeilhabeServeTests", dependencies: ["TeilhabeServe", "TeilhabeTesting"]),
        .testTarget(name: "TeilhabeAuditTests", dependencies: ["TeilhabeAudit", "TeilhabeTesting", "teilhabe"]),
        .testTarget(name: "TeilhabeImportTests", dependencies: ["TeilhabeImport", "TeilhabeTesting", "teilhabe",
                                                                .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "TeilhabeCLITests", dependencies: ["TeilhabeTesting", "teilhabe"]),
    ]
)
