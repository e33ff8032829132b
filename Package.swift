// swift-tools-version: 6.1
// Attune: an on-device rapport runtime for voice and chat assistants on small ARM boards.
// Module map and the one-way import rule: docs/ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "Attune",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "attune", targets: ["attune"]),
        .library(name: "AttuneRuntime", targets: ["AttuneRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.2.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        // Pure Swift compute: no Foundation, no existentials; also builds with Embedded Swift.
        // Optimised even in debug builds: the int8 encoder runs minutes unoptimised, seconds optimised,
        // and the tests run it.
        .target(name: "AttuneKernels", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "AttuneAudio",
            dependencies: [
                "AttuneKernels", "CALSA",
                .product(name: "Atomics", package: "swift-atomics"),
            ]),
        .target(name: "AttuneProsody", dependencies: ["AttuneKernels", "AttuneAudio"]),
        .target(name: "AttuneTurn", dependencies: ["AttuneKernels", "AttuneAudio", "AttuneProsody"]),
        .target(name: "AttuneText", dependencies: ["AttuneKernels"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(
            name: "AttuneStore",
            dependencies: [
                "AttuneKernels", "CSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]),
        .target(name: "AttuneMemory", dependencies: ["AttuneKernels", "AttuneText", "AttuneStore"]),
        .target(name: "AttuneRapport", dependencies: ["AttuneKernels", "AttuneTurn", "AttuneText", "AttuneStore", "AttuneMemory"]),
        .target(
            name: "AttuneRuntime",
            dependencies: [
                "AttuneKernels", "AttuneAudio", "AttuneProsody", "AttuneTurn", "AttuneText", "AttuneStore", "AttuneMemory", "AttuneRapport", "CSQLite",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .executableTarget(
            name: "attune",
            dependencies: [
                "AttuneRuntime", "AttuneAudio", "AttuneProsody", "AttuneTurn", "AttuneStore", "AttuneText", "AttuneMemory", "AttuneRapport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Paths of the committed test data, and the error a missing file is (Tests/Data/, models/).
        .target(name: "AttuneTestFixtures", path: "Tests/AttuneTestFixtures"),
        .testTarget(name: "AttuneAudioTests", dependencies: ["AttuneAudio", "AttuneKernels", "AttuneTestFixtures"]),
        .testTarget(name: "AttuneProsodyTests", dependencies: ["AttuneProsody", "AttuneAudio", "AttuneKernels", "AttuneTestFixtures"]),
        .testTarget(name: "AttuneTurnTests", dependencies: ["AttuneTurn", "AttuneProsody", "AttuneAudio", "AttuneTestFixtures"]),
        .testTarget(name: "AttuneKernelsTests", dependencies: ["AttuneKernels"]),
        .testTarget(name: "AttuneTextTests", dependencies: ["AttuneText", "AttuneTestFixtures"]),
        .testTarget(name: "AttuneStoreTests", dependencies: ["AttuneStore", "AttuneKernels", "CSQLite"]),
        .testTarget(name: "AttuneMemoryTests", dependencies: ["AttuneMemory", "AttuneStore"]),
        .testTarget(name: "AttuneRapportTests", dependencies: ["AttuneRapport", "AttuneMemory", "AttuneStore", "AttuneText", "AttuneTestFixtures"]),
        .testTarget(name: "AttuneRuntimeTests", dependencies: ["AttuneRuntime", "AttuneRapport", "AttuneMemory", "AttuneStore", "AttuneTestFixtures"]),
        // Runs the built `attune` binary end to end (record through ALSA's file plugin, errors, exit codes).
        .testTarget(name: "AttuneCLITests", dependencies: ["attune", "AttuneStore", "AttuneMemory", "AttuneTestFixtures"]),
    ]
)

// x86-64 builds generate code for the Haswell generation (AVX2, on every x86-64 server and PC since
// 2013) unless ATTUNE_X86_64_CPU names another `-target-cpu` (`x86-64` for any x86-64 machine), or is
// `none` (no flag: for a cross build from an x86-64 host to the boards through a Swift SDK). The int8
// products run 1.9–2.5× faster with 256-bit vectors (docs/BENCHMARKS.md, "Embedder on x86-64"), and
// every result is bit-identical: the products are integer sums, and Swift forms no fused multiply-adds
// on its own (cross/check-kernels.sh compares both x86-64 builds with the boards'). AArch64 builds,
// the boards' own, are unaffected.
#if arch(x86_64)
let x86CPU = Context.environment["ATTUNE_X86_64_CPU"] ?? "haswell"
if x86CPU != "none" {
    for target in package.targets where target.type != .system {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-target-cpu", x86CPU])]
    }
}
#endif
