import Foundation
internal import Logging
internal import NIOCore
internal import NIOPosix
internal import NIOSSL
internal import PostgresNIO
import Synchronization

/// One connection to a shared workspace's PostgreSQL server, used synchronously as the
/// store uses SQLite: each call waits for the server's whole answer.
///
/// Every statement's rows are read to the end, so a statement's error is raised where it
/// happens, and a transaction's COMMIT is checked to have committed: a transaction the
/// server aborted answers COMMIT with ROLLBACK and no error.
final class PostgresSession: Sendable {
  let location: PostgresLocation
  private let connection: PostgresConnection
  /// Silent: the store reports what goes wrong as `WorkspaceError`, and a library's log
  /// lines on standard output would break a script's output.
  private static let logger = Logger(label: "baton.postgres") { _ in SwiftLogNoOpLogHandler() }

  private init(location: PostgresLocation, connection: PostgresConnection) {
    self.location = location
    self.connection = connection
  }

  /// Connects as `location` says.
  ///
  /// - Throws: `WorkspaceError.server` when the server cannot be reached or refuses the
  ///   login, with the server's own reason.
  static func connect(_ location: PostgresLocation) throws -> PostgresSession {
    let configuration: PostgresConnection.Configuration
    if location.isSocket {
      configuration = .init(
        unixSocketPath: location.socketPath, username: location.user, password: location.password,
        database: location.database)
    } else {
      configuration = .init(
        host: location.host, port: location.port, username: location.user, password: location.password,
        database: location.database, tls: try tls(location.sslMode))
    }
    do {
      let connection = try PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
      ).wait()
      let session = PostgresSession(location: location, connection: connection)
      // Another session's change to a name, heard as it commits (the connection sends
      // LISTEN before any statement of ours).
      let notices = session.namesNotices
      connection.addListener(channel: PostgresSchema.namesChannel) { _, _ in
        notices.bump()
      }
      let changes = session.changeNotices
      connection.addListener(channel: PostgresSchema.changesChannel) { _, _ in
        changes.bump()
      }
      // A change waits for another's lock as long as a file's writer waits (3 s), then the
      // workspace is reported locked.
      try session.run("SET lock_timeout = '3s'")
      return session
    } catch {
      throw failure(error, location: location)
    }
  }

  /// libpq's modes as TLS settings: `prefer` and `require` encrypt without checking the
  /// certificate (as libpq does), `verify-ca` checks it against the trusted roots, and
  /// `verify-full` the host name too. `allow` is read as `prefer`.
  private static func tls(_ mode: PostgresLocation.SSLMode) throws -> PostgresConnection.Configuration.TLS {
    var configuration = TLSConfiguration.makeClientConfiguration()
    switch mode {
    case .disable: return .disable
    case .allow, .prefer, .require: configuration.certificateVerification = .none
    case .verifyCA: configuration.certificateVerification = .noHostnameVerification
    case .verifyFull: configuration.certificateVerification = .fullVerification
    }
    let context = try NIOSSLContext(configuration: configuration)
    return mode == .require || mode == .verifyCA || mode == .verifyFull ? .require(context) : .prefer(context)
  }

  /// Runs one statement with `values` bound to `$1`, `$2`, …, and returns its rows, every
  /// one read. In a read (`read`), an answer the read cache holds is given without asking
  /// the server, and the read's BEGIN is sent ahead of its first statement that does ask.
  @discardableResult
  func run(_ sql: String, _ values: [SQLValue] = []) throws -> PostgresResult {
    let route = conversation.withLock { state -> Route in
      guard state.read != .none else { return .server(reading: false) }
      if let answer = state.cache.answer(sql, values) { return .kept(answer) }
      if state.read == .unbegun {
        state.pending = send("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        state.read = .begun
      }
      return .server(reading: true)
    }
    switch route {
    case .kept(let answer):
      return answer
    case .server(let reading):
      let result = try ask(sql, values)
      if reading, caches { conversation.withLock { state in state.cache.keep(result, for: sql, values) } }
      return result
    }
  }

  /// Sends one statement and waits for its whole answer.
  private func ask(_ sql: String, _ values: [SQLValue]) throws -> PostgresResult {
    var binds = PostgresBindings(capacity: values.count)
    for value in values {
      switch value {
      case .null: binds.appendNull()
      case .integer(let number): binds.append(number)
      case .real(let number): binds.append(number)
      case .text(let text): binds.append(text)
      }
    }
    do {
      let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.logger).wait()
      let names = result.rows.first.map { row in row.map(\.columnName) } ?? []
      return PostgresResult(
        command: result.metadata.command,
        rows: try result.rows.map { RowValues(names: names, values: try Self.values(of: $0)) })
    } catch {
      throw Self.failure(error, location: location)
    }
  }

  /// Copies `rows` into `table`'s `columns` by `COPY … FROM STDIN` (text format), inside
  /// the transaction under way: one statement for any number of rows, where INSERTs are
  /// bounded by the 65,535 values a statement binds. Values are integers, text or NULL.
  ///
  /// - Throws: `WorkspaceError.server` with the server's reason (a row it refuses names
  ///   the table and the line of the copy).
  func copy(into table: String, columns: [String], rows: [[SQLValue]]) throws {
    let chunks = Self.copyText(rows)
    let connection = connection
    let outcome = CopyOutcome()
    // The copy is async; its task runs on this thread (`CallerExecutor`), not on the shared
    // pool, whose few threads may all be callers like this one, waiting.
    let executor = CallerExecutor()
    Task(executorPreference: executor) {
      defer { executor.stop() }
      do {
        // The library quotes the table's and the columns' names (the schema's own).
        try await connection.copyFrom(table: table, columns: columns, logger: Self.logger) { writer in
          for chunk in chunks { try await writer.write(chunk) }
        }
        outcome.finish(nil)
      } catch {
        outcome.finish(error)
      }
    }
    // Returns once the task has stopped the executor, so the outcome is in.
    executor.run()
    if let error = outcome.error { throw Self.failure(error, location: location) }
  }

  /// A task executor whose jobs run on the thread that calls `run`, until `stop`: a
  /// synchronous caller lends its own thread to the async work it waits for.
  private final class CallerExecutor: TaskExecutor, Sendable {
    private let jobs = Mutex<(queue: [UnownedJob], stopped: Bool)>(([], false))
    private let ready = DispatchSemaphore(value: 0)

    func enqueue(_ job: consuming ExecutorJob) {
      let job = UnownedJob(job)
      jobs.withLock { $0.queue.append(job) }
      ready.signal()
    }

    func stop() {
      jobs.withLock { $0.stopped = true }
      ready.signal()
    }

    /// Runs jobs as they come until `stop` and every job before it have run.
    func run() {
      while true {
        ready.wait()
        let (job, stopped) = jobs.withLock { state in
          (state.queue.isEmpty ? nil : state.queue.removeFirst(), state.stopped)
        }
        if let job {
          job.runSynchronously(on: asUnownedTaskExecutor())
        } else if stopped {
          return
        }
      }
    }
  }

  /// How a copy ended, handed from its task to the thread that ran it.
  private final class CopyOutcome: Sendable {
    private let failure = Mutex<(any Error)?>(nil)

    func finish(_ error: (any Error)?) { failure.withLock { $0 = error } }

    var error: (any Error)? { failure.withLock { $0 } }
  }

  /// `rows` in COPY's text format (tab between values, a line a row, `\N` for NULL,
  /// backslash, tab and line ends escaped), in buffers of about a megabyte.
  static func copyText(_ rows: [[SQLValue]]) -> [ByteBuffer] {
    var chunks: [ByteBuffer] = []
    var text = ""
    text.reserveCapacity(1 << 20)
    for row in rows {
      for (index, value) in row.enumerated() {
        if index > 0 { text += "\t" }
        switch value {
        case .null: text += "\\N"
        case .integer(let number): text += String(number)
        case .real(let number): text += "\(number)"
        case .text(let string): text += escapedForCopy(string)
        }
      }
      text += "\n"
      if text.utf8.count >= 1 << 20 {
        chunks.append(ByteBuffer(string: text))
        text.removeAll(keepingCapacity: true)
      }
    }
    if !text.isEmpty { chunks.append(ByteBuffer(string: text)) }
    return chunks
  }

  private static func escapedForCopy(_ string: String) -> String {
    guard string.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return string }
    var escaped = ""
    for character in string.unicodeScalars {
      switch character {
      case "\\": escaped += "\\\\"
      case "\t": escaped += "\\t"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      default: escaped.unicodeScalars.append(character)
      }
    }
    return escaped
  }

  /// Runs `body` in one transaction (begun by `begin`), committed when it returns (rolled
  /// back instead when `keep` is false) and rolled back when it throws. One transaction at
  /// a time: the connection is one, and a session's threads take turns.
  ///
  /// - Throws: `WorkspaceError.server` when the server did not commit: nothing was saved.
  func transaction<T>(begin: String = "BEGIN", keep: Bool = true, _ body: () throws -> T) throws -> T {
    try turn.withLock { _ in
      // A change reads afresh, outside the snapshot the reads before it shared.
      try endHeldReads()
      try settleAhead()
      try run(begin)
      let value: T
      do {
        value = try body()
      } catch {
        _ = try? run("ROLLBACK")
        throw error
      }
      guard keep else {
        try run("ROLLBACK")
        return value
      }
      // The session's own change: what the cache holds may be what it changed.
      conversation.withLock { state in state.cache.empty() }
      let commit = try run("COMMIT")
      guard commit.command == "COMMIT" else {
        throw WorkspaceError.server(
          location: location.description,
          detail: "the server answered \(commit.command) to COMMIT: nothing was saved")
      }
      return value
    }
  }

  /// Runs `body` in one read-only transaction (one snapshot, and a read that writes fails)
  /// without waiting for the server's answers to its BEGIN and COMMIT: the one connection
  /// keeps the statements in order, BEGIN's answer has come by the time the first read's
  /// has, and COMMIT's is checked before the next transaction begins. Two round trips a
  /// read fewer; a read-only transaction has nothing to lose at its COMMIT. BEGIN is sent
  /// with the first statement the read cache cannot answer: a read it answers whole sends
  /// nothing.
  ///
  /// When the session holds its reads (`holdReads`), a read's transaction is not ended with
  /// the read: the reads after it share it, one snapshot and no BEGIN or COMMIT each, until
  /// `letGoOfReads` (a script's group of lines ending, or a change).
  func read<T>(_ body: () throws -> T) throws -> T {
    try turn.withLock { _ in
      try settleAhead()
      conversation.withLock { state in
        // Another session changed the workspace since the answers were kept.
        if changeNotices.take() > 0 { state.cache.empty() }
        state.read = state.heldSince == nil ? .unbegun : .begun
      }
      let value: T
      do {
        value = try body()
      } catch {
        let begun = leaveRead()
        conversation.withLock { state in state.heldSince = nil }
        try? settleAhead()
        if begun { _ = try? run("ROLLBACK") }
        throw error
      }
      let begun = leaveRead()
      try settleAhead()
      if begun {
        conversation.withLock { state in
          if holdsReads.load(ordering: .relaxed) {
            if state.heldSince == nil { state.heldSince = .now }
          } else {
            state.pending = send("COMMIT")
          }
        }
      }
      return value
    }
  }

  /// Ends a read, so statements are asked of the server again; whether its transaction was
  /// begun (its BEGIN's answer may still be to settle).
  private func leaveRead() -> Bool {
    conversation.withLock { state in
      defer { state.read = .none }
      return state.read == .begun
    }
  }

  /// Lets the reads of a session that holds them keep one transaction between them, until
  /// `letGoOfReads`: a script's run of questions then costs one statement a read, where
  /// each read was three (its BEGIN and COMMIT are answered by the server, even sent ahead).
  func holdReads() {
    holdsReads.store(true, ordering: .relaxed)
  }

  private let holdsReads = Atomic<Bool>(false)

  /// How long the reads' shared transaction has been open, or nil when none is.
  var readsHeldFor: Duration? {
    conversation.withLock { state in state.heldSince.map { ContinuousClock.now - $0 } }
  }

  /// Ends the reads' shared transaction, if one is open: its COMMIT is sent, and its answer
  /// settled before the next statement, so the snapshot is let go without a wait.
  func letGoOfReads() throws {
    try turn.withLock { _ in try endHeldReads() }
  }

  /// `letGoOfReads` in the caller's turn.
  private func endHeldReads() throws {
    guard conversation.withLock({ state in state.heldSince != nil }) else { return }
    try settleAhead()
    conversation.withLock { state in
      state.heldSince = nil
      state.pending = send("COMMIT")
    }
  }

  /// Sends a statement without waiting for its answer.
  private func send(_ sql: String) -> EventLoopFuture<PostgresQueryResult> {
    connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger)
  }

  /// Waits for the answer to a statement sent ahead, if any, and raises its error.
  private func settleAhead() throws {
    guard let sent = conversation.withLock({ state in state.pending.take() }) else { return }
    do {
      _ = try sent.wait()
    } catch {
      throw Self.failure(error, location: location)
    }
  }

  /// Held for the length of a transaction: a session's threads take turns on the one
  /// connection.
  private let turn = Mutex<Void>(())

  /// Where the connection is in the turn under way, touched by the thread whose turn it is.
  private let conversation = Mutex(Conversation())

  private struct Conversation: ~Copyable {
    /// A statement sent ahead whose answer is not read yet (a read's BEGIN or COMMIT).
    var pending: EventLoopFuture<PostgresQueryResult>?
    /// Whether a read is under way, and whether its BEGIN was sent.
    var read = ReadPhase.none
    /// When the reads' shared transaction began, while one is open (`holdReads`).
    var heldSince: ContinuousClock.Instant?
    var cache = PostgresReadCache()
  }

  private enum ReadPhase { case none, unbegun, begun }

  /// Where a statement's answer comes from: the read cache, or the server (in a read or not).
  private enum Route {
    case kept(PostgresResult)
    case server(reading: Bool)
  }

  /// Whether reads keep their answers (`PostgresReadCache`): only on a workspace whose
  /// tables announce their changes, which `Workspace.open(server:)` checks.
  private let cacheAnswers = Atomic<Bool>(false)
  private var caches: Bool { cacheAnswers.load(ordering: .relaxed) }

  /// Lets reads keep their answers, once the workspace is known to announce its changes.
  func keepAnswers() {
    cacheAnswers.store(true, ordering: .relaxed)
  }

  /// Empties the read cache: the workspace was replaced under it (a restore).
  func forgetAnswers() {
    conversation.withLock { state in state.cache.empty() }
  }

  /// How many answers the read cache holds.
  var keptAnswers: Int { conversation.withLock { state in state.cache.count } }

  /// How many names changes were announced (`PostgresSchema.namesChannel`).
  let namesNotices = NoticeCounter()
  /// How many changes of any kind were announced (`PostgresSchema.changesChannel`).
  let changeNotices = NoticeCounter()

  /// A count bumped on the event loop and read by the session's thread.
  final class NoticeCounter: Sendable {
    private let count = Atomic<Int>(0)
    func bump() { count.add(1, ordering: .relaxed) }
    /// The count, left as it is.
    var heard: Int { count.load(ordering: .relaxed) }
    /// The count, set back to zero.
    func take() -> Int { count.exchange(0, ordering: .relaxed) }
  }

  func close() {
    turn.withLock { _ in
      try? endHeldReads()
      try? settleAhead()
    }
    try? connection.close().wait()
  }

  /// A session let go without `close` (an error on the way out) closes its connection: the
  /// server ends the session's backend now rather than when it notices the socket gone.
  deinit {
    try? connection.close().wait()
  }

  /// A row's values: integers as integers, reals as reals (an aggregate's `numeric` too),
  /// the rest as text.
  private static func values(of row: PostgresRow) throws -> [SQLValue] {
    try row.map { cell in
      guard cell.bytes != nil else { return .null }
      switch cell.dataType {
      case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
      case .float4, .float8: return .real(try cell.decode(Double.self))
      case .numeric:
        let number = try cell.decode(Decimal.self)
        if let whole = Int64(exactly: NSDecimalNumber(decimal: number).doubleValue), Decimal(whole) == number {
          return .integer(whole)
        }
        return .real(NSDecimalNumber(decimal: number).doubleValue)
      case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
      default: return .text(try cell.decode(String.self))
      }
    }
  }

  /// A transaction that met another's change to the same rows (SQLSTATE 40001 or 40P01):
  /// nothing of it was saved, and run again it reads what the other saved.
  struct Contended: Error {}

  /// `error` as the store reports it: the server's message and SQLSTATE where it gave
  /// them, else what failed on the way; `Contended` for a transaction to run again, and a
  /// lock waited for past `lock_timeout` as a locked workspace.
  private static func failure(_ error: any Error, location: PostgresLocation) -> any Error {
    if let error = error as? WorkspaceError { return error }
    guard let error = error as? PSQLError else {
      return WorkspaceError.server(location: location.description, detail: "\(error)")
    }
    switch error.serverInfo?[.sqlState] {
    case "40001", "40P01": return Contended()
    case "55P03": return WorkspaceError.locked(path: location.description)
    default: break
    }
    if let info = error.serverInfo, let message = info[.message] {
      let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
      return WorkspaceError.server(location: location.description, detail: message + state)
    }
    let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
    if error.code == .connectionError {
      let place = location.isSocket ? location.socketPath : "\(location.host):\(location.port)"
      return WorkspaceError.server(location: location.description, detail: "no connection to \(place): \(cause)")
    }
    return WorkspaceError.server(location: location.description, detail: cause)
  }
}

/// A statement's command tag ("INSERT", "COMMIT", "ROLLBACK") and every row it returned.
struct PostgresResult: Sendable {
  let command: String
  let rows: [RowValues]
}

/// One row copied out of its statement: its columns' names, as the query gives them, and
/// values.
struct RowValues: Sendable {
  let names: [String]
  let values: [SQLValue]
}
