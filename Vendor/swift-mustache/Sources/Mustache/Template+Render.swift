//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

extension MustacheTemplate {
    /// Render template using object
    /// - Parameters:
    ///   - stack: Object
    ///   - context: Context that render is occurring in. Contains information about position in sequence
    ///   - indentation: indentation of partial
    /// - Returns: Rendered text
    func render(context: MustacheContext) -> String {
        let output = MustacheOutput()
        self.render(context: context, into: output)
        return output.string
    }

    /// Render template using object, appending to `output`: sections, partials and blocks write into the one
    /// buffer, instead of each returning a string for its caller to copy in.
    func render(context: MustacheContext, into output: MustacheOutput) {
        var context = context

        if let indentation = context.indentation, indentation != "" {
            // Indenting depends on what this template has rendered so far, token by token.
            let rendered = MustacheOutput()
            for node in nodes {
                let renderedString = MustacheOutput()
                self.renderToken(node, context: &context, into: renderedString)
                // if rendered string is not empty and we are on a new line
                if !renderedString.isEmpty, rendered.lastByte == UInt8(ascii: "\n") {
                    rendered.append(indentation)
                }
                rendered.append(renderedString)
            }
            output.append(rendered)
        } else {
            // The template (`self`) keeps its nodes alive while it renders, so each is lent to `renderToken` without
            // a retain and a release.
            nodes.withUnsafeBufferPointer { nodes in
                for index in nodes.indices {
                    Unmanaged.passUnretained(nodes[index])._withUnsafeGuaranteedRef { node in
                        self.renderToken(node, context: &context, into: output)
                    }
                }
            }
        }
    }

    func renderToken(_ node: TokenNode, context: inout MustacheContext, into output: MustacheOutput) {
        // The usual tokens, from the parts the node keeps: on a stack of `MustacheValue`s, a name without transforms.
        switch node.kind {
        case .text:
            output.append(node.text)
            return
        case .variable, .unescapedVariable, .section, .invertedSection:
            guard node.transforms.isEmpty, context.stack.top.allTyped else { break }
            let value = self.typedChild(named: node.name, context: context)
            switch node.kind {
            case .variable, .unescapedVariable:
                if let value { self.renderTypedVariable(value, escaped: node.kind == .variable, context: context, into: output) }
            case .section:
                if let value { self.renderTypedSection(value, with: node.template, context: context, into: output) }
            default:
                self.renderTypedInvertedSection(value, with: node.template, context: context, into: output)
            }
            return
        case .other:
            break
        }

        switch node.token {
        case .text(let text):
            output.append(text)

        case .variable(let variable, let transforms):
            if let child = getChild(named: variable.text, transforms: transforms, context: context) {
                if let text = child as? String {
                    context.contentType.appendEscaped(text, to: output)
                } else if let number = child as? Int {
                    // Written as the general case below would, without its three casts that fail for a number.
                    output.append(context.contentType.escapeText(String(number)))
                } else if let template = child as? MustacheTemplate {
                    template.render(context: context, into: output)
                } else if let renderable = child as? MustacheCustomRenderable {
                    output.append(context.contentType.escapeText(renderable.renderText))
                } else if let lambda = child as? MustacheLambda {
                    output.append(self.renderLambda(lambda, parameter: "", context: context))
                } else {
                    output.append(context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(child))))
                }
            }

        case .unescapedVariable(let variable, let transforms):
            if let child = getChild(named: variable.text, transforms: transforms, context: context) {
                if let text = child as? String {
                    output.append(text)
                } else if let renderable = child as? MustacheCustomRenderable {
                    output.append(renderable.renderText)
                } else if let lambda = child as? MustacheLambda {
                    output.append(self.renderUnescapedLambda(lambda, parameter: "", context: context))
                } else {
                    output.append(String(describing: unwrapIfAnyContainsOptional(child)))
                }
            }

        case .section(let variable, let transforms, let template):
            let child = self.getChild(named: variable.text, transforms: transforms, context: context)
            if let lambda = child as? MustacheLambda {
                output.append(self.renderUnescapedLambda(lambda, parameter: template.text, context: context))
                return
            }
            self.renderSection(child, with: template, context: context, into: output)

        case .invertedSection(let variable, let transforms, let template):
            let child = self.getChild(named: variable.text, transforms: transforms, context: context)
            self.renderInvertedSection(child, with: template, context: context, into: output)

        case .blockExpansion(let name, let defaultTemplate, let indented):
            if let override = context.inherited?[name] {
                override.render(context: context.withBlockExpansion(indented: indented), into: output)
            } else {
                defaultTemplate.render(context: context.withBlockExpansion(indented: indented), into: output)
            }

        case .partial(let name, let indentation, let overrides):
            if var template = context.library?.getTemplate(named: name) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output.append("Cannot find template at \(filename)")
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output.append("\(error)")
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: output)
            }

        case .dynamicNamePartial(let name, let indentation, let overrides):
            let child = self.getChild(named: name, transforms: [], context: context)
            guard let childName = child as? String else {
                return
            }
            if var template = context.library?.getTemplate(named: childName) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output.append("Cannot find template at \(filename)")
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output.append("\(error)")
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: output)
            }

        case .contentType(let contentType):
            context = context.withContentType(contentType)

        case .blockDefinition:
            fatalError("Should not be rendering block definitions")
        }
    }

    /// Render a section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    /// - Returns: Rendered text
    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext) -> String {
        let output = MustacheOutput()
        self.renderSection(child, with: template, context: context, into: output)
        return output.string
    }

    /// Render a section, appending to `output`
    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: MustacheOutput) {
        // The usual values, recognised by their exact type first. A list of dictionaries: `as [Any]` below would
        // copy it into a new array element by element. A flag: it would fail three casts and a conformance look-up
        // before reaching its case.
        if let child {
            let type = type(of: child)
            if type == Bool.self, let flag = child as? Bool {
                if flag { template.render(context: context, into: output) }
                return
            }
            if type == [[String: Any]].self, let rows = child as? [[String: Any]] {
                rows.renderSection(with: template, context: context, into: output)
                return
            }
        }
        switch child {
        case let text as String:
            template.render(context: context.withObject(text), into: output)
        case let dictionary as [String: Any]:
            // What `.some` below does for it, without the conformance look-ups that fail for a dictionary.
            template.render(context: context.withObject(dictionary), into: output)
        case let array as [Any]:
            array.renderSection(with: template, context: context, into: output)
        case let array as any MustacheSequence:
            array.renderSection(with: template, context: context, into: output)
        case let bool as Bool:
            if bool { template.render(context: context, into: output) }
        case let null as MustacheCustomRenderable where null.isNull == true:
            break
        case .some(let value):
            template.render(context: context.withObject(value), into: output)
        case .none:
            break
        }
    }

    /// Render an inverted section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    ///   - output: Rendered text is appended to this
    func renderInvertedSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: MustacheOutput) {
        if let child {
            let type = type(of: child)
            if type == Bool.self, let flag = child as? Bool {
                if !flag { template.render(context: context, into: output) }
                return
            }
            if type == [[String: Any]].self, let rows = child as? [[String: Any]] {
                if rows.isEmpty { template.render(context: context.withObject(rows), into: output) }
                return
            }
        }
        switch child {
        case let array as [Any]:
            // What `MustacheSequence` does for it, without the conformance look-up.
            if array.isEmpty { template.render(context: context.withObject(array), into: output) }
        case let array as any MustacheSequence:
            array.renderInvertedSection(with: template, context: context, into: output)
        case let bool as Bool:
            if !bool { template.render(context: context, into: output) }
        case let null as MustacheCustomRenderable where null.isNull == true:
            template.render(context: context, into: output)
        case .some:
            break
        case .none:
            template.render(context: context, into: output)
        }
    }

    func renderLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: context.contentType.escapeText(string))
                    return self.renderSection(context.stack.last, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(result)))
            }
        }
    }

    func renderUnescapedLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: string)
                    return self.renderSection(context.stack.last, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return String(describing: unwrapIfAnyContainsOptional(result))
            }
        }
    }

    /// Get child object from variable name
    func getChild(named name: String, transforms: [String], context: MustacheContext) -> Any? {
        func _getImmediateChild(named name: String, from object: Any) -> Any? {
            // Fast paths: string-keyed dictionaries (the usual context) and plain strings (pushed by a section
            // over a text value) need no protocol conformance look-up and no Mirror.
            if let dictionary = object as? [String: Any] { return dictionary[name] }
            if object is String { return nil }
            let child = {
                let object: Any? =
                    if let custom = object as? MustacheCustomRepresentation {
                        custom.representation
                    } else {
                        object
                    }
                if let customBox = object as? MustacheParent {
                    return customBox.child(named: name)
                } else if let object {
                    let mirror = Mirror(reflecting: object)
                    return mirror.getValue(forKey: name)
                } else {
                    return nil
                }
            }()
            return child
        }

        func _getChild(named names: ArraySlice<String>, from object: Any) -> Any? {
            guard let name = names.first else { return object }
            var object = object
            if let lambda = object as? MustacheLambda {
                guard let result = lambda("") else { return nil }
                object = result
            }
            guard let childObject = _getImmediateChild(named: name, from: object) else { return nil }
            let names2 = names.dropFirst()
            return _getChild(named: names2, from: childObject)
        }

        /// A stack entry's child: its dictionary (cast when it was pushed) is read without a cast.
        func _getImmediateChild(named name: String, in entry: MustacheStack.Entry) -> Any? {
            if let dictionary = entry.dictionary { return dictionary[name] }
            if entry.isString { return nil }
            // A `MustacheValue` on a stack that is not all of them (under a transform's result): its plain value.
            if entry.value != nil { return entry.fields?[name]?.anyValue }
            return _getImmediateChild(named: name, from: entry.object)
        }

        func _getChildInStack(named names: ArraySlice<String>, from stack: MustacheStack) -> Any? {
            guard let name = names.first else { return stack.last }
            var entry: MustacheStack.Entry? = stack.top
            while let current = entry {
                if let childObject = _getImmediateChild(named: name, in: current) {
                    let names2 = names.dropFirst()
                    return _getChild(named: names2, from: childObject)
                }
                entry = current.below
            }
            return nil
        }

        // work out which object to access. "." means the current object, if the variable name is ""
        // and we have a transform to run on the variable then we need the context object, otherwise
        // the name is split by "." and we use mirror to get the correct child object. If we cannot find
        // the root object we look up the context stack until we can find one with a matching name. The
        // stack climbing can be disabled by prefixing the variable name with a "."
        var child: Any?
        if !name.isEmpty, !Self.containsDot(name) {
            // A plain name (no dots, the usual case, so tested first): look it up the stack without splitting it
            // into an array first.
            child = nil
            var entry: MustacheStack.Entry? = context.stack.top
            while let current = entry {
                if let found = _getImmediateChild(named: name, in: current) { child = found; break }
                entry = current.below
            }
        } else if name == "." {
            child = context.stack.last
        } else if name == "", !transforms.isEmpty {
            child = context.sequenceContext
        } else if name.first == "." {
            let nameSplit = name.split(separator: ".").map { String($0) }
            child = _getChild(named: nameSplit[...], from: context.stack.last)
        } else {
            let nameSplit = name.split(separator: ".").map { String($0) }
            child = _getChildInStack(named: nameSplit[...], from: context.stack)
        }

        if transforms.isEmpty {
            guard let found = child else { return nil }
            // The usual values, known by their exact type, are returned as they are: `is` or `as?` would look up
            // a protocol conformance for each of them first.
            let type = type(of: found)
            if type == String.self || type == [String: Any].self || type == Bool.self || type == [[String: Any]].self
                || type == Int.self || type == [Any].self || type == [String].self
            {
                return found
            }
        }
        if let custom = child as? MustacheCustomRepresentation {
            child = custom.representation
        }

        // skip transforms if child is already nil
        guard var child else {
            return nil
        }

        // if we want to run a transform and the current child can have transforms applied to it then
        // run transform on the current child
        for transform in transforms.reversed() {
            if let runnable = child as? MustacheTransformable,
                let transformed = runnable.transform(transform)
            {
                child = transformed
                continue
            }

            // return nil if transform is unsuccessful or has returned nil
            return nil
        }
        return child
    }

    /// A name's value on a stack of `MustacheValue`s only, found as `getChild` finds it on a stack of `Any`
    /// values (without transforms): a plain name up the stack; `.` the top; `a.b` the first `a` up the stack, then
    /// its `b`; `.a` the top's `a`.
    func typedChild(named parsedName: MustacheName, context: MustacheContext) -> MustacheValue? {
        let name = parsedName.text
        if parsedName.isPlain { return self.valueUpStack(parsedName, context: context) }
        if name == "." { return context.stack.top.value }
        var found: MustacheValue?
        var rest = parsedName.path[...]
        if name.first == "." {
            found = context.stack.top.value
        } else {
            guard let first = rest.popFirst() else { return context.stack.top.value }
            found = self.valueUpStack(first, context: context)
        }
        for child in rest {
            guard case .object(let fields)? = found else { return nil }
            found = fields.value(forKey: child.text, hash: child.hash)
        }
        return found
    }

    /// The value of a plain name in the first object up the stack that has it, found by the hash worked out when the
    /// template was parsed.
    private func valueUpStack(_ name: MustacheName, context: MustacheContext) -> MustacheValue? {
        // The top entry keeps every entry below it alive, so the walk down need not retain and release each one.
        withExtendedLifetime(context.stack.top) {
            var entry = Unmanaged.passUnretained(context.stack.top)
            while true {
                let step: (found: MustacheValue?, below: Unmanaged<MustacheStack.Entry>?) = entry._withUnsafeGuaranteedRef { current in
                    if let found = current.fields?.value(forKey: name.text, hash: name.hash) { return (found, nil) }
                    guard let below = current.below else { return (nil, nil) }
                    return (nil, Unmanaged.passUnretained(below))
                }
                if let found = step.found { return found }
                guard let below = step.below else { return nil }
                entry = below
            }
        }
    }

    /// `{{name}}` or `{{{name}}}` of a `MustacheValue`: what `renderToken` writes for its `anyValue`.
    func renderTypedVariable(_ value: MustacheValue, escaped: Bool, context: MustacheContext, into output: MustacheOutput) {
        let text: String
        switch value {
        case .text(let value):
            // Appended from the case, not copied into `text` first: one retain and release less per value.
            if escaped { context.contentType.appendEscaped(value, to: output) } else { output.append(value) }
            return
        case .utf8(let bytes) where !escaped:
            bytes.withUnsafeBufferPointer { output.append($0) }
            return
        case .utf8(let bytes): text = String(decoding: bytes, as: UTF8.self)
        case .number(let number): text = String(number)
        case .flag, .list, .object: text = String(describing: value.anyValue)
        }
        output.append(escaped ? context.contentType.escapeText(text) : text)
    }

    /// A section over a `MustacheValue`: what `renderSection` does with its `anyValue`.
    func renderTypedSection(_ value: MustacheValue, with template: MustacheTemplate, context: MustacheContext, into output: MustacheOutput) {
        switch value {
        case .flag(let flag):
            if flag { template.render(context: context, into: output) }
        case .list(let items):
            guard let first = items.first else { return }
            var sequenceContext = MustacheSequenceContext(first: true)
            // One entry for the elements in turn, while nothing the last one rendered kept hold of it.
            var entry = MustacheStack.Entry(value: first, below: context.stack.top)
            for index in items.indices {
                if index > items.startIndex {
                    if isKnownUniquelyReferenced(&entry) {
                        entry.reuse(for: items[index])
                    } else {
                        entry = MustacheStack.Entry(value: items[index], below: context.stack.top)
                    }
                }
                sequenceContext.last = index == items.count - 1
                template.render(context: context.withSequence(entry: entry, sequenceContext: sequenceContext), into: output)
                sequenceContext.first = false
                sequenceContext.index += 1
            }
        case .text, .number, .utf8:
            // Pushed only where the section could tell (`findsNamesOnly`).
            template.render(context: template.findsNamesOnly ? context : context.withValue(value), into: output)
        case .object:
            template.render(context: context.withValue(value), into: output)
        }
    }

    /// An inverted section over a `MustacheValue`, or over no value: what `renderInvertedSection` does.
    func renderTypedInvertedSection(_ value: MustacheValue?, with template: MustacheTemplate, context: MustacheContext, into output: MustacheOutput) {
        switch value {
        case .none:
            template.render(context: context, into: output)
        case .flag(let flag)?:
            if !flag { template.render(context: context, into: output) }
        case .list(let items)?:
            if items.isEmpty { template.render(context: context.withValue(.list(items)), into: output) }
        case .text?, .number?, .object?, .utf8?:
            break
        }
    }

    /// Whether a variable's name has a dot in it, read from its bytes in place.
    static func containsDot(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: ".")) } ?? name.utf8.contains(UInt8(ascii: "."))
    }

    private func unwrapIfAnyContainsOptional(_ value: Any) -> Any {
        guard let opt = value as? AnyOptional else { return value }
        return opt.anyWrapped ?? value  // nil? keep the original Optional.none
    }
}
