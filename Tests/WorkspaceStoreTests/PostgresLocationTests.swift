import BatonTestSupport
import Foundation
import Testing

@testable import WorkspaceStore

/// A shared workspace's location read as libpq reads one: the URL, a service file, the
/// `PG…` variables, the password file and the defaults, with real files in a folder of the
/// test's own.
struct PostgresLocationTests {
  let folder = TemporaryFolder("baton-pg-location")
  var files: PostgresFiles {
    PostgresFiles(home: folder.path(""), systemUser: "jordan", systemFolder: folder.path("etc"))
  }

  func parse(_ url: String, _ environment: [String: String] = [:], passwordAllowed: Bool = false) throws
    -> PostgresLocation
  {
    try PostgresLocation.parse(url, environment: environment, passwordAllowed: passwordAllowed, files: files)
  }

  func write(_ text: String, to name: String, mode: Int = 0o600) throws {
    let path = folder.path(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
  }

  @Test func aURLsPartsAreRead() throws {
    let location = try parse("postgres://sam@db.example.com:6543/revenue?sslmode=require")
    #expect(location.host == "db.example.com" && location.port == 6543)
    #expect(location.user == "sam" && location.database == "revenue" && location.sslMode == .require)
    #expect(!location.isSocket && location.password == nil)
    #expect(location.description == "postgres://sam@db.example.com:6543/revenue")
    let ipv6 = try parse("postgresql://[::1]:5433/revenue")
    #expect(ipv6.host == "::1" && ipv6.port == 5433)
  }

  @Test func whatTheURLLeavesOutComesFromTheVariablesThenLibpqsDefaults() throws {
    let named = try parse("postgres:///revenue", ["PGHOST": "10.0.0.5", "PGUSER": "lee", "PGPORT": "6000"])
    #expect(named.host == "10.0.0.5" && named.port == 6000 && named.user == "lee" && named.database == "revenue")
    // The URL wins over a variable.
    #expect(try parse("postgres://avery@/revenue", ["PGUSER": "lee"]).user == "avery")
    let bare = try parse("postgres://")
    #expect(bare.isSocket && bare.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
    #expect(bare.user == "jordan" && bare.database == "jordan" && bare.sslMode == .prefer)
  }

  @Test func aSocketFolderIsAHostThatIsAPath() throws {
    #expect(try parse("postgresql://%2Ftmp%2Fpg/revenue").socketPath == "/tmp/pg/.s.PGSQL.5432")
    let query = try parse("postgres:///revenue?host=/tmp/pg&port=5433")
    #expect(query.isSocket && query.socketPath == "/tmp/pg/.s.PGSQL.5433")
  }

  @Test func aPasswordTypedInAFlagIsRefusedAndNeverShown() throws {
    do {
      _ = try parse("postgres://sam:hunter2@db/revenue")
      Issue.record("a password in a flag was taken")
    } catch let error as WorkspaceError {
      #expect(!error.description.contains("hunter2") && error.description.contains("~/.pgpass"), "\(error)")
    }
    // From the environment (BATON_WORKSPACE) it is the user's own.
    let allowed = try parse("postgres://sam:hunter2@db/revenue", passwordAllowed: true)
    #expect(allowed.password == "hunter2" && !allowed.description.contains("hunter2"))
    #expect(PostgresURL.withoutPassword("postgres://db/x?user=a&password=pw") == "postgres://db/x?user=a&password=***")
  }

  @Test(arguments: [
    ("postgres://db:port/x", "'port' is not a port number"),
    ("postgres://db/x?sslmode=maybe", "sslmode 'maybe' is none of"),
    ("postgres://db/x?colour=red", "unknown parameter 'colour'"),
    ("postgres://a,b/x", "several hosts"),
    ("postgres://db/x%zz", "not percent-encoded"),
  ])
  func whatCannotBeReadIsNamed(url: String, detail: String) throws {
    #expect {
      try parse(url)
    } throws: { error in
      "\(error)".contains(detail)
    }
  }

  @Test func thePasswordFileGivesTheFirstMatchingLinesPassword() throws {
    try write(
      """
      # the team's server
      otherhost:5432:*:sam:wrong
      db.example.com:5432:revenue:sam:pa\\:ss
      *:*:*:lee:leepass
      """, to: ".pgpass")
    #expect(try parse("postgres://sam@db.example.com/revenue").password == "pa:ss")
    #expect(try parse("postgres://lee@anywhere:7000/other").password == "leepass")
    #expect(try parse("postgres://riley@db.example.com/revenue").password == nil)
    #expect(try parse("postgres://sam@db.example.com/revenue", ["PGPASSWORD": "env"]).password == "env")
    // A socket to the default folder matches "localhost".
    try write("localhost:5432:*:jordan:local", to: ".pgpass")
    #expect(try parse("postgres://").password == "local")
    // A file others may read holds no secret: ignored, as libpq does.
    try write("*:*:*:*:public", to: ".pgpass", mode: 0o644)
    #expect(try parse("postgres://").password == nil)
  }

  @Test func aServiceNamesTheRestAndTheURLStillWins() throws {
    try write(
      """
      # services
      [other]
      host=elsewhere
      [shared]
      host = db.internal
      port=6000
      dbname=revenue
      """, to: ".pg_service.conf")
    let service = try parse("postgres://?service=shared")
    #expect(service.host == "db.internal" && service.port == 6000 && service.database == "revenue")
    #expect(try parse("postgres://:7000/", ["PGSERVICE": "shared"]).port == 7000)
    // The service wins over a variable, as in libpq.
    #expect(try parse("postgres://?service=shared", ["PGHOST": "ignored"]).host == "db.internal")
    #expect {
      try parse("postgres://?service=missing")
    } throws: { error in
      "\(error)".contains("no service called 'missing'")
    }
    try write("[shared]\nhost db.internal\n", to: ".pg_service.conf")
    #expect {
      try parse("postgres://?service=shared")
    } throws: { error in
      "\(error)".contains(".pg_service.conf:2")
    }
  }
}
