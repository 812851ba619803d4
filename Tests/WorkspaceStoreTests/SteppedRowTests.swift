import BatonModel
import BatonTestSupport
import Testing

@testable import WorkspaceStore

/// Rows are read in place by position or by name; what the code does not expect (a missing
/// column, a NULL where a value is needed, a value of another type) is an error, not a crash.
@Suite(.tags(.fast)) struct SteppedRowTests {
  static let query = """
    SELECT 1 AS one, NULL AS absent, 'a' || char(0) || 'b' AS text, 2.0 AS whole, 2.5 AS half, 'x' AS letter
    """

  func row<T>(_ body: @escaping (ResultRow) throws -> T) throws -> T? {
    try Workspace.inMemory(.empty).read { db in try db.firstRow(Self.query) { try body($0) } }
  }

  @Test func valuesReadByPositionOrName() throws {
    #expect(try row { try $0[0] as Int } == 1)
    #expect(try row { try $0["one"] as Int64 } == 1)
    #expect(try row { try $0["absent"] as String? } == .some(nil))
    #expect(try row { try $0["text"] as String }?.utf8.count == 3)
    #expect(try row { try $0["whole"] as Int } == 2)
    #expect(try row { try $0["half"] as Double } == 2.5)
    #expect(try row { try $0["one"] as Bool } == true)
    #expect(try row { try $0["one"] as String } == "1")
  }

  @Test func unexpectedValuesAreErrors() throws {
    #expect(throws: WorkspaceError.self) { try row { try $0["absent"] as Int } }
    #expect(throws: WorkspaceError.self) { try row { try $0["missing"] as Int? } }
    #expect(throws: WorkspaceError.self) { try row { try $0[6] as Int? } }
    #expect(throws: WorkspaceError.self) { try row { try $0[-1] as Int? } }
    #expect(throws: WorkspaceError.self) { try row { try $0["half"] as Int } }
    #expect(throws: WorkspaceError.self) { try row { try $0["letter"] as Int } }
    // A name is the query's, exactly: "ONE" is not "one".
    #expect(throws: WorkspaceError.self) { try row { try $0["ONE"] as Int } }
  }
}
