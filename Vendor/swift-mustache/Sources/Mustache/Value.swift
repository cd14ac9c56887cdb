//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// A context value of a known kind (added for build-site; see its `Vendor/README.md`).
///
/// A context made of these renders as the same context made of the Swift values they hold (`anyValue`) would, but
/// without a dynamic cast or a protocol conformance look-up for each name: a look-up reads a dictionary and switches
/// on the kind. Lambdas, transforms' own types and custom renderables are `Any` values only; a transform applied to
/// one of these values (`{{items.reversed()}}`) works on its `anyValue`.
public enum MustacheValue: Sendable {
    /// Escaped in `{{name}}`; a section over it renders once with the text on the stack
    case text(String)
    /// A section renders when true, an inverted section when false
    case flag(Bool)
    /// Written in decimal
    case number(Int)
    /// A section renders once for each element, an inverted section when empty
    case list([MustacheValue])
    /// Names are looked up in it
    case object([String: MustacheValue])

    /// The plain Swift value: what the general rendering code, written for `Any`, is given.
    public var anyValue: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let items): items.map(\.anyValue) as [Any]
        case .object(let fields): fields.mapValues(\.anyValue) as [String: Any]
        }
    }
}

extension MustacheValue: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .flag(value)
    }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .number(value)
    }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: MustacheValue...) {
        self = .list(elements)
    }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
