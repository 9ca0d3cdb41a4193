import Cluster

// Test helper for ClusterTests: prints "rank R of N, mpi M, sum S" where S is the sum over the
// ranks of (rank + 1), computed with MPIWorld.sum, then ends MPI.
let world = MPIWorld.shared
let total = try world.sum([Double(world.rank + 1)])[0]
print("rank \(world.rank) of \(world.size), mpi \(world.usesMPI), sum \(Int(total))")
world.finish()
