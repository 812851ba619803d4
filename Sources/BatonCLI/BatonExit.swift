import ArgumentParser
import Foundation
import WorkspaceStore

/// baton's exit statuses, in one place; `--help` and the README list them.
public enum BatonExit: Int32, CaseIterable, Sendable {
  /// Every line succeeded.
  case ok = 0
  /// A line failed: not understood, refused, an unanswered question, an error.
  case lineFailed = 1
  /// Bad flags or arguments, or a script file that cannot be read.
  case usage = 64
  /// A broken intent file or import file.
  case badInput = 65
  /// A bug in baton.
  case internalError = 70
  /// The workspace is locked, corrupt, unwritable or from a newer baton, or a script's group
  /// of changes could not be saved.
  case workspaceUnusable = 74

  var exitCode: ExitCode { ExitCode(rawValue) }

  /// The table shown in `--help`.
  static let helpText = """
    EXIT STATUS:
      0   every line succeeded
      1   a line failed (not understood, refused, unanswered, error)
      64  usage error (bad flag, unreadable script file, unknown --as user)
      65  a broken intent file or import file
      70  internal error (a bug: please report it)
      74  workspace unusable (locked, corrupt, unwritable, newer schema), or a
          script's line could not reach it or its changes could not be saved
    """
}

/// A failure that ends the process with a status and a message on stderr.
struct Failure: Error {
  var exit: BatonExit
  var message: String
}

extension Failure {
  /// Runs a command's body and ends the process the way every command ends on failure: the
  /// message on stderr after `baton: error:`, then the failure's status (74 for a workspace
  /// that cannot be used).
  static func reporting(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as WorkspaceError {
      FileHandle.standardError.write(Data("baton: error: \(error)\n".utf8))
      throw BatonExit.workspaceUnusable.exitCode
    } catch let failure as Failure {
      FileHandle.standardError.write(Data("baton: error: \(failure.message)\n".utf8))
      throw failure.exit.exitCode
    }
  }
}
