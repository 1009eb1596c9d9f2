package matters

// MatterCodeText is a matter code as a catalogue writes it: the text of a
// [MatterCode] (基本编码, 实施编码, 业务办理项编码 or Sichuan's portal form)
// in the code, baseCode, handlingCode and mainCode of a [Matter] and the
// members of a [Bundle]. Real catalogues hold codes in no known form, so
// the text is kept exactly as written and reading a document never fails
// on it: the semantic checks parse it and report what does not parse as a
// warning (matter.code-unrecognised, code.*). The zero value is no code.
type MatterCodeText string

// Parse parses the code through [ParseMatterCode]: only the regular forms.
func (t MatterCodeText) Parse() (MatterCode, error) { return ParseMatterCode(string(t)) }

// ParseLenient parses the code through [ParseMatterCodeLenient], which
// also reads the irregular forms real catalogues hold and returns each
// irregularity as a warning.
func (t MatterCodeText) ParseLenient() (MatterCode, []*CodeError, error) {
	return ParseMatterCodeLenient(string(t))
}

// String returns the code as written.
func (t MatterCodeText) String() string { return string(t) }

// CreditCodeText is a unified social credit code as a catalogue writes it:
// the text of a [CreditCode], in the creditCode of a [Body]. It is kept
// exactly as written; the checks parse it and report a wrong check
// character (matter.credit-code-check), never a failure to read. The zero
// value is no code.
type CreditCodeText string

// Parse parses the code through [ParseCreditCode].
func (t CreditCodeText) Parse() (CreditCode, error) { return ParseCreditCode(string(t)) }

// String returns the code as written.
func (t CreditCodeText) String() string { return string(t) }
