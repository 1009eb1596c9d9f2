package matters

import "github.com/zwfw/zwfw/schema"

// Rules of the problems this package reports. Each is a stable
// identifier; tests and callers match on them, never on message text.
// Those marked warning leave the catalogue valid.
const (
	// The semantic checks.
	RuleDuplicateCode      schema.Rule = "matter.duplicate-code"
	RulePromisedExceeds    schema.Rule = "matter.promised-exceeds-legal"
	RuleLimitsIncomparable schema.Rule = "matter.limits-incomparable"
	RuleInstantMismatch    schema.Rule = "matter.instant-mismatch"
	RuleOnlineVisits       schema.Rule = "matter.online-needs-zero-visits"
	RuleOnsiteReason       schema.Rule = "matter.onsite-reason-missing"
	RulePostalMissing      schema.Rule = "matter.postal-missing"
	RuleFeeBasis           schema.Rule = "matter.fee-basis-missing"
	RuleDelegationLevel    schema.Rule = "matter.delegation-level-missing"
	RuleCreditCodeCheck    schema.Rule = "matter.credit-code-check"
	RuleCodeUnrecognised   schema.Rule = "matter.code-unrecognised"
	RuleCodeDivision       schema.Rule = "matter.code-division"
	RuleCodeBody           schema.Rule = "matter.code-body"
	RuleCodeBaseCode       schema.Rule = "matter.code-base-code"
	// RuleCodeLevel (warning): the level digit of an implementation or
	// handling-item code is not the matter's level.
	RuleCodeLevel schema.Rule = "matter.code-level"
	// RuleCodeType (warning): the type a Sichuan code's type letters state
	// (1A 行政许可, 1B 行政处罚, …, 2x 公共服务) is not the matter's type.
	RuleCodeType schema.Rule = "matter.code-type"
	// RuleCreditRegistry (warning): a credit code whose registration
	// authority does not register its category of organisation in GB
	// 32100 ("19"), or the all-zero code, which passes the check
	// characters.
	RuleCreditRegistry schema.Rule = "matter.credit-code-registry"
	// RuleBaseCodeForm (warning): a base code that is not in the national
	// form, 12 digits (a Sichuan local base code, say).
	RuleBaseCodeForm schema.Rule = "matter.base-code-form"
	// RuleBodyOrgCode (warning): the body is identified by a 9-character
	// organisation code (GB 11714, body extension x-orgCode), not by a
	// unified social credit code.
	RuleBodyOrgCode schema.Rule = "matter.body-org-code"
	// RuleBodyCode (warning): the body's code (body extension x-bodyCode)
	// is neither a credit code nor a valid organisation code.
	RuleBodyCode            schema.Rule = "matter.body-code"
	RuleBundleUnknownMember schema.Rule = "bundle.unknown-member"
	RuleBundleDuplicateCode schema.Rule = "bundle.duplicate-code"

	// The spreadsheet reader. Those marked warning are the dirt of
	// real portal exports: the value is kept (as an x- extension where the
	// schema has no place for it) and the catalogue stays valid.

	// RuleCSVSyntax: a row that is not CSV (a stray quote), or a row
	// longer than MaxCSVRow bytes.
	RuleCSVSyntax schema.Rule = "csv.syntax"
	// RuleCSVEncoding: UTF-16 input, or bytes that are not text in the
	// detected encoding.
	RuleCSVEncoding schema.Rule = "csv.encoding"
	// RuleCSVHeader: no header row, or one naming no matter element.
	RuleCSVHeader schema.Rule = "csv.header"
	// RuleCSVEmpty: a header and no row of matters under it.
	RuleCSVEmpty schema.Rule = "csv.empty"
	// RuleCSVMissingColumn: a column the schema requires (事项编码, 事项名称,
	// 事项类型, 实施主体, and 行使层级 or 区划代码) is absent.
	RuleCSVMissingColumn schema.Rule = "csv.missing-column"
	// RuleCSVDuplicateColumn (warning): a second column for one element;
	// it is kept as an x- extension.
	RuleCSVDuplicateColumn schema.Rule = "csv.duplicate-column"
	// RuleCSVUnnamedColumn (warning): cells in a column with no header;
	// they are kept as extension x-column-N.
	RuleCSVUnnamedColumn schema.Rule = "csv.unnamed-column"
	// RuleCSVRequired: an empty cell in a required column.
	RuleCSVRequired schema.Rule = "csv.required"
	// RuleCSVValue: a cell that is not a value of its element.
	RuleCSVValue schema.Rule = "csv.value"
	// RuleCSVDayUnit (warning): a limit in bare 日 or 天, read as 自然日.
	RuleCSVDayUnit schema.Rule = "csv.day-unit"
	// RuleCSVDepthLevel (warning): 网上办理深度 given as a level (一级 … 四级,
	// 全程网办) rather than the national items; read as the least item set
	// of that depth.
	RuleCSVDepthLevel schema.Rule = "csv.depth-level"
	// RuleCSVAreaMismatch (warning): a row's 区划代码 differs from the
	// catalogue's division code (taken from the first row that has one);
	// it is kept as extension x-areaCode.
	RuleCSVAreaMismatch schema.Rule = "csv.area-mismatch"

	// The checks over the service-guide elements.
	RuleStepsExceedPromised schema.Rule = "matter.steps-exceed-promised"
	RuleTolerateUnmarked    schema.Rule = "matter.tolerate-material-unmarked"
	RuleTolerateNoMaterial  schema.Rule = "matter.tolerate-without-material"
	RuleDuplicateMaterial   schema.Rule = "matter.duplicate-material"
	RuleLicenceNameMissing  schema.Rule = "matter.licence-name-missing"
	RuleBundleInactive      schema.Rule = "bundle.inactive-member"

	// Code errors and warnings; see [CodeError].
	codeRuleMalformed        schema.Rule = "code.malformed"
	codeRuleCheckCharacter   schema.Rule = "code.check-character"
	codeRuleUnknownProvince  schema.Rule = "code.unknown-province"
	codeRuleOrgForCredit     schema.Rule = "code.org-code-for-credit-code"
	codeRuleBadBody          schema.Rule = "code.bad-body"
	codeRuleUnfamiliarPrefix schema.Rule = "code.unfamiliar-prefix"
	codeRuleMissingArea      schema.Rule = "code.missing-area"
)
