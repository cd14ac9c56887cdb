import Mustache
import Testing
@testable import BuildSite

@Suite("A page's fingerprint changes with what its template is given, and only then")
struct ContextFingerprintTests {
    static func page(title: String = "Audit", rows: [TemplateContext] = [["key": "Council", "value": "Camden"]]) -> TemplateContext {
        var context: TemplateContext = ["pageTitle": .text(title), "hasRisks": false, "count": .number(3)]
        context["details"] = .objects(rows)
        context["site"] = .object(["title": "Reports"])
        return context
    }

    @Test("The same context made twice has the same fingerprint")
    func sameContext() {
        #expect(ContextFingerprint.of(Self.page(), inputs: "salt") == ContextFingerprint.of(Self.page(), inputs: "salt"))
    }

    @Test("A change anywhere in the context, or in the inputs, changes the fingerprint")
    func everyChange() {
        let base = ContextFingerprint.of(Self.page(), inputs: "salt")
        var changed: [TemplateContext] = [
            Self.page(title: "Audit "),
            Self.page(rows: [["key": "Council", "value": "Islington"]]),
            Self.page(rows: [["key": "Council", "value": "Camden"], ["key": "Council", "value": "Camden"]]),
            Self.page(rows: []),
        ]
        var flag = Self.page()
        flag["hasRisks"] = true
        var number = Self.page()
        number["count"] = .text("3")
        var added = Self.page()
        added["summary"] = ""
        var removed = Self.page()
        removed["count"] = nil
        // A text split differently between a name and its value.
        var moved = Self.page()
        moved["pageTitle"] = nil
        moved["pageTitleA"] = "udit"
        changed += [flag, number, added, removed, moved]
        let fingerprints = changed.map { ContextFingerprint.of($0, inputs: "salt") }
        #expect(!fingerprints.contains(base))
        #expect(Set(fingerprints).count == fingerprints.count)
        #expect(ContextFingerprint.of(Self.page(), inputs: "salt2") != base)
    }
}
