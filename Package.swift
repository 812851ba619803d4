// swift-tools-version:6.2
import PackageDescription

/// The targets baton owns, so the strict settings below apply to them and not to dependencies.
let ownTargets: [Target] = [
  .systemLibrary(
    name: "CEditLine",
    pkgConfig: "libedit",
    providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
  ),
  .target(name: "LineEditing", dependencies: ["CEditLine"]),
  .target(name: "BatonModel"),
  // Word vectors compiled into the executable: word-vectors.bin, written offline by
  // make-word-vectors.py; a C array because `#embed` reads the file at compile time.
  .target(
    name: "CWordVectors",
    exclude: ["make-word-vectors.py", "word-vectors.bin", "WORDNET-LICENSE"],
    cSettings: [.unsafeFlags(["-std=c23"])]
  ),
  .target(
    name: "IntentMatching",
    dependencies: ["BatonModel", "CWordVectors", .product(name: "Yams", package: "Yams")],
    // Training the ranker is number crunching that an unoptimized build runs some thirty
    // times slower; the tests build many engines, so this module is optimized even there.
    swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
  ),
  .target(
    name: "WorkspaceStore",
    dependencies: [
      "BatonModel", .product(name: "GRDB", package: "GRDB.swift"),
      // SQLite's C API, for reading a stepped row in place (SteppedRow).
      .product(name: "GRDBSQLite", package: "GRDB.swift"),
      // The shared workspace's server (#27): PostgreSQL's wire protocol over SwiftNIO.
      .product(name: "PostgresNIO", package: "postgres-nio"),
      .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
      .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
    ],
    resources: [.copy("Resources/demo-company.json")]
  ),
  .target(
    name: "CRMImport",
    dependencies: ["BatonModel", "WorkspaceStore", .product(name: "CSV", package: "CSV.swift")],
    resources: [.copy("Resources/crm-layouts.json")]
  ),
  // The operating model as a YAML file: `baton model export` and `baton model apply`.
  .target(
    name: "ModelFile",
    dependencies: ["BatonModel", "WorkspaceStore", "IntentMatching", .product(name: "Yams", package: "Yams")]),
  .target(name: "Actions", dependencies: ["BatonModel", "WorkspaceStore"]),
  // baton as a Model Context Protocol server (`baton mcp`): JSON-RPC over standard I/O.
  .target(
    name: "MCPServer",
    dependencies: [
      "BatonModel", "IntentMatching", "Conversation", "Actions", "Assistant", "Rendering", "WorkspaceStore",
      "ModelFile",
    ]),
  // The resolver: focus, follow-ups, questions and confirmations; no store.
  .target(name: "Conversation", dependencies: ["BatonModel", "IntentMatching"]),
  .target(
    name: "Assistant", dependencies: ["BatonModel", "IntentMatching", "Conversation", "Actions", "WorkspaceStore"]),
  .target(name: "Rendering", dependencies: ["BatonModel"]),
  .target(
    name: "BatonCLI",
    dependencies: [
      "Assistant", "Conversation", "Rendering", "LineEditing", "IntentMatching", "WorkspaceStore", "BatonModel",
      "CRMImport", "ModelFile", "MCPServer",
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ],
    resources: [.copy("../../intents")]
  ),
  .executableTarget(
    name: "baton",
    dependencies: ["BatonCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
    // A position-dependent release binary: the loader then has no relocations to apply to
    // the word table's and the engine's pointers at every start. Release only: the tests
    // link this target into a shared test bundle, which must stay position-independent.
    linkerSettings: [.unsafeFlags(["-Xlinker", "-no-pie"], .when(configuration: .release))]
  ),
  .target(name: "CPTY", path: "Tests/CPTY"),
  .target(
    name: "BatonTestSupport",
    dependencies: ["Assistant", "Rendering", "IntentMatching", "WorkspaceStore", "BatonModel"],
    path: "Tests/BatonTestSupport"
  ),
  .testTarget(
    name: "IntentMatchingTests",
    dependencies: ["IntentMatching", "BatonModel", "BatonTestSupport", "WorkspaceStore"],
    exclude: ["Fixtures"]
  ),
  .testTarget(
    name: "WorkspaceStoreTests",
    dependencies: ["WorkspaceStore", "BatonModel", "BatonTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
    exclude: ["Fixtures"]
  ),
  .testTarget(
    name: "AssistantTests",
    dependencies: [
      "Assistant", "BatonTestSupport", "Rendering", "WorkspaceStore", "BatonModel", "IntentMatching",
      .product(name: "GRDB", package: "GRDB.swift"),
    ],
    exclude: ["Transcripts"]
  ),
  .testTarget(
    name: "ConversationTests", dependencies: ["Conversation", "IntentMatching", "BatonModel", "BatonTestSupport"]),
  .testTarget(
    name: "ActionsTests", dependencies: ["Actions", "WorkspaceStore", "BatonModel", "BatonTestSupport"]),
  .testTarget(name: "RenderingTests", dependencies: ["Rendering", "BatonModel", "BatonTestSupport"]),
  .testTarget(name: "BatonModelTests", dependencies: ["BatonModel", "BatonTestSupport"]),
  .testTarget(name: "CRMImportTests", dependencies: ["CRMImport", "BatonModel", "BatonTestSupport"]),
  .testTarget(name: "LineEditingTests", dependencies: ["LineEditing", "BatonTestSupport"]),
  .testTarget(
    name: "MCPServerTests",
    dependencies: ["MCPServer", "Assistant", "BatonTestSupport", "WorkspaceStore", "BatonModel", "IntentMatching"]),
  .testTarget(
    name: "BatonCLITests",
    dependencies: [
      "BatonCLI", "CPTY", "baton", "BatonTestSupport", "BatonModel", "Conversation", "WorkspaceStore", "Assistant",
      "IntentMatching",
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ],
    exclude: ["Fixtures"]
  ),
]

let package = Package(
  name: "baton",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "baton", targets: ["baton"]),
    // For the benchmark package in Benchmarks/, which measures the parts in-process.
    .library(
      name: "BatonEngine",
      targets: [
        "BatonModel", "IntentMatching", "WorkspaceStore", "Actions", "Conversation", "Assistant", "CRMImport",
        "Rendering", "MCPServer",
      ]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    // postgres-nio's own dependencies, named for the event loop, TLS and its logger.
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: ownTargets
)

// Strict settings for baton's own Swift targets only; dependencies keep theirs.
for target in package.targets where target.type != .system && !["CPTY", "CWordVectors"].contains(target.name) {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .enableUpcomingFeature("ExistentialAny"),
      .enableUpcomingFeature("MemberImportVisibility"),
      .treatAllWarnings(as: .error),
      // A concrete generic type (a dictionary keyed by an enum of ours) is otherwise found
      // at run time by its mangled name, and its first use checks the key's conformance by
      // scanning every conformance in the binary, which is costly at start-up. Direct
      // metadata accessors cost a little code and no scan.
      .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
    ]
}
