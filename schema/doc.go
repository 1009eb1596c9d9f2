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
// # Reading documents
//
// [Parse], [ParseJSON] and [ParseYAML] turn text into a [*Node] tree with
// positions. YAML is normalised to JSON types on the way in: yaml.v3 reads
// bare dates as timestamps and allows non-string keys, which JSON Schema
// validators reject, so dates keep the text as written and keys become
// strings. Aliases are expanded with a budget, nesting is limited to
// [MaxDepth], duplicate keys are reported, and text that is not YAML or JSON
// at all still gets a located problem.
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
// and codes decode through their text methods. [Drift] holds the tags to
// the JSON Schema, which stays the published contract: each document
// package tests that every property has its field and every field its
// property.
//
// # Loading
//
// A [Loader] is the Parse, Load, LoadFile and LoadFS of one kind of
// document, written once for all. Each returns an error that is nil when
// the document has no error, so that a clean load is a nil error on every
// path; a non-nil error is the [List] of every problem, and the [Collect]
// option gives the warnings of a valid document as well.
package schema
