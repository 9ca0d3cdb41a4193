// swift-tools-version:6.0
import PackageDescription

// Dependency direction (see ../shared/design.md): darkz -> Inference -> {Ensemble, Flavor} -> CGSL,
// with DataFiles (reading data/) below Flavor and Inference, and ChainStorage (emcee-layout HDF5
// chain files) -> {Ensemble, CHDF5} below Inference; Cluster (the MPI world, Ensemble's evaluation
// group) -> {CMPI, Ensemble}, used by darkz.
let package = Package(
    name: "darkz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "darkz", targets: ["darkz"]),
        .library(name: "Inference", targets: ["Inference"]),
        .library(name: "Ensemble", targets: ["Ensemble"]),
        .library(name: "ChainStorage", targets: ["ChainStorage"]),
        // The C ABI (libDarkzC.so / .dylib) that python/ loads with ctypes.
        .library(name: "DarkzC", type: .dynamic, targets: ["DarkzC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // GNU Scientific Library, found through pkg-config (Debian: libgsl-dev).
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // libhdf5 (C API, 1.10 or later), found through pkg-config (Debian: libhdf5-dev, whose
        // serial flavour lives under /usr/include/hdf5/serial).
        .systemLibrary(
            name: "CHDF5",
            pkgConfig: "hdf5",
            providers: [.apt(["libhdf5-dev"]), .brew(["hdf5"])]
        ),
        // Open MPI (the MPI C API), found through pkg-config "ompi-c" (Debian: libopenmpi-dev;
        // mpirun comes with openmpi-bin).
        .systemLibrary(
            name: "CMPI",
            pkgConfig: "ompi-c",
            providers: [.apt(["libopenmpi-dev"]), .brew(["open-mpi"])]
        ),
        // The processes of a run: the MPI world under mpirun/srun, one process otherwise.
        .target(
            name: "Cluster",
            dependencies: ["CMPI", "Ensemble"]
        ),
        // Reading the files in data/: CSV and whitespace tables with located errors.
        .target(name: "DataFiles"),
        // The physics, knows no sampling: inputs, CKM, penguin loops, dark-boson couplings and
        // widths, Wilson coefficients, rates.
        .target(
            name: "Flavor",
            dependencies: [
                "CGSL", "DataFiles",
                .product(name: "Numerics", package: "swift-numerics"),
            ]
        ),
        // Generic MCMC: sampler, moves, random streams, diagnostics. Knows no physics.
        .target(
            name: "Ensemble",
            dependencies: ["CGSL"]
        ),
        // Chain files in emcee's HDFBackend layout, with darkz's sampler state for resuming;
        // every checkpoint appends a compressed segment file and renames a small file over the old.
        .target(
            name: "ChainStorage",
            dependencies: ["CHDF5", "Ensemble"]
        ),
        // Joins sampler and physics: measurement tables, likelihoods, regions, chain files.
        .target(
            name: "Inference",
            dependencies: [
                "CGSL", "DataFiles", "Ensemble", "Flavor", "ChainStorage",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The C ABI over Inference (@_cdecl functions; darkz.h documents them) for other languages.
        .target(
            name: "DarkzC",
            dependencies: ["Inference"],
            exclude: ["darkz.h"]
        ),
        .executableTarget(
            name: "darkz",
            dependencies: [
                "Inference", "Flavor", "DataFiles", "Cluster",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "EnsembleTests",
            dependencies: ["Ensemble"]
        ),
        .testTarget(
            name: "FlavorTests",
            dependencies: ["Flavor"]
        ),
        .testTarget(
            name: "ChainStorageTests",
            dependencies: ["ChainStorage", "Ensemble", "ChainStorageCrashHelper"]
        ),
        // Test helper for ChainStorageTests: samples with checkpoints to the end, unless killed first.
        .executableTarget(
            name: "ChainStorageCrashHelper",
            dependencies: ["ChainStorage", "Ensemble"],
            path: "Tests/ChainStorageCrashHelper"
        ),
        // Test helper for ClusterTests: reports its rank, world size and an all-reduce.
        .executableTarget(
            name: "ClusterWorldHelper",
            dependencies: ["Cluster", "Ensemble"],
            path: "Tests/ClusterWorldHelper"
        ),
        // The MPI world without a launcher (one process) and under mpirun -n 2 and -n 3.
        .testTarget(
            name: "ClusterTests",
            dependencies: ["Cluster", "ClusterWorldHelper"]
        ),
        .testTarget(
            name: "InferenceTests",
            dependencies: ["Inference", "CGSL"]
        ),
        // Runs the built darkz executable: exit codes, error lines and JSON shapes.
        .testTarget(
            name: "DarkzCLITests",
            dependencies: ["darkz", "ChainStorage"]
        ),
    ]
)
