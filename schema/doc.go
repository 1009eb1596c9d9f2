// Package schema is the bottom floor of the module: the one problem model
// every check reports with, reading YAML and JSON into JSON-shaped values
// that keep their source positions, and validation against the module's
// embedded JSON Schemas.
//
// # Problems
//
// Every check in the module — JSON Schema, semantic rules, bulletin
// consistency, code parsing — reports a [*Problem]: where ([Path] as a JSON
// Pointer and in readable form, [Pos] with file, line and column when the
// input was text), what (a stable [Rule] identifier, a [Severity], a
// message). A [List] collects them; it is an error, usable from its zero
// value, sorts deterministically, and its [List.Err] is nil when it holds no
// error. errors.Is and errors.As look through it. Tests should match
// problems on (rule, path), never on message text.
//
// A problem prints in the compiler convention editors parse:
//
//	catalogue.yaml:41:7: error: /matters/12/promisedLimit: promised limit 30 工作日 exceeds legal limit 20 工作日 [matter.promised-exceeds-legal]
//
// # Languages
//
// What a person reads exists in English and in simplified Chinese. A
// problem keeps its message apart from its arguments ([Problem].Msg, a
// [Msg]); [Problem.Error] writes it in English, and a [Printer] in the
// language it is given ([Lang]): the severity, the message and the
// arguments that are [Localizer]s (a limit reads 20 工作日 in English and
// 20个工作日 in Chinese), while the rule and the path stay as they are:
//
//	catalogue.yaml:13:20: 错误: /matters/0/promisedLimit: 承诺时限30个工作日超过法定时限20个工作日 [matter.promised-exceeds-legal]
//
// The texts come from one table: the English message is the key, and the
// module's Chinese table holds its translation, with the arguments in the
// order Chinese puts them (%[2]s). A test finds every message the module
// writes in its source and fails when one lacks a language.
// golang.org/x/text/message catalogs do the same lookup, but its printer
// formats numbers for the locale (2021 becomes 2,021), which would spoil
// years, codes and line numbers; fmt with a table keeps them as written.
// [LangFromEnv] reads the language the way the C library does (LC_ALL,
// LC_MESSAGES, LANG; zh_* is Chinese); programs add a -lang flag.
//
// # Reading documents
//
// [Parse], [ParseJSON] and [ParseYAML] turn text into a [*Node] tree with
// positions. YAML is normalised to JSON types on the way in: yaml.v3 reads
// bare dates as timestamps and allows non-string keys, which JSON Schema
// validators reject, so dates keep the text as written and keys become
// strings. Aliases are expanded with a budget, nesting is limited to
// [MaxDepth], duplicate keys are reported (the later value is kept, in
// JSON as in YAML), and text that is not YAML or JSON at all still gets a
// located problem.
//
// YAML in the layout this module writes — block mappings and sequences,
// plain and quoted scalars on one line, flow collections on one line,
// comments — is read by a parser of that subset straight into the tree,
// several times faster than yaml.v3. It yields exactly the tree yaml.v3
// would (kinds, values, order, positions), and on anything else (anchors,
// tags, block scalars, scalars over several lines, tabs, duplicate keys,
// syntax errors …) it steps aside and yaml.v3 reads the text, so that what
// is reported stays the same. A differential fuzz test holds the two to
// each other.
//
// # Input budget
//
// No input can make a reader hold more than a fixed budget of memory:
// not a device that never ends (/dev/zero, /dev/urandom), not a document of
// one line, not YAML in flow style. Every reader enforces the budget before
// it allocates for what lies past it, and reports a located problem (rule
// "document.too-large") when input goes beyond it:
//
//   - [MaxYAMLText] (8 MiB): YAML parsed in one piece by yaml.v3 — a
//     document read whole, one streamed element, the members around the
//     streamed lists, and so also one line. yaml.v3 needs about 40 bytes
//     of memory per byte of flow-style text; larger YAML must be in block
//     layout, which streams, or be JSON.
//   - [MaxValueText] (32 MiB): one value of streamed JSON (an element, or
//     one member outside the streamed lists).
//   - [MaxNodes] (2,000,000): values in one piece of parsed text.
//   - [MaxDepth] (1,000): nesting.
//   - The size of each kind of document, set by the package that models
//     it and enforced by whichever program reads it: a catalogue 4 GiB
//     (streamed: memory does not grow with it), a bulletin and a reform
//     modes document 16 MiB, a divisions document 64 MiB. [ReadAll] reads a
//     document whole within its limit.
//
// A byte that cannot be in YAML text (invalid UTF-8, NUL and other control
// characters) stops a YAML stream where it is, with its line and column.
//
// # Numbers as written
//
// What the text says is what is read. A YAML integer with a leading zero
// (010, 0012) is an error ("syntax.leading-zero"): YAML 1.1 reads it as
// octal, YAML 1.2 and people as decimal, and guessing either way changes
// data silently; quote it if it is a code. Hexadecimal (0x1F) and explicit
// octal (0o17) say what they mean and are read. A number that cannot be
// read exactly — an integer beyond ±(2^53−1), the range RFC 7493 (I-JSON)
// gives for interoperable integers, or a number a 64-bit float turns into
// infinity or into zero (1e400, 1e-400) — is an error
// ("syntax.number-range"), and the document is not read further, so no
// validator or decoder ever sees it. A \u escape that is half of a UTF-16
// surrogate pair is an error ("syntax.bad-text"), not U+FFFD. The schemas
// state maxima for limits and counts.
//
// # Output
//
// [Printable] and [Markdown] prepare text from documents for output: a
// name cannot add a line, drive a terminal or put markup in a page. A
// problem's Error is one line whatever its message quotes.
//
// # Validation
//
// The schemas ship in the package ([Files]) and are published as files
// beside it for editors (the YAML language server's
// "# yaml-language-server: $schema=" line). Each is compiled once, on first
// use, by github.com/santhosh-tekuri/jsonschema/v5 under its fixed $id;
// documents can never make the validator read a file or a URL. Every
// failure becomes a problem at the offending node, with rule
// "schema.<keyword>" (schema.required, schema.enum,
// schema.additional-properties, …). No type of the validator library
// appears in this package's API.
//
// # Declaring elements
//
// A document element is declared once, on its Go field, with a doc tag
// (and a csv tag for its spreadsheet column), in the manner of
// encoding/json: `doc:"promisedLimit"`. A [Codec] compiles the tags of a
// type once per process into a plan, as encoding/json caches its
// decoders, and follows it to decode positioned nodes (every problem
// located as the hand-written decoders located it: JSON Pointer,
// file:line:col, rule), to encode a value to a tree the YAML and JSON
// writers print, to list the differences between two values member by
// member ([Codec.Differences]) and to give the spreadsheet columns with
// their Chinese and English headers and aliases ([Columns]). Enumerations
// and codes decode through their text methods; an exact number (a time
// limit's value) is a [NumberMarshaler], written as a JSON number and
// read from one through its text method. [Drift] holds the tags to
// the JSON Schema, which stays the published contract: each document
// package tests that every property has its field and every field its
// property.
//
// # One pass for valid input
//
// Most documents are valid, and most of the cost of reading one is the
// node tree and the positions kept for the problems it does not have. A
// [FastDecoder] reads the JSON text of one value straight into a Go value
// of a tagged type, with the schema's assertions compiled into the
// codec's plan: members dispatched by a table made from the tags, no node,
// no position, no allocation but the values themselves. When it meets
// anything to report, or a form it leaves to the usual way, it gives up
// ([FastFallback]) and the caller reads the value as nodes, which reports
// exactly what it always has; so the fast path never changes a verdict, a
// problem or a decoded value, and the tests hold it to the usual way on
// every fixture and under fuzzing. [StreamJSONFast] offers each element of
// a streamed array to such a reader first: positions are counted only
// when one is asked for ([Element.Pos]), by counting newlines in the text
// read, which runs at memory speed.
//
// # Loading
//
// A [Loader] is the Parse, Load, LoadFile and LoadFS of one kind of
// document, written once for all. Each returns an error that is nil when
// the document has no error, so that a clean load is a nil error on every
// path; a non-nil error is the [List] of every problem, and the [Collect]
// option gives the warnings of a valid document as well.
package schema
