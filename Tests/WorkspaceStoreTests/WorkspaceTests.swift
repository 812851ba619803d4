import BatonModel
import BatonTestSupport
import Foundation
import Testing
import WorkspaceStore

@Suite(.tags(.fast)) struct WorkspaceTests {
  /// This test's own folder, removed after it.
  let scratch = TemporaryFolder()

  let today = Day(year: 2026, month: 11, day: 23)

  private func temporaryPath() -> String {
    scratch.path("sub-\(UUID().uuidString)/workspace.sqlite")
  }

  @Test func firstOpenCreatesTheDemoWorkspaceAndReopens() throws {
    let path = temporaryPath()
    let first = try Workspace.open(path: path, createIfMissing: today)
    #expect(try first.responsibility(id: "stage-exit-criteria")?.name == "Stage exit criteria")
    let again = try Workspace.open(path: path, createIfMissing: nil)
    #expect(try again.deal(id: 42)?.stage == "proposal")
    // Built beside the target and renamed in: no temporary file is left behind.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
      .filter { $0.contains(".creating-") }
    #expect(leftovers.isEmpty)
  }

  @Test func demoDataKeepsItsPromises() throws {
    let workspace = try Workspace.inMemory(.demo(today: today))
    let responsibilities = try workspace.responsibilities()
    #expect(responsibilities.count >= 7)
    for item in responsibilities {
      #expect(item.parties(.accountable).count == 1, "\(item.name) needs exactly one Accountable")
    }
    let stages = try workspace.stages().map(\.name)
    #expect(
      stages == [
        "Lead", "MQL", "SAL", "SQL", "Discovery", "Proposal", "Negotiation", "Closed-Won", "Closed-Lost", "Onboarding",
        "Renewal", "Expansion",
      ])
    #expect(try workspace.deal(id: 42)?.stage == "proposal")
    #expect(try workspace.deal(id: 8)?.stage == "closed-won")
    let names = try workspace.vocabulary()
    let accounts = names.filter { $0.kind == .account }.map(\.display)
    #expect(accounts.count >= 40)
    for name in ["Globex", "Initech", "Hooli", "Umbrella"] { #expect(accounts.contains(name)) }
    #expect(names.filter { $0.kind == .deal }.count >= 200)
    for handle in ["priya", "jordan", "sam", "dana", "alex"] {
      #expect(try workspace.actor(named: handle) != nil, "\(handle) is in the demo company")
    }
    #expect(try workspace.actor(named: "Priya")?.role == .ops)
    #expect(try workspace.actor(named: "jordan")?.role == .revops)
  }

  @Test func demoDataIsTheSameEveryTime() throws {
    let one = try Workspace.inMemory(.demo(today: today))
    let two = try Workspace.inMemory(.demo(today: today))
    #expect(try one.deals(includeClosed: true, limit: 500) == two.deals(includeClosed: true, limit: 500))
  }

  @Test func initRefusesToOverwriteWithoutForce() throws {
    let path = temporaryPath()
    try Workspace.create(at: path, content: .empty, force: false)
    #expect(throws: WorkspaceError.alreadyExists(path: path)) {
      try Workspace.create(at: path, content: .empty, force: false)
    }
    try Workspace.create(at: path, content: .demo(today: today), force: true)
    #expect(try Workspace.open(path: path, createIfMissing: nil).deal(id: 1) != nil)
  }

  @Test func aFileThatIsNotADatabaseIsCorrupt() throws {
    let path = temporaryPath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
    #expect {
      try Workspace.open(path: path, createIfMissing: nil)
    } throws: { error in
      guard case .corrupt = error as? WorkspaceError else { return false }
      return true
    }
    // Nothing was written over the user's file.
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x41, count: 4096))
  }

  @Test func aWorkspaceFromANewerBatonIsRefused() throws {
    let path = temporaryPath()
    try Workspace.create(at: path, content: .empty, force: false)
    // A later release would have recorded a migration this one does not know.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')"]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(throws: WorkspaceError.newerSchema(path: path)) {
      try Workspace.open(path: path, createIfMissing: nil)
    }
  }
}
