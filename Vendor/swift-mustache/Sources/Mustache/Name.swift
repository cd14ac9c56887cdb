//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// A variable's or section's name in a template, with what looking it up needs worked out once, when the template
/// is parsed, rather than at every look-up on every page: whether it is a plain name (not empty, no dots), its
/// hash for `MustacheObject`, and a dotted name's parts.
struct MustacheName: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    let text: String
    /// Looked up as it is, up the context stack: not empty, and without dots (`.`, `a.b`, `.a` are paths).
    let isPlain: Bool
    /// `MustacheObject.hash(text)` for a plain name; 0 otherwise.
    let hash: UInt64
    /// A dotted name's parts, each a plain name (`a.b` is `a` then `b`; `.a` is `a`); empty for a plain name.
    let path: [MustacheName]

    init(_ text: String) {
        self.text = text
        self.isPlain = !text.isEmpty && !MustacheTemplate.containsDot(text)
        self.hash = self.isPlain ? MustacheObject.hash(text) : 0
        self.path = self.isPlain ? [] : text.split(separator: ".").map { MustacheName(String($0)) }
    }

    init(stringLiteral text: String) {
        self.init(text)
    }

    var description: String { text }

    static func == (lhs: MustacheName, rhs: MustacheName) -> Bool { lhs.text == rhs.text }
}
