// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Teilhabe",
    // Linux only: the build uses inotify, Glibc sockets, flock, st_mtim and /proc (see
    // Sources/TeilhabeCore/Teilhabe.swift, which stops a build elsewhere with a clear message).
    products: [
        .executable(name: "teilhabe", targets: ["teilhabe"]),
        .library(name: "TeilhabeCore", targets: ["TeilhabeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
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
        .target(
            name: "TeilhabeCore",
            dependencies: [
                "CCmarkGFM",
                "CSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "teilhabe",
            dependencies: [
                "TeilhabeCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TeilhabeCoreTests",
            dependencies: ["TeilhabeCore", "teilhabe", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Testdaten"]
        ),
    ]
)
