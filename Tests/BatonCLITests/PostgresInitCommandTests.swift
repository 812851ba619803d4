import BatonTestSupport
import Foundation
import Testing

/// `baton init postgres://…` as a team's admin runs it, against the test server
/// (`BATON_TEST_POSTGRES`; skipped without one).
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct PostgresInitCommandTests {
  @Test func anAdminMakesASharedWorkspaceAndIsToldWhere() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    let made = try runner.run(["init", database.url, "--empty"])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("Made an empty workspace on postgres://"), "\(made.stdout)")
    #expect(made.stdout.contains("/\(database.name)"), "\(made.stdout)")
    #expect(try database.psql(input: "SELECT count(*) FROM person") == "1", "the starter model's one administrator")
    #expect(!FileManager.default.fileExists(atPath: runner.workspace), "no file is made beside it")

    let again = try runner.run(["init", database.url])
    #expect(again.status == 74 && again.stderr.contains("add --force"), "\(again.stderr)")
    let replaced = try runner.run(["init", database.url, "--force"])
    #expect(replaced.status == 0 && replaced.stdout.contains("Made a demo workspace on"), "\(replaced.stderr)")
    #expect(try database.psql(input: "SELECT count(*) FROM deal WHERE id = 42") == "1")
  }

  @Test func aPasswordTypedAsAnArgumentIsRefusedAndNotEchoed() throws {
    let runner = try BinaryRunner()
    let refused = try runner.run(["init", "postgres://sam:hunter2@127.0.0.1:1/revenue"])
    #expect(refused.status == 74, "\(refused.stderr)")
    #expect(refused.stderr.contains("~/.pgpass") && !refused.stderr.contains("hunter2"), "\(refused.stderr)")
  }
}
