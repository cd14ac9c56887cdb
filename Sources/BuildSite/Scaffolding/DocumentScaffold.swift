/// The text of a new document for `build-site new`: every front-matter key of its type, the optional ones commented
/// out with a line saying what each is for, and a body to write over. It builds as it is, so an officer can preview it
/// at once and fill it in.
public enum DocumentScaffold {
    /// `2024-03-22-safeguarding-children.md`: the date first so the folder lists documents in order.
    /// Nil when the title has no letters or digits to name the file by.
    public static func fileName(title: String, date: ContentDate) -> String? {
        var slug = Slug.make(title)
        guard !slug.isEmpty else { return nil }
        if slug.count > 60 {
            slug = String(slug.prefix(60))
            if let hyphen = slug.lastIndex(of: "-") { slug = String(slug[..<hyphen]) }
        }
        return "\(date.iso)-\(slug).md"
    }

    public static func text(type: DocumentType, title: String, date: ContentDate, council: String?) -> String {
        var lines = ["---",
                     "type: \(type.rawValue)",
                     "title: \(quoted(title))",
                     "date: \(date.iso)                  # the date of the report or meeting: YYYY-MM-DD, or YYYY-MM if only the month is known"]
        if type != .page {
            lines.append("# council: \(council.map(quoted) ?? "London Borough of …")   # optional: the council that published it")
            lines.append("# committee: Audit Committee       # optional: the committee it went to, e.g. Children's Scrutiny Committee")
            lines.append("# author: Jane Smith, Director of Children's Services   # optional: who wrote or presented it")
        }
        lines.append("# summary: One or two sentences on what this is about.   # optional: shown in listings and to search engines")
        lines.append("# tags: [safeguarding, children]    # optional: a list of topics")
        lines.append("# draft: true                       # optional: true keeps it off the published site until you remove this line")
        switch type {
        case .minutes:
            lines.append("# discusses: annual-reports/2023-09-name-of-the-report   # optional: the Content path (no .md) of the report these minutes discuss; that report then links here")
        case .deepDive:
            lines += riskExample
        case .annualReport, .page:
            break
        }
        lines.append("---")
        lines += body(for: type)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A whole risk, commented out: remove the `# ` from the start of each line (keep the spaces after it) and fill it in.
    static let riskExample = [
        "# risks:                            # optional: the risks shown as the report's 'risk on a page' appendix; to use, remove '# ' from these lines",
        "#   - id: \"1\"                        # the risk's number in the council's register",
        "#     title: Safeguarding children",
        "#     statement: There is a risk that …   # optional: the risk in one sentence",
        "#     causes: [First cause, Second cause]              # optional",
        "#     consequences: [First consequence, Second one]    # optional",
        "#     owner: Director of Children's Services           # optional",
        "#     category: Children                               # optional",
        "#     inherent: {likelihood: 4, impact: 5}             # optional: the score before any controls",
        "#     current: {likelihood: 2, impact: 5}              # required: the score now, each 1 to 5",
        "#     target: {likelihood: 2, impact: 4}               # optional: the score the council aims for",
        "#     review_date: 2025-06-30                          # optional",
        "#     treatment: treat                                 # optional: treat, tolerate, transfer or terminate",
        "#     update: |                                        # optional: what has changed (Markdown)",
        "#       Progress since the last report.",
        "#     controls:                                        # optional: what is in place now, one per line",
        "#       - A control that is in place.",
        "#     actions:                                         # optional: the actions table",
        "#       - action: What will be done",
        "#         impact: What it will change",
        "#         resources: Within budget",
        "#         owner: Head of Service",
        "#         due: 2025-03-31                              # a date, or Ongoing",
        "#         status: In progress                          # Not started, In progress, Complete, Overdue or Ongoing",
    ]

    static func body(for type: DocumentType) -> [String] {
        switch type {
        case .deepDive:
            return ["## 1. Purpose of the report", "",
                    "1.1. Write what the report is for here. Number paragraphs as the paper does: 1.1., 1.2. …", "",
                    "## 2. Recommendations", "",
                    "2.1. The Committee is asked to note the report.", "",
                    "## 3. Background", "",
                    "3.1. Replace this text with the report. Each section starts with '## ', a part of a section with '### '."]
        case .annualReport:
            return ["## 1. Introduction", "",
                    "1.1. Write the introduction here. Number paragraphs as the paper does: 1.1., 1.2. …", "",
                    "## 2. Recommendations", "",
                    "2.1. The Committee is asked to note the report.", "",
                    "## 3. The year in numbers", "",
                    "3.1. Replace this text with the report. Each section starts with '## ', a part of a section with '### '."]
        case .minutes:
            return ["## Present", "",
                    "- Councillor Name (Chair)", "- Councillor Name", "",
                    "## 1. Minutes of the previous meeting", "",
                    "Resolved: that the minutes of the previous meeting be agreed as a correct record.", "",
                    "## 2. Name of the item discussed", "",
                    "Replace this text with what was said and decided."]
        case .page:
            return ["Write the page here. Each section starts with '## ', a part of a section with '### '."]
        }
    }

    /// YAML's double-quoted form, so a title with ': ', '#', quotes or a leading '-' stays text.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(String(scalar.value, radix: 16).suffix(2)).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
