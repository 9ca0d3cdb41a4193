// swift-tools-version:6.0
import PackageDescription

// Dependency direction (see ../shared/design.md): darkz -> Inference -> {Ensemble, Flavor} -> CGSL.
let package = Package(
    name: "darkz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "darkz", targets: ["darkz"]),
        .library(name: "Inference", targets: ["Inference"]),
        .library(name: "Ensemble", targets: ["Ensemble"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // GNU Scientific Library, found through pkg-config (Debian: libgsl-dev).
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // Generic MCMC: sampler, moves, random streams, diagnostics. Knows no physics.
        .target(
            name: "Ensemble",
            dependencies: ["CGSL"]
        ),
        // Joins sampler and physics: measurement tables, likelihoods, regions, chain files.
        .target(
            name: "Inference",
            dependencies: ["CGSL", "Ensemble"]
        ),
        .executableTarget(
            name: "darkz",
            dependencies: [
                "Inference",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "EnsembleTests",
            dependencies: ["Ensemble"]
        ),
        .testTarget(
            name: "InferenceTests",
            dependencies: ["Inference"]
        ),
    ]
)
