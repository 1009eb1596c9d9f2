package matters

// ParseLimit reads a time limit as spreadsheets and case exports write it:
// "20个工作日", "20工作日", "二十个工作日", "即办", or a number with its unit
// in a separate cell ("5" and "工作日"). A bare 日 or 天 is read as 自然日. Other
// packages reading tables (case records) use it so that a limit means the
// same everywhere.
func ParseLimit(cell, unit string) (Limit, error) {
	l, _, err := csvLimit(cell, unit, 0)
	return l, err
}

// NormalizeHeader normalises a column header for lookup as the catalogue
// spreadsheet reader does: no white space, no required-field stars, ASCII
// parentheses, ASCII letters in lower case.
func NormalizeHeader(h string) string { return csvNormHeader(h) }
