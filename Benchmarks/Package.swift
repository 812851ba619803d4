// swift-tools-version:6.1
import PackageDescription

// baton's benchmarks, kept out of the main package so `swift test` stays fast.
// Run from this folder: `swift package benchmark` (release build, medians and percentiles).
let package = Package(
  name: "BatonBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "baton", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "BatonBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "BatonEngine", package: "baton"),
      ],
      path: "Benchmarks/BatonBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
