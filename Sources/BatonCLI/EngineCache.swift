import BatonModel
import Foundation
import IntentMatching

/// Built engines kept between runs, one file per workspace: building one means parsing the
/// intent files and training the ranker, which would otherwise dominate every start; reading
/// one back is a few copies.
///
/// A file holds the keys it was built under (the intent files' bytes and the workspace's
/// names, hashed; and the same files with the workspace's names token) and is used only when
/// one of them is the same now. The cache is an
/// optimization and nothing more: a file that cannot be read, written or trusted is
/// ignored, and the engine is built as if there were none.
struct EngineCache {
  let directory: URL

  /// This executable's size and modification time: a rebuilt baton keys its engines apart
  /// from the one before, so an engine saved by older code is never read by newer code.
  static func buildIdentity() -> String {
    var status = stat()
    guard stat("/proc/self/exe", &status) == 0 else { return "" }
    return "\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
  }

  /// The file for the workspace at `path`, named by a hash of its real path (symbolic links
  /// and `..` resolved, so two spellings of one file share it).
  func file(forWorkspace path: String) -> URL {
    // realpath(3) rather than URL's standardizing, which costs far more at start.
    let absolute =
      realpath(path, nil).map { resolved in
        defer { free(resolved) }
        return String(cString: resolved)
      } ?? path
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
    return directory.appendingPathComponent("engine-\(String(hash, radix: 16)).bin")
  }

  /// The bytes saved for `workspace`, if there is a file; `IntentMatcher(snapshot:…)` reads
  /// them under either key and refuses them when neither fits or they are damaged.
  func saved(forWorkspace workspace: String) -> [UInt8]? {
    Self.contents(of: file(forWorkspace: workspace).path)
  }

  /// Saves `matcher` for `workspace` under `key` and `namesKey`: written beside the final
  /// name and renamed into place, so a reader never sees half a file.
  func save(_ matcher: IntentMatcher, key: UInt64, namesKey: UInt64, workspace: String) {
    let target = file(forWorkspace: workspace)
    let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid())")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(matcher.snapshot(key: key, namesKey: namesKey)).write(to: temporary)
      guard rename(temporary.path, target.path) == 0 else {
        try? FileManager.default.removeItem(at: temporary)
        return
      }
      prune(keeping: target)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
    }
  }

  /// How many saved engines are kept: one a workspace, for the workspaces used last.
  static let keptEngines = 16

  /// Removes the saved engines beyond `keptEngines`, the least recently written first, so
  /// the cache does not grow by a file for every workspace path ever opened.
  private func prune(keeping current: URL) {
    let manager = FileManager.default
    guard
      let names = try? manager.contentsOfDirectory(atPath: directory.path).filter({
        $0.hasPrefix("engine-") && $0.hasSuffix(".bin")
      }), names.count > Self.keptEngines
    else { return }
    let dated = names.map { name -> (path: String, written: Date) in
      let path = directory.appendingPathComponent(name).path
      let written = (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
      return (path, written)
    }
    for old in dated.sorted(by: { $0.written > $1.written }).dropFirst(Self.keptEngines)
    where old.path != current.path {
      try? manager.removeItem(atPath: old.path)
    }
  }

  /// A whole file read straight into one array (Foundation's `Data` would be one more copy).
  private static func contents(of path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_size > 0, status.st_size < 1 << 30 else { return nil }
    let size = Int(status.st_size)
    var complete = true
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var done = 0
      while done < size {
        let got = read(descriptor, buffer.baseAddress.map { $0 + done }, size - done)
        if got <= 0 {
          complete = false
          break
        }
        done += got
      }
      // The bytes past a short read are zeroed, never left uninitialized.
      for index in done..<size { buffer[index] = 0 }
      initialized = size
    }
    return complete ? bytes : nil
  }
}
