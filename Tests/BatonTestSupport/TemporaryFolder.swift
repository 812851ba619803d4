import Foundation

/// A folder of its own under the system's temporary directory, removed with everything in
/// it when the last reference goes: a suite that keeps one as a property gets a fresh one
/// for each test, removed after it.
public final class TemporaryFolder: Sendable {
  public let url: URL

  public init(_ label: String = "baton-test") {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// A path inside the folder.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  deinit { try? FileManager.default.removeItem(at: url) }
}
