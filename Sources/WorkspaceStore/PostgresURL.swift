import Foundation

/// The parts of a `postgres://` URL as libpq's connection parameters (`user`, `password`,
/// `host`, `port`, `dbname` and the query's), percent-decoded, with the parts it leaves out
/// absent.
enum PostgresURL {
  /// The query parameters baton reads; libpq refuses others too.
  static let queryParameters: Set<String> = [
    "host", "port", "user", "password", "dbname", "sslmode", "service", "application_name", "connect_timeout",
  ]

  static func parameters(of url: String) throws -> [String: String] {
    let shown = withoutPassword(url)
    let bad = { (detail: String) in WorkspaceError.badLocation(location: shown, detail: detail) }
    guard let scheme = url.range(of: "://"), PostgresLocation.isURL(url) else {
      throw bad("it does not start with postgres:// or postgresql://")
    }
    var rest = Substring(url[scheme.upperBound...])
    var query = Substring()
    if let mark = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: mark)...]
      rest = rest[..<mark]
    }
    var path = Substring()
    if let slash = rest.firstIndex(of: "/") {
      path = rest[rest.index(after: slash)...]
      rest = rest[..<slash]
    }
    var parameters: [String: String] = [:]
    func set(_ key: String, _ raw: Substring) throws {
      guard !raw.isEmpty else { return }
      guard let value = String(raw).removingPercentEncoding else { throw bad("'\(raw)' is not percent-encoded text") }
      parameters[key] = value
    }
    if let at = rest.lastIndex(of: "@") {
      let credentials = rest[..<at]
      rest = rest[rest.index(after: at)...]
      if let colon = credentials.firstIndex(of: ":") {
        try set("user", credentials[..<colon])
        try set("password", credentials[credentials.index(after: colon)...])
      } else {
        try set("user", credentials)
      }
    }
    if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
      try set("host", rest[rest.index(after: rest.startIndex)..<close])
      let after = rest[rest.index(after: close)...]
      if after.hasPrefix(":") { try set("port", after.dropFirst()) }
    } else if let colon = rest.lastIndex(of: ":") {
      try set("host", rest[..<colon])
      try set("port", rest[rest.index(after: colon)...])
    } else {
      try set("host", rest)
    }
    try set("dbname", path)
    for pair in query.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = String(parts[0])
      guard queryParameters.contains(key) else {
        throw bad("unknown parameter '\(key)'; it takes \(queryParameters.sorted().joined(separator: ", "))")
      }
      try set(key, parts.count > 1 ? parts[1] : "")
    }
    return parameters
  }

  /// `url` with any password replaced by `***`, to be shown in a message.
  static func withoutPassword(_ url: String) -> String {
    guard let scheme = url.range(of: "://") else { return url }
    let rest = url[scheme.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    var shown = url
    if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
      shown.replaceSubrange(authority.index(after: colon)..<at, with: "***")
    }
    if let query = shown.range(of: #"([?&])password=[^&]*"#, options: .regularExpression) {
      let mark = shown[query].first.map(String.init) ?? "?"
      shown.replaceSubrange(query, with: mark + "password=***")
    }
    return shown
  }
}
