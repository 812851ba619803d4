/// A change that cannot be made because the records moved under it: another session changed
/// them first, or a later change depends on the one being undone. Nothing was written.
public struct ChangeConflict: Error, Equatable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
