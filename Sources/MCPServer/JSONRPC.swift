import BatonModel
import Foundation

/// A JSON-RPC 2.0 error: a protocol fault, not a refusal (those are tool results).
public struct RPCError: Error, Equatable, Sendable {
  public var code: Int
  public var message: String
  public var data: JSONValue?

  public init(_ code: Int, _ message: String, data: JSONValue? = nil) {
    self.code = code
    self.message = message
    self.data = data
  }

  static func parseError(_ message: String) -> RPCError { RPCError(-32700, "Parse error: \(message)") }
  static func invalidRequest(_ message: String) -> RPCError { RPCError(-32600, "Invalid request: \(message)") }
  static func methodNotFound(_ method: String) -> RPCError { RPCError(-32601, "Method not found: \(method)") }
  static func invalidParams(_ message: String) -> RPCError { RPCError(-32602, "Invalid params: \(message)") }
}

/// One message from the client, as read from a line.
enum IncomingMessage: Equatable {
  /// A request: answered with exactly one response carrying its id.
  case request(id: JSONValue, method: String, params: JSONValue)
  /// A notification: never answered.
  case notification(method: String, params: JSONValue)
  /// A response to a request of the server's; baton sends none, so it is dropped.
  case response
  /// A message that cannot be served, answered with this error under this id (null when
  /// the id could not be read).
  case invalid(id: JSONValue, RPCError)
}

/// JSON-RPC 2.0 framing of one message per line (MCP's stdio transport).
enum JSONRPC {
  /// Reads one message. Batches (arrays) are refused: MCP has not allowed them since its
  /// 2025-06-18 revision.
  static func read(_ bytes: Data) -> IncomingMessage {
    let value: JSONValue
    do {
      value = try JSONDecoder().decode(JSONValue.self, from: bytes)
    } catch {
      return .invalid(id: .null, .parseError("the message is not JSON"))
    }
    guard case .object(let members) = value else {
      if case .array = value { return .invalid(id: .null, .invalidRequest("batches are not supported")) }
      return .invalid(id: .null, .invalidRequest("a message is a JSON object"))
    }
    // A response to the server (it sends no requests) is dropped, never answered, whatever
    // its id: answering it could start an exchange of errors.
    if members["method"] == nil, members["result"] != nil || members["error"] != nil { return .response }
    let id = members["id"]
    if let id, !Self.isValidID(id) {
      return .invalid(id: .null, .invalidRequest("an id is a string or a number"))
    }
    guard members["jsonrpc"] == .string("2.0") else {
      return .invalid(id: id ?? .null, .invalidRequest("\"jsonrpc\" must be \"2.0\""))
    }
    guard let method = members["method"] else { return .invalid(id: id ?? .null, .invalidRequest("no method")) }
    guard case .string(let name) = method else {
      return .invalid(id: id ?? .null, .invalidRequest("the method is not a string"))
    }
    var params = members["params"] ?? .object([:])
    switch params {
    case .object, .array: break
    case .null: params = .object([:])
    default: return .invalid(id: id ?? .null, .invalidRequest("params are an object or an array"))
    }
    guard let id else { return .notification(method: name, params: params) }
    return .request(id: id, method: name, params: params)
  }

  private static func isValidID(_ id: JSONValue) -> Bool {
    switch id {
    case .string, .int: return true
    case .double(let value): return value.rounded() == value && abs(value) < 9e15
    default: return false
    }
  }

  /// The response carrying `result`, as one line's bytes (no newline).
  static func result(id: JSONValue, _ result: JSONValue) -> Data {
    Data((["jsonrpc": "2.0", "id": id, "result": result] as JSONValue).jsonText.utf8)
  }

  /// The response carrying `error`.
  static func error(id: JSONValue, _ error: RPCError) -> Data {
    var body: [String: JSONValue] = ["code": .int(Int64(error.code)), "message": .string(error.message)]
    if let data = error.data { body["data"] = data }
    return Data((["jsonrpc": "2.0", "id": id, "error": .object(body)] as JSONValue).jsonText.utf8)
  }
}
