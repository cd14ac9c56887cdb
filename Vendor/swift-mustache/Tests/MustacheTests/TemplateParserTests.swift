//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import XCTest

@testable import Mustache

final class TemplateParserTests: XCTestCase {
    func testText() throws {
        let template = try MustacheTemplate(string: "test template")
        XCTAssertEqual(template.tokens, [.text("test template")])
    }

    func testVariable() throws {
        let template = try MustacheTemplate(string: "test {{variable}}")
        XCTAssertEqual(template.tokens, [.text("test "), .variable(name: "variable")])
    }

    /// A name's kind and hash are worked out when the template is parsed; each kind is still found as before.
    func testNamesWorkedOutWhenParsed() throws {
        let template = try MustacheTemplate(string: "{{plain}}{{a.b}}{{.}}{{.c}}{{#list}}{{/list}}")
        let names: [MustacheName] = template.tokens.compactMap {
            switch $0 {
            case .variable(let name, _), .section(let name, _, _): return name
            default: return nil
            }
        }
        XCTAssertEqual(names.map(\.text), ["plain", "a.b", ".", ".c", "list"])
        XCTAssertEqual(names.map(\.isPlain), [true, false, false, false, true])
        XCTAssertEqual(names[0].hash, MustacheObject.hash("plain"))
        XCTAssertEqual(names[4].hash, MustacheObject.hash("list"))
        XCTAssertEqual(names.map { $0.path.map(\.text) }, [[], ["a", "b"], [], ["c"], []])
        XCTAssertEqual(names[1].path.map(\.hash), [MustacheObject.hash("a"), MustacheObject.hash("b")])
        let object: MustacheObject = ["plain": .text("P"), "a": .object(["b": .text("B")]), "c": .text("C"), "list": .list([])]
        let rendered = try MustacheTemplate(string: "{{plain}}{{a.b}}{{#a}}{{b}}{{/a}}{{#c}}{{.}}{{/c}}{{#a}}{{.b}}{{/a}}")
            .render(MustacheValue.object(object))
        XCTAssertEqual(rendered, "PBBCB")
    }

    func testNodesKeepTheirTokensParts() throws {
        let template = try MustacheTemplate(string: "a{{b}}{{{c}}}{{#d}}e{{/d}}{{^f}}g{{/f}}{{x.y}}{{> p}}")
        XCTAssertEqual(template.nodes.map(\.kind), [.text, .variable, .unescapedVariable, .section, .invertedSection, .variable, .other])
        XCTAssertEqual(template.nodes.map(\.text), ["a", "", "", "", "", "", ""])
        XCTAssertEqual(template.nodes.map(\.name.text), ["", "b", "c", "d", "f", "x.y", ""])
        XCTAssertEqual(template.nodes[3].template.tokens, [.text("e")])
        XCTAssertEqual(template.nodes[4].template.tokens, [.text("g")])
        // Each kind renders from the node's parts as it did from the token.
        var library = MustacheLibrary()
        try library.register("[{{q}}]", named: "p")
        let object: MustacheObject = ["b": .text("<B>"), "c": .text("<C>"), "d": .list([.text("1"), .text("2")]), "f": .flag(false),
                                      "x": .object(["y": .text("Y")]), "q": .text("Q")]
        XCTAssertEqual(library.render(MustacheValue.object(object), withTemplate: "p"), "[Q]")
        XCTAssertEqual(template.render(MustacheValue.object(object), library: library), "a&lt;B&gt;<C>eegY[Q]")
    }

    func testSection() throws {
        let template = try MustacheTemplate(string: "test {{#section}}text{{/section}}")
        XCTAssertEqual(template.tokens, [.text("test "), .section(name: "section", template: .init([.text("text")], text: "text"))])
    }

    func testInvertedSection() throws {
        let template = try MustacheTemplate(string: "test {{^section}}text{{/section}}")
        XCTAssertEqual(template.tokens, [.text("test "), .invertedSection(name: "section", template: .init([.text("text")], text: "text"))])
    }

    func testComment() throws {
        let template = try MustacheTemplate(string: "test {{!section}}")
        XCTAssertEqual(template.tokens, [.text("test ")])
    }

    func testWhitespace() throws {
        let template = try MustacheTemplate(string: "{{ section }}")
        XCTAssertEqual(template.tokens, [.variable(name: "section")])
    }

    func testContentType() throws {
        let template = try MustacheTemplate(string: "{{% CONTENT_TYPE:TEXT}}")
        let template1 = try MustacheTemplate(string: "{{% CONTENT_TYPE:TEXT }}")
        let template2 = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}")
        let template3 = try MustacheTemplate(string: "{{%CONTENT_TYPE:TEXT}}")
        XCTAssertEqual(template.tokens, [.contentType(TextContentType())])
        XCTAssertEqual(template1.tokens, [.contentType(TextContentType())])
        XCTAssertEqual(template2.tokens, [.contentType(TextContentType())])
        XCTAssertEqual(template3.tokens, [.contentType(TextContentType())])
    }

    /// Which templates find every value by its plain name alone (added for build-site: a section over a text or a
    /// number then pushes nothing).
    /// A template in plain ASCII is read byte by byte (`Parser.read(untilNewlineOr:)`, added for build-site); with a
    /// character outside ASCII, or with CR LF line ends, it is read Character by Character. Both render alike.
    func testPlainASCIIReadsAsCharacters() throws {
        let body = "Hi {{name}}!\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n{{! note }}\nx{{=<% %>=}}<%name%> <%={{ }}=%>{{name}}\n"
        let object: [String: Any] = ["name": "A", "items": ["1", "2"]]
        let ascii = try MustacheTemplate(string: body).render(object)
        XCTAssertEqual(ascii, "Hi A!\n  <li>1</li>\n  <li>2</li>\nxA A\n")
        XCTAssertEqual(try MustacheTemplate(string: body + "é").render(object), ascii + "é")
        XCTAssertEqual(try MustacheTemplate(string: "é" + body).render(object), "é" + ascii)
        let crlf = body.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(try MustacheTemplate(string: crlf).render(object), ascii.replacingOccurrences(of: "\n", with: "\r\n"))
        // A mark after a brace makes one Character of the two, which starts no tag; after a letter it is read on.
        XCTAssertEqual(try MustacheTemplate(string: "x{\u{301}{{name}}, e\u{301}{{name}}\n{{name}}").render(object), "x{\u{301}A, e\u{301}A\nA")
        XCTAssertEqual(try MustacheTemplate(string: "\u{301}{{name}} – {{name}}\r\n{{name}}").render(object), "\u{301}A – A\r\nA")
    }

    func testNamesReadByBytesAsByCharacters() throws {
        let object: [String: Any] = ["name": "A", "na": "B", "items": ["1"]]
        // Names of the characters a name may hold, and a mark joined to a name's last or first letter, which makes a
        // Character no name holds: the name ends before it, and the tag is then unfinished, as when read Character by
        // Character.
        XCTAssertEqual(try MustacheTemplate(string: "{{ name }}|{{#items}}{{.}}{{/items}}|{{na}}|{{items.first}}").render(object), "A|1|B|")
        for broken in ["{{name\u{301}}}", "{{n\u{301}ame}}", "{{na\u{301}}}", "{{#items\u{301}}}{{/items}}", "{{> part\u{301}}}"] {
            XCTAssertThrowsError(try MustacheTemplate(string: broken), broken)
        }
        // A mark after a blank is not part of the name; one joined to the closing brace leaves the tag unclosed.
        XCTAssertEqual(try MustacheTemplate(string: "{{ name }} \u{301}").render(object), "A \u{301}")
        XCTAssertThrowsError(try MustacheTemplate(string: "{{name}}\u{301}"))
        // Standalone lines, with blanks of both kinds before and after, still leave no line behind.
        XCTAssertEqual(try MustacheTemplate(string: " \t{{#items}}\t \n{{.}}\n \t{{/items}} \n").render(object), "1\n")
    }

    func testFindsNamesOnly() throws {
        for text in ["", "text", "{{a}} {{{b}}}", "{{#a}}{{b}}{{^c}}{{d}}{{/c}}{{/a}}"] {
            XCTAssertTrue(try MustacheTemplate(string: text).findsNamesOnly, text)
        }
        for text in ["{{.}}", "{{a.b}}", "{{.a}}", "{{#a}}{{.}}{{/a}}", "{{#a}}{{#b}}{{c.d}}{{/b}}{{/a}}", "{{a.uppercased()}}",
                     "{{#first()}}x{{/first()}}", "{{> partial}}", "{{% CONTENT_TYPE:TEXT}}", "{{$block}}x{{/block}}"] {
            XCTAssertFalse(try MustacheTemplate(string: text).findsNamesOnly, text)
        }
    }
}

extension MustacheTemplate {
    public static func == (lhs: MustacheTemplate, rhs: MustacheTemplate) -> Bool {
        lhs.tokens == rhs.tokens
    }
}

extension MustacheTemplate: Equatable {}

extension MustacheTemplate.Token {
    public static func == (lhs: MustacheTemplate.Token, rhs: MustacheTemplate.Token) -> Bool {
        switch (lhs, rhs) {
        case (.text(let lhs), .text(let rhs)):
            return lhs == rhs
        case (.variable(let lhs, let lhs2), .variable(let rhs, let rhs2)):
            return lhs == rhs && lhs2 == rhs2
        case (.section(let lhs1, let lhs2, let lhs3), .section(let rhs1, let rhs2, let rhs3)):
            return lhs1 == rhs1 && lhs2 == rhs2 && lhs3 == rhs3
        case (.invertedSection(let lhs1, let lhs2, let lhs3), .invertedSection(let rhs1, let rhs2, let rhs3)):
            return lhs1 == rhs1 && lhs2 == rhs2 && lhs3 == rhs3
        case (.partial(let name1, let indent1, _), .partial(let name2, let indent2, _)):
            return name1 == name2 && indent1 == indent2
        case (.contentType(let contentType), .contentType(let contentType2)):
            return type(of: contentType) == type(of: contentType2)
        default:
            return false
        }
    }
}

extension MustacheTemplate.Token: Equatable {}
