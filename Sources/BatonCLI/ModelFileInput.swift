import BatonModel
import Foundation
import IntentMatching
import ModelFile
import WorkspaceStore

/// Reading and writing model files for the commands that take them.
enum ModelFileInput {
  /// The file's model, or a failure listing each problem at its line and column (65).
  static func read(_ path: String) throws -> OperatingModel {
    let contents =
      path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
    guard let data = contents else {
      throw Failure(exit: .usage, message: "cannot read the model file \(path)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw Failure(exit: .badInput, message: "\(path): the file is not UTF-8 text")
    }
    let (model, diagnostics) = ModelFileReader.read(text, file: path)
    guard let model else {
      let count = diagnostics.count
      throw Failure(
        exit: .badInput,
        message: "the model file has \(count) problem\(count == 1 ? "" : "s"); nothing was changed\n"
          + diagnostics.map(\.description).joined(separator: "\n"))
    }
    return model
  }
}

/// Writing an exported model: beside the file, then renamed over it, so a reader never sees
/// half a model.
enum ModelFileOutput {
  static func write(_ text: String, to path: String) throws {
    let temporary = "\(path).writing-\(ProcessInfo.processInfo.processIdentifier)"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      throw Failure(exit: .usage, message: "cannot write \(path)")
    }
    guard rename(temporary, path) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw Failure(exit: .usage, message: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
  }
}

extension AuditContext {
  /// A command's audit context: who acts, the command line as typed, and when
  /// (`BATON_TODAY` fixes the moment, as in sessions).
  static func command(_ environment: BatonEnvironment, actor: Actor, action: String) throws -> AuditContext {
    let today = try environment.today()
    let fixedClock = !(environment.variables["BATON_TODAY"] ?? "").isEmpty
    return AuditContext(
      actor: actor.handle, input: (["baton"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
      intent: nil, action: action,
      at: fixedClock ? "\(today.iso)T09:00:00Z" : ISO8601DateFormatter().string(from: Date()))
  }
}
