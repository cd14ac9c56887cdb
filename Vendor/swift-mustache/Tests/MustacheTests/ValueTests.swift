//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Mustache
import XCTest

/// A context of `MustacheValue`s renders as the same context of plain Swift values (`anyValue`) does: the typed
/// look-ups and sections (added for build-site) give the general code's answers.
final class ValueTests: XCTestCase {
    let context: MustacheValue = [
        "title": "Risks & <issues>",
        "empty": "",
        "count": 3,
        "yes": true,
        "no": false,
        "none": [],
        "causes": ["Staff leave", "Demand rises"],
        "risks": [
            ["id": "R1", "score": 12, "open": true, "owner": "Director"],
            ["id": "R2", "score": 4, "open": false],
        ],
        "document": ["summary": "In short", "meta": ["date": "1 May 2024"]],
        "html": .utf8(Array("<p>Café & “ü”</p>".utf8)),
        "noHTML": .utf8([]),
    ]

    func assertSame(_ template: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let compiled = try MustacheTemplate(string: template)
        XCTAssertEqual(compiled.render(self.context), compiled.render(self.context.anyValue), template, file: file, line: line)
    }

    func testVariables() throws {
        try self.assertSame("{{title}} {{{title}}} {{&title}} [{{empty}}] {{count}} {{yes}} {{no}} {{missing}}")
        try self.assertSame("{{document.summary}} {{document.meta.date}} {{document.missing.date}} {{title.missing}}")
        XCTAssertEqual(try MustacheTemplate(string: "{{title}}|{{count}}").render(self.context), "Risks &amp; &lt;issues&gt;|3")
    }

    func testUTF8Bytes() throws {
        try self.assertSame("{{html}} {{{html}}} {{&html}} [{{noHTML}}] [{{{noHTML}}}] {{#html}}[{{.}}|{{{.}}}]{{/html}} {{^html}}none{{/html}}")
        try self.assertSame("{{#noHTML}}[{{.}}]{{/noHTML}}{{^noHTML}}none{{/noHTML}} {{#html}}{{title}}{{/html}}")
        XCTAssertEqual(try MustacheTemplate(string: "{{{html}}}|{{html}}").render(self.context), "<p>Café & “ü”</p>|&lt;p&gt;Café &amp; “ü”&lt;/p&gt;")
    }

    func testSections() throws {
        try self.assertSame("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#none}}E{{/none}}{{#missing}}M{{/missing}}")
        try self.assertSame("{{#causes}}<li>{{.}}</li>{{/causes}}")
        try self.assertSame("{{#risks}}{{id}}:{{score}}{{#open}} open{{/open}}{{^open}} closed{{/open}} {{owner}} {{title}};{{/risks}}")
        try self.assertSame("{{#document}}{{summary}} {{title}} {{#meta}}{{date}} {{summary}}{{/meta}}{{/document}}")
        try self.assertSame("{{#title}}[{{.}}] {{count}}{{/title}}{{#empty}}[{{.}}]{{/empty}}{{#count}}[{{.}}] {{title}}{{/count}}")
        try self.assertSame("{{#document.meta}}{{date}}{{/document.meta}}{{#risks}}{{.id}} {{.title}}{{/risks}}")
        // A section over a text or a number that finds its names alone (nothing pushed), and ones that could tell.
        try self.assertSame("{{#title}}{{title}} {{count}} {{#yes}}{{title}}{{/yes}}{{^no}}{{count}}{{/no}}{{/title}}{{#count}}{{title}}{{/count}}")
        try self.assertSame("{{#risks}}{{#owner}}{{owner}} {{id}} {{#first()}}first{{/first()}}{{/owner}}{{/risks}}")
        try self.assertSame("{{#risks}}{{#id}}{{id}}={{.}} {{#document}}{{summary}}{{/document}}{{/id}}{{/risks}}")
        XCTAssertEqual(try MustacheTemplate(string: "{{#title}}{{title}}/{{count}}{{/title}}").render(self.context), "Risks &amp; &lt;issues&gt;/3")
        // A list's elements share one stack entry in turn (`Entry.reuse(for:)`), also with a list inside each.
        try self.assertSame("{{#risks}}{{#risks}}{{id}}{{#causes}}{{.}}{{/causes}},{{/risks}}|{{id}} {{title}};{{/risks}}{{#causes}}{{.}}{{/causes}}")
    }

    func testInvertedSections() throws {
        try self.assertSame("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^none}}E{{/none}}{{^missing}}M{{/missing}}{{^causes}}C{{/causes}}")
        try self.assertSame("{{^title}}T{{/title}}{{^empty}}e{{/empty}}{{^count}}c{{/count}}{{^document}}d{{/document}}")
    }

    func testTransformsAndSequenceContext() throws {
        try self.assertSame("{{#causes}}{{#first()}}first {{/first()}}{{index()}}={{.}} {{#last()}}last{{/last()}}{{/causes}}")
        try self.assertSame("{{causes.count()}} {{#causes.reversed()}}{{.}} {{title}};{{/causes.reversed()}} {{title.uppercased()}}")
        try self.assertSame("{{#risks.reversed()}}{{id}} {{count}};{{/risks.reversed()}}{{^none.empty()}}not empty{{/none.empty()}}")
    }

    func testPartialsAndInheritance() throws {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "<{{id}} {{title}}>"), named: "row")
        library.register(try MustacheTemplate(string: "<html>{{$main}}default{{/main}}</html>"), named: "base")
        library.register(try MustacheTemplate(string: "{{<base}}{{$main}}{{#risks}}{{> row}}{{/risks}}{{/main}}{{/base}}"), named: "page")
        XCTAssertEqual(library.render(self.context, withTemplate: "page"), library.render(self.context.anyValue, withTemplate: "page"))
        XCTAssertEqual(library.render(self.context, withTemplate: "page"), "<html><R1 Risks &amp; &lt;issues&gt;><R2 Risks &amp; &lt;issues&gt;></html>")
        // Room reserved, too little or plenty, changes nothing rendered; a missing template is still nil.
        for capacity in [0, 3, 100_000] {
            XCTAssertEqual(library.render(self.context, withTemplate: "page", reservingCapacity: capacity)?.string,
                           library.render(self.context, withTemplate: "page"))
        }
        XCTAssertNil(library.render(self.context, withTemplate: "none", reservingCapacity: 10))
    }

    /// The output buffer: what is appended, in order, across every growth, whatever the text's size or script.
    func testOutputKeepsEveryAppend() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["", "a", "<p>", "é", "😀 and more", String(repeating: "x", count: 15), String(repeating: "y", count: 16),
                      String(repeating: "long text ", count: 100), "ﬁn\u{301}"]
        for capacity in [0, 1, 16, 1000] {
            let output = MustacheOutput(capacity: capacity)
            XCTAssertTrue(output.isEmpty)
            XCTAssertNil(output.lastByte)
            var expected = ""
            for _ in 0..<500 {
                let piece = pieces.randomElement(using: &generator)!
                if Bool.random(using: &generator) {
                    output.append(piece)
                } else {
                    let other = MustacheOutput(capacity: 0)
                    other.append(piece)
                    output.append(other)
                }
                expected += piece
                XCTAssertEqual(output.lastByte, expected.utf8.last)
            }
            output.append(ascii: UInt8(ascii: "!"))
            expected += "!"
            XCTAssertEqual(output.string, expected)
            XCTAssertEqual(Array(output.bytes), Array(expected.utf8))
            XCTAssertEqual(output.count, expected.utf8.count)
        }
    }

    /// An object's names: set, replaced in place, removed, and found among many.
    func testObjectNames() throws {
        var object: MustacheObject = ["a": "1", "b": .number(2), "a": "last"]
        XCTAssertEqual(object.keys, ["a", "b"])
        object["a"] = "3"
        object["c"] = true
        object["b"] = nil
        XCTAssertEqual(object.keys, ["a", "c"])
        XCTAssertEqual(object.count, 2)
        let template = try MustacheTemplate(string: "{{a}}{{#c}}y{{/c}}{{b}}{{^b}}n{{/b}}")
        XCTAssertEqual(template.render(MustacheValue.object(object)), "3yn")

        var many = MustacheObject()
        for index in 0..<500 { many["name\(index)"] = .number(index) }
        XCTAssertEqual(many.count, 500)
        for index in [0, 1, 250, 499] {
            guard case .number(let found)? = many["name\(index)"] else { return XCTFail("name\(index) not found") }
            XCTAssertEqual(found, index)
        }
        XCTAssertNil(many["name500"])
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: many.map { ($0.key, $0.value) }).count, 500)

        // Each name's hash with its value, in the order set.
        var seen: [(UInt64, Int)] = []
        many.forEachHashedValue { nameHash, value in
            if case .number(let number) = value { seen.append((nameHash, number)) }
        }
        XCTAssertEqual(seen.map(\.1), Array(0..<500))
        XCTAssertEqual(seen.map(\.0), (0..<500).map { MustacheObject.hash("name\($0)") })
    }

    /// Random contexts and templates from a fixed seed: every name, kind and nesting the two paths could disagree on.
    func testRandomContextsAndTemplates() throws {
        var random = SplitMix(seed: 2026)
        let names = ["a", "b", "c", "d"]
        func value(depth: Int) -> MustacheValue {
            switch random.next() % (depth > 2 ? 4 : 6) {
            case 0:
                let text = ["", "x", "<&>", "y z"][Int(random.next() % 4)]
                return random.next() % 3 == 0 ? .utf8(Array(text.utf8)) : .text(text)
            case 1: return .flag(random.next() % 2 == 0)
            case 2: return .number(Int(random.next() % 100))
            case 3: return .list([])
            case 4: return .list((0..<Int(random.next() % 3)).map { _ in value(depth: depth + 1) })
            default:
                var fields = MustacheObject()
                for name in names where random.next() % 2 == 0 { fields[name] = value(depth: depth + 1) }
                return .object(fields)
            }
        }
        func name() -> String {
            let plain = names[Int(random.next() % 4)]
            switch random.next() % 6 {
            case 0: return "."
            case 1: return plain + "." + names[Int(random.next() % 4)]
            case 2: return "." + plain
            default: return plain
            }
        }
        func template(depth: Int) -> String {
            (0..<Int(random.next() % 4 + 1)).map { _ -> String in
                switch random.next() % (depth > 2 ? 3 : 5) {
                case 0: return "{{\(name())}}|"
                case 1: return "{{{\(name())}}}|"
                case 2: return "t|"
                default:
                    let section = name(), mark = random.next() % 2 == 0 ? "#" : "^"
                    return "{{\(mark)\(section)}}[\(template(depth: depth + 1))]{{/\(section)}}"
                }
            }.joined()
        }
        for _ in 0..<3000 {
            let context = value(depth: 0), text = template(depth: 0)
            let compiled = try MustacheTemplate(string: text)
            let typed = compiled.render(context), general = compiled.render(context.anyValue)
            if typed != general {
                // An object written with `{{.}}` is written as a Dictionary's description, which lists the pairs in
                // an order of that dictionary's own (every instance hashes with a seed of its own): the two texts
                // then hold the same characters in another order.
                XCTAssertTrue(typed.contains(": "), "\(text) with \(context.anyValue): \(typed) against \(general)")
                XCTAssertEqual(typed.sorted(), general.sorted(), "\(text) with \(context.anyValue)")
            }
        }
    }
}

/// A small fixed-seed generator, so a failure can be run again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { self.state = seed }
    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
