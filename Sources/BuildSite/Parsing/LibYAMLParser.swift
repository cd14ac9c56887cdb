// libyaml as bundled by Yams.
internal import CYaml

/// A libyaml parser over a text's UTF-8 bytes, for the two readers of its events: `YAMLBudget`'s count and
/// `YAMLTree`'s composing.
enum LibYAMLParser {
    /// `body`'s result with a parser reading `yaml`; nil when libyaml cannot start one (out of memory).
    static func reading<Result>(_ yaml: String, _ body: (inout yaml_parser_t) -> Result) -> Result? {
        var copy = yaml
        return copy.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return body(&parser)
        }
    }
}
