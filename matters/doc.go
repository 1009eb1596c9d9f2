// Package matters models catalogues of government service matters
// (政务服务事项): base catalogues (基本目录) and the implementation lists
// (实施清单) localities publish, their matters with the elements of the
// national implementation list, and one-thing bundles (一件事一次办).
//
// # Documents
//
// A catalogue document is YAML or JSON with kind "Catalogue" and
// schemaVersion 1, validated against the embedded JSON Schema
// (schema/catalogue.schema.json). Keys are English lowerCamelCase;
// enumerated values are the Chinese standard terms, and the national numeric
// codes are accepted on input ("01" or 1 for 行政许可); output always writes
// the Chinese term. Members starting with "x-" are local extensions: they
// are kept, as JSON text, in the Extensions of the value that holds them and
// written back unchanged. Any other unknown member is an error, so typos do
// not pass silently.
//
// [Parse], [Load], [LoadFile] and [LoadFS] read a document in one pass:
// structural validation against the schema, typed decoding, then the
// semantic checks. Every finding is a [schema.Problem] with a JSON Pointer,
// a file:line:col position and a stable rule; the returned catalogue is nil
// only when the text is not YAML or JSON at all. [Catalogue.WriteYAML] and
// [Catalogue.WriteJSON] write a catalogue back without loss: loading what
// they write gives an equal catalogue.
//
// Decoding works on one matter's subtree at a time (see [Decode]) and the
// whole-catalogue checks keep only an index of codes, so the same code
// serves catalogues read as a stream.
//
// # Semantic checks
//
// Beyond the schema, a catalogue must hold together. The checks and their
// rules:
//
//   - matter.duplicate-code: two matters share a code.
//   - matter.promised-exceeds-legal: the promised limit is longer than the
//     legal limit, compared in working days (1 月 = 22, 1 年 = 250, 即办 = 0);
//     matter.limits-incomparable (a warning) when a unit does not convert
//     (自然日, 小时, 分钟), naming the unit.
//   - matter.instant-mismatch: a promised limit of 即办 without handling kind
//     即办件, or the reverse.
//   - matter.online-needs-zero-visits: handled fully online (全程网办) yet
//     needing visits.
//   - matter.onsite-reason-missing: visits without a reason for on-site
//     handling.
//   - matter.postal-missing (warning): no visit and not online, yet no
//     postal application.
//   - matter.fee-basis-missing: charged for without basis or items.
//   - matter.delegation-level-missing: delegated (下放) without the receiving
//     level.
//   - matter.credit-code-check: the body's unified social credit code has a
//     wrong check character (GB 32100-2015).
//   - bundle.unknown-member, bundle.duplicate-code: a one-thing bundle names
//     a matter the catalogue does not hold, or reuses a code.
//
// Structural problems carry rules "schema.<keyword>" from the JSON Schema
// (schema.required, schema.enum, …); text that is not YAML or JSON gets
// "syntax.*" rules.
//
// # Enumerations
//
// [Type], [Level], [BodyNature], [PowerSource], [Unit], [HandlingKind],
// [ScopeKind], [OnlineItem], [Form] and [ServiceObject] are small typed
// values whose text form is the Chinese term. Each has a Parse function that
// accepts the term or the national code, a String method that never panics,
// and text marshalling through Parse. Multi-selects (online items, forms,
// service objects) are a [Set], a bit mask that is comparable and costs no
// allocation. The zero value of each enum means "not stated".
package matters
