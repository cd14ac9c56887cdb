import Foundation

/// A JSON value made from the plain Swift values a JSON object is written with (`[String: Any]` holding texts, whole
/// numbers, flags, lists, objects and `NSNull`), for `JSONEncoder` to write. Anything else is written as null.
enum JSONTree: Encodable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([JSONTree])
    case object([String: JSONTree])
    case null

    init(_ value: Any) {
        switch value {
        case let flag as Bool: self = .flag(flag)
        case let number as Int: self = .number(number)
        case let text as String: self = .text(text)
        case let list as [Any]: self = .list(list.map(JSONTree.init))
        case let object as [String: Any]: self = .object(object.mapValues(JSONTree.init))
        default: self = .null
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .flag(let flag): try container.encode(flag)
        case .list(let list): try container.encode(list)
        case .object(let object): try container.encode(object)
        case .null: try container.encodeNil()
        }
    }
}
