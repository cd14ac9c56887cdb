//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Class holding Mustache template
public struct MustacheTemplate: Sendable, CustomStringConvertible {
    /// Initialize template
    /// - Parameter string: Template text
    /// - Throws: MustacheTemplate.Error
    public init(string: String) throws {
        let template = try Self.parse(string)
        self.nodes = template.nodes
        self.findsNamesOnly = template.findsNamesOnly
        self.text = string
        self.filename = nil
    }

    /// Render object using this template
    /// - Parameters
    ///   - object: Object to render
    ///   - library: library template uses to access partials
    /// - Returns: Rendered text
    public func render(_ object: Any, library: MustacheLibrary? = nil) -> String {
        self.render(context: .init(object, library: library))
    }

    /// Render object using this template
    /// - Parameters
    ///   - object: Object to render
    ///   - library: library template uses to access partials
    ///   - reload: Should I reload this template when rendering. This is only available in debug builds
    /// - Returns: Rendered text
    public func render(_ object: Any, library: MustacheLibrary? = nil, reload: Bool) -> String {
        #if DEBUG
        if reload {
            guard let filename else {
                preconditionFailure("Can only use reload if template was generated from a file")
            }
            do {
                guard let template = try MustacheTemplate(filename: filename) else { return "Cannot find template at \(filename)" }
                return template.render(context: .init(object, library: library, reloadPartials: reload))
            } catch {
                return "\(error)"
            }
        }
        #endif
        return self.render(context: .init(object, library: library))
    }

    internal init(_ tokens: [Token], text: String) {
        self.nodes = tokens.map(TokenNode.init)
        self.findsNamesOnly = Self.findsNamesOnly(self.nodes)
        self.filename = nil
        self.text = text
    }

    public var description: String { self.text }

    enum Token: Sendable /* , CustomStringConvertible */ {
        case text(String)
        case variable(name: MustacheName, transforms: [String] = [])
        case unescapedVariable(name: MustacheName, transforms: [String] = [])
        case section(name: MustacheName, transforms: [String] = [], template: MustacheTemplate)
        case invertedSection(name: MustacheName, transforms: [String] = [], template: MustacheTemplate)
        case blockDefinition(name: String, template: MustacheTemplate)
        case blockExpansion(name: String, default: MustacheTemplate, indentation: String?)
        case partial(String, indentation: String?, inherits: [String: MustacheTemplate]?)
        case dynamicNamePartial(String, indentation: String?, inherits: [String: MustacheTemplate]?)
        case contentType(MustacheContentType)
    }

    /// A token in an object of its own (added for build-site). Rendering walks a template's nodes without retaining
    /// them (`render(context:into:)`), and reads the usual tokens' parts from the node in place (`renderToken`). A
    /// token held in the array, or boxed by `indirect`, was retained and released around every token rendered, and
    /// switching on it copied its name, list and template: 6% of a 10,000-report build's samples, the two cores
    /// counting on the same tokens.
    final class TokenNode: Sendable {
        enum Kind: Sendable {
            case text, variable, unescapedVariable, section, invertedSection
            /// Partials, blocks and content types: rendered from `token`.
            case other
        }

        let token: Token
        let kind: Kind
        /// A text token's text; empty otherwise.
        let text: String
        /// A variable's or section's name and transforms; empty otherwise.
        let name: MustacheName
        let transforms: [String]
        /// A section's template; an empty one otherwise.
        let template: MustacheTemplate

        init(_ token: Token) {
            self.token = token
            var text = "", name: MustacheName = "", transforms: [String] = [], template = MustacheTemplate.empty
            switch token {
            case .text(let value):
                self.kind = .text
                text = value
            case .variable(let value, let valueTransforms):
                self.kind = .variable
                (name, transforms) = (value, valueTransforms)
            case .unescapedVariable(let value, let valueTransforms):
                self.kind = .unescapedVariable
                (name, transforms) = (value, valueTransforms)
            case .section(let value, let valueTransforms, let valueTemplate):
                self.kind = .section
                (name, transforms, template) = (value, valueTransforms, valueTemplate)
            case .invertedSection(let value, let valueTransforms, let valueTemplate):
                self.kind = .invertedSection
                (name, transforms, template) = (value, valueTransforms, valueTemplate)
            case .blockDefinition, .blockExpansion, .partial, .dynamicNamePartial, .contentType:
                self.kind = .other
            }
            (self.text, self.name, self.transforms, self.template) = (text, name, transforms, template)
        }
    }

    static let empty = MustacheTemplate([], text: "")

    /// The tokens, in the order they render.
    let nodes: [TokenNode]
    /// Whether every name in the template, its sections' included, is plain and found up the stack by name alone:
    /// no `{{.}}`, no dotted names, no transforms, partials, blocks or content types (added for build-site). A
    /// section over a text or a number then renders the same without pushing it: neither has names to find, and
    /// nothing in the template reads the sequence context. (Such sections, `{{#owner}}…{{owner}}…{{/owner}}`, are
    /// how a template tests that a value is there; pushing each cost an allocation.)
    let findsNamesOnly: Bool

    static func findsNamesOnly(_ nodes: [TokenNode]) -> Bool {
        nodes.allSatisfy { node in
            switch node.kind {
            case .text:
                return true
            case .variable, .unescapedVariable:
                return node.name.isPlain && node.transforms.isEmpty
            case .section, .invertedSection:
                return node.name.isPlain && node.transforms.isEmpty && node.template.findsNamesOnly
            case .other:
                return false
            }
        }
    }

    var tokens: [Token] { nodes.map(\.token) }
    let text: String
    let filename: String?
}
