//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// The objects a name is looked up in, as a list linked from the top: pushing an object for a section or a
/// sequence element makes one entry and copies nothing below it. Each entry keeps its object already cast to
/// `[String: Any]` where it is one (the usual context), so that a look-up does not cast it again at every level.
struct MustacheStack {
    final class Entry {
        let object: Any
        /// `object` as a string-keyed dictionary, when it is one
        let dictionary: [String: Any]?
        /// a string has no children: a look-up passes it by
        let isString: Bool
        /// The value, when it is a `MustacheValue` (then `object` is unused); set again only by `reuse(for:)`
        private(set) var value: MustacheValue?
        /// `value`'s fields, when it is an object
        private(set) var fields: MustacheObject?
        /// True when this entry and every one below it hold a `MustacheValue`: names are then looked up without `Any`
        let allTyped: Bool
        let below: Entry?

        convenience init(_ object: Any, below: Entry?) {
            if let value = object as? MustacheValue {
                self.init(value: value, below: below)
            } else {
                let dictionary = object as? [String: Any]
                self.init(object: object, dictionary: dictionary, isString: dictionary == nil && object is String,
                          value: nil, fields: nil, allTyped: false, below: below)
            }
        }

        convenience init(value: MustacheValue, below: Entry?) {
            var fields: MustacheObject?
            if case .object(let objectFields) = value { fields = objectFields }
            self.init(object: (), dictionary: nil, isString: false, value: value, fields: fields,
                      allTyped: below?.allTyped ?? true, below: below)
        }

        /// This entry, made by `init(value:below:)`, holding the next element of a list instead (added for
        /// build-site): a list's elements are pushed one after another on the same entries below, and a new entry
        /// for each was 0.9 million allocations at 10,000 reports. The caller checks that nothing else holds it.
        func reuse(for value: MustacheValue) {
            if case .object(let objectFields) = value { self.fields = objectFields } else { self.fields = nil }
            self.value = value
        }

        private init(object: Any, dictionary: [String: Any]?, isString: Bool, value: MustacheValue?,
                     fields: MustacheObject?, allTyped: Bool, below: Entry?) {
            self.object = object
            self.dictionary = dictionary
            self.isString = isString
            self.value = value
            self.fields = fields
            self.allTyped = allTyped
            self.below = below
        }
    }

    /// The most recently pushed object's entry
    let top: Entry

    init(_ object: Any) {
        self.top = Entry(object, below: nil)
    }

    private init(top: Entry) {
        self.top = top
    }

    /// The most recently pushed object
    var last: Any { self.top.value?.anyValue ?? self.top.object }

    /// A stack with `object` pushed on top of this one
    func appending(_ object: Any) -> MustacheStack {
        MustacheStack(top: Entry(object, below: self.top))
    }

    /// A stack with `value` pushed on top of this one
    func appending(value: MustacheValue) -> MustacheStack {
        MustacheStack(top: Entry(value: value, below: self.top))
    }

    /// A stack with `entry` on top of this one: an entry holding a value, made with this stack's top below it
    /// (`Entry(value:below:)`), for a list's elements in turn
    func appending(entry: Entry) -> MustacheStack {
        MustacheStack(top: entry)
    }
}

/// Context while rendering mustache tokens
struct MustacheContext {
    let stack: MustacheStack
    let sequenceContext: MustacheSequenceContext?
    /// What changes only at a partial, a block or a content type pragma, kept in one box (added for build-site): every
    /// section and every element of a list makes a context, and copying and destroying these five fields one by one
    /// (a dictionary, an existential, a library) was 1.5% of a 10,000-report build's samples.
    private let surroundings: Surroundings

    private final class Surroundings: @unchecked Sendable {
        let indentation: String?
        let inherited: [String: MustacheTemplate]?
        let contentType: MustacheContentType
        let library: MustacheLibrary?
        let reloadPartials: Bool

        init(indentation: String?, inherited: [String: MustacheTemplate]?, contentType: MustacheContentType,
             library: MustacheLibrary?, reloadPartials: Bool) {
            self.indentation = indentation
            self.inherited = inherited
            self.contentType = contentType
            self.library = library
            self.reloadPartials = reloadPartials
        }
    }

    var indentation: String? { self.surroundings.indentation }
    var inherited: [String: MustacheTemplate]? { self.surroundings.inherited }
    var contentType: MustacheContentType { self.surroundings.contentType }
    var library: MustacheLibrary? { self.surroundings.library }
    var reloadPartials: Bool { self.surroundings.reloadPartials }

    /// initialize context with a single objectt
    init(_ object: Any, library: MustacheLibrary? = nil, reloadPartials: Bool = false) {
        self.stack = MustacheStack(object)
        self.sequenceContext = nil
        self.surroundings = Surroundings(indentation: nil, inherited: nil, contentType: HTMLContentType(), library: library,
                                         reloadPartials: reloadPartials)
    }

    private init(stack: MustacheStack, sequenceContext: MustacheSequenceContext?, surroundings: Surroundings) {
        self.stack = stack
        self.sequenceContext = sequenceContext
        self.surroundings = surroundings
    }

    private init(
        stack: MustacheStack,
        sequenceContext: MustacheSequenceContext?,
        indentation: String?,
        inherited: [String: MustacheTemplate]?,
        contentType: MustacheContentType,
        library: MustacheLibrary? = nil,
        reloadPartials: Bool
    ) {
        self.stack = stack
        self.sequenceContext = sequenceContext
        self.surroundings = Surroundings(indentation: indentation, inherited: inherited, contentType: contentType,
                                         library: library, reloadPartials: reloadPartials)
    }

    /// return context with object add to stack
    func withObject(_ object: Any) -> MustacheContext {
        .init(stack: self.stack.appending(object), sequenceContext: nil, surroundings: self.surroundings)
    }

    /// return context with a value added to stack
    func withValue(_ value: MustacheValue) -> MustacheContext {
        .init(stack: self.stack.appending(value: value), sequenceContext: nil, surroundings: self.surroundings)
    }

    /// return context with sequence info and `entry` (holding a value, above this context's top) added to stack
    func withSequence(entry: MustacheStack.Entry, sequenceContext: MustacheSequenceContext) -> MustacheContext {
        .init(stack: self.stack.appending(entry: entry), sequenceContext: sequenceContext, surroundings: self.surroundings)
    }

    /// return context with indent and parameter information for invoking a partial
    func withPartial(indented: String?, inheriting: [String: MustacheTemplate]?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        let inherits: [String: MustacheTemplate]?
        if let inheriting {
            if let originalInherits = self.inherited {
                inherits = originalInherits.merging(inheriting) { value, _ in value }
            } else {
                inherits = inheriting
            }
        } else {
            inherits = self.inherited
        }
        return .init(
            stack: self.stack,
            sequenceContext: nil,
            indentation: indentation,
            inherited: inherits,
            contentType: HTMLContentType(),
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// return context with indent information for invoking an inheritance block
    func withBlockExpansion(indented: String?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        return .init(
            stack: self.stack,
            sequenceContext: nil,
            indentation: indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// return context with sequence info and sequence element added to stack
    func withSequence(_ object: Any, sequenceContext: MustacheSequenceContext) -> MustacheContext {
        .init(stack: self.stack.appending(object), sequenceContext: sequenceContext, surroundings: self.surroundings)
    }

    /// return context with sequence info and sequence element added to stack
    func withContentType(_ contentType: MustacheContentType) -> MustacheContext {
        .init(
            stack: self.stack,
            sequenceContext: self.sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }
}
