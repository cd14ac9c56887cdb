/// Turns one content file into a typed `Document`, or the list of everything wrong with it.
public struct DocumentDecoder: Sendable {
    public let matrix: RiskMatrix
    /// Each status word as written in the matrix, with the status an action that writes it gets (see
    /// `RiskDecoder.ActionStatuses`): worked out once for the build, not once per action.
    private let statuses: RiskDecoder.ActionStatuses

    public init(matrix: RiskMatrix) {
        self.matrix = matrix
        self.statuses = RiskDecoder.ActionStatuses(matrix.statuses)
    }

    static let knownKeys = ["type", "title", "date", "council", "committee", "author", "summary", "tags", "draft", "discusses", "risks"]

    /// Returns the document (nil when it has errors) and every diagnostic found, errors and warnings.
    public func decode(_ file: SourceFile) -> (Document?, [Diagnostic]) {
        var bag = DiagnosticBag()
        let split: SplitDocument
        do {
            split = try FrontMatterSplitter.split(file)
        } catch {
            return (nil, [error])
        }
        let context = YAMLContext(path: file.displayPath, firstLine: split.yamlFirstLine)
        let root: YAMLNode?
        do {
            root = try YAMLParsing.compose(split.yaml, context: context)
        } catch {
            return (nil, [error])
        }
        guard let fields = YAMLFields(root, context: context, what: "the front matter", bag: &bag) else {
            return (nil, bag.diagnostics)
        }
        fields.warnUnknownKeys(known: DocumentDecoder.knownKeys, bag: &bag)

        var type: DocumentType?
        if let text = fields.string("type", required: true, bag: &bag) {
            type = DocumentType(rawValue: text)
            if type == nil {
                bag.error(fields.location("type"), "unknown type \"\(text)\"; expected one of: \(DocumentType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let title = fields.string("title", required: true, bag: &bag)
        if let title, title.allSatisfy(\.isWhitespace) {
            bag.error(fields.location("title"), "the title is blank; expected the document's title")
        }
        let date = fields.date("date", required: true, bag: &bag)
        let riskNodes = fields.list("risks", bag: &bag)
        if !riskNodes.isEmpty, let type, type != .deepDive {
            bag.warning(fields.location("risks"), "'risks' are shown only on deep-dives; expected 'type: deep-dive' for a report with a risk-on-a-page appendix")
        }
        let risks = RiskDecoder(matrix: matrix, statuses: statuses, context: context).decode(riskNodes, bag: &bag)
        let discusses = fields.string("discusses", bag: &bag).map(Self.normaliseContentPath)
        if discusses != nil, let type, type != .minutes {
            bag.warning(fields.location("discusses"), "'discusses' is used only on minutes; expected 'type: minutes'")
        }
        var document = Document(
            type: type ?? .page, title: title ?? "", date: date ?? ContentDate(year: 1970),
            council: fields.string("council", bag: &bag), committee: fields.string("committee", bag: &bag),
            author: fields.string("author", bag: &bag), summary: fields.string("summary", bag: &bag),
            tags: fields.stringList("tags", bag: &bag), draft: fields.bool("draft", bag: &bag) ?? false,
            discusses: discusses, discussesLocation: discusses == nil ? nil : fields.location("discusses"), risks: risks, body: split.body, bodyFirstLine: split.bodyFirstLine,
            contentPath: file.contentPath, sourcePath: file.displayPath)
        document.sourceHash = file.fileHash
        document.frontMatterHash.add(split.yaml)
        return (bag.hasErrors || type == nil ? nil : document, bag.diagnostics)
    }

    /// Authors may write `discusses: annual-reports/x.md` or with a leading `Content/`; the model keeps `annual-reports/x`.
    static func normaliseContentPath(_ path: String) -> String {
        var path = path.trimmingCharacters(in: .whitespaces)
        if path.hasPrefix("Content/") { path.removeFirst("Content/".count) }
        if path.hasSuffix(".md") { path.removeLast(3) }
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
