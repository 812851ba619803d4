import BatonTestSupport
import Foundation
import Testing

/// Logins given to people by the operating model file, on a shared workspace on the test
/// server (`BATON_TEST_POSTGRES`; skipped without one): each acts as its person, with its
/// person's role's grants, from the moment the file is applied.
@Suite(.tags(.process), .enabled(if: ScratchDatabase.server != nil))
struct SharedModelLoginTests {
  static let sam = "- handle: sam\n  name: Sam Carter\n  team: sales\n  title: Account Executive\n  role: rep\n"
  static let jordan =
    "- handle: jordan\n  name: Jordan Reyes\n  team: revops\n  title: RevOps Director\n  role: revops\n"

  /// The group roles `login` is a direct member of.
  private func groups(of login: String, _ database: ScratchDatabase) throws -> String {
    try database.psql(
      input: """
        SELECT string_agg(g.rolname, ',' ORDER BY g.rolname) FROM pg_auth_members m
        JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = '\(login)'
        """)
  }

  @Test func theModelFileMapsLoginsToPeopleWithTheirRolesGrants() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    #expect(try runner.run(["init", database.url]).status == 0)
    let (samLogin, samURL) = try database.login("sam")
    let (jordanLogin, jordanURL) = try database.login("jordan")
    let exported = try runner.run(["model", "export", "--workspace", database.url])
    #expect(exported.status == 0 && exported.stdout.contains("  logins: [postgres]\n"), "\(exported.stdout)")
    let mapped = exported.stdout
      .replacingOccurrences(of: Self.sam, with: Self.sam + "  logins: [\(samLogin)]\n")
      .replacingOccurrences(of: Self.jordan, with: Self.jordan + "  logins: [\(jordanLogin)]\n")
    let applied = try runner.run([
      "model", "apply", try runner.write(mapped, "mapped.yaml"), "--workspace", database.url,
    ])
    #expect(applied.status == 0, "\(applied.stderr)")
    let sam = try runner.run(["--workspace", samURL, "-c", "who am I"])
    #expect(sam.stdout.contains("You are Sam Carter (sam"), "\(sam.stdout)\(sam.stderr)")
    #expect(try groups(of: samLogin, database) == "\(database.name)_rep")

    // A role changed in the file changes the login's group with it.
    let promoted = mapped.replacingOccurrences(
      of: Self.sam + "  logins", with: Self.sam.replacingOccurrences(of: "role: rep", with: "role: ops") + "  logins")
    #expect(promoted != mapped)
    let raised = try runner.run([
      "model", "apply", try runner.write(promoted, "promoted.yaml"), "--workspace", database.url,
    ])
    #expect(raised.status == 0, "\(raised.stderr)")
    #expect(try groups(of: samLogin, database) == "\(database.name)_ops")

    // RevOps changes the model, not who a login is; the refusal is audited.
    let moved = promoted.replacingOccurrences(of: "  logins: [\(samLogin)]\n", with: "")
    let refused = try runner.run([
      "model", "apply", try runner.write(moved, "moved.yaml"), "--workspace", jordanURL,
    ])
    #expect(refused.status == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("only an admin changes who a login acts as"), "\(refused.stderr)")
    #expect(
      try database.psql(input: "SELECT count(*) FROM audit WHERE actor = 'jordan' AND outcome = 'refused'") == "1")
    #expect(try groups(of: samLogin, database) == "\(database.name)_ops")
    // The admin's file takes the login away: it is no one again and has no group.
    #expect(
      try runner.run(["model", "apply", try runner.write(moved, "moved.yaml"), "--workspace", database.url]).status
        == 0)
    #expect(try runner.run(["--workspace", samURL, "-c", "who am I"]).status == 64)
    #expect(try groups(of: samLogin, database).isEmpty)
  }

  @Test func aWorkspaceMadeFromAModelFileHasItsLogins() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    let runner = try BinaryRunner()
    #expect(try runner.run(["init"]).status == 0)
    let (samLogin, samURL) = try database.login("sam")
    let model = try runner.run(["model", "export"]).stdout
      .replacingOccurrences(of: Self.sam, with: Self.sam + "  logins: [\(samLogin)]\n")
    let file = try runner.write(model, "model.yaml")
    let made = try runner.run(["init", database.url, "--from", file])
    #expect(made.status == 0, "\(made.stderr)")
    let sam = try runner.run(["--workspace", samURL, "-c", "who am I"])
    #expect(sam.stdout.contains("You are Sam Carter (sam"), "\(sam.stdout)\(sam.stderr)")
    #expect(try groups(of: samLogin, database) == "\(database.name)_rep")
    // A login the server lacks is named, and nothing is made.
    let other = try ScratchDatabase()
    defer { other.drop() }
    let typo = try runner.write(model.replacingOccurrences(of: samLogin, with: samLogin + "_typo"), "typo.yaml")
    let refused = try runner.run(["init", other.url, "--from", typo])
    #expect(refused.status != 0 && refused.stderr.contains("there is no login \(samLogin)_typo"), "\(refused.stderr)")
    #expect(try other.psql(input: "SELECT count(*) FROM information_schema.tables WHERE table_name = 'deal'") == "0")
  }
}
