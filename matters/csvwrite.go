package matters

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// WriteCSV writes the catalogue's matters as a spreadsheet, one matter a
// row, in the canonical layout: every column of the table in the package
// documentation (# Spreadsheets) in that order, with Chinese headers (or
// English ones, see [CSVOptions]), then one column for each matter
// extension key in any matter, sorted, headed by the key itself.
//
// [ReadCSV] reads the file back to equal matters, except for what a
// spreadsheet row cannot hold:
//   - the catalogue's own elements other than its division code, and its
//     bundles;
//   - extensions below the matter (of its body, limits, scopes,
//     delegation, fee), except the body's x-orgCode and x-bodyCode, which
//     are written in the body-code column when the body has no credit
//     code;
//   - extension values that are numbers, true, false or null, which come
//     back as strings holding their JSON text (arrays, objects and strings
//     come back as they are, see [ReadCSV]), and empty strings, which come
//     back absent;
//   - leading and trailing white space of any text, which the reader trims;
//   - a main item of 未分类, which the reader takes for "none";
//   - a delegation with no element and an empty list of fee items, which
//     come back absent; fee items containing ^, ; or a line break, which
//     come back split;
//   - a value on a limit of 即办;
//   - the repeating elements (materials, steps, legal basis), which a
//     workbook holds on sheets of their own, and the result's extensions.
func (c *Catalogue) WriteCSV(w io.Writer, opts *CSVOptions) error {
	var o CSVOptions
	if opts != nil {
		o = *opts
	}
	out := w
	var closer io.Closer
	switch o.Encoding {
	case UTF8:
	case UTF8BOM:
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	case GB18030:
		tw := transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder())
		out, closer = tw, tw
	default:
		return fmt.Errorf("matters: unknown encoding %s", o.Encoding)
	}
	cw := csv.NewWriter(out)
	cw.Comma = opts.comma()

	var keys []string
	seen := map[string]bool{}
	for i := range c.Matters {
		for k := range c.Matters[i].Extensions {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)

	written := csvWrittenCols()
	rec := make([]string, len(written)+len(keys))
	cols := csvColumns()
	for i, e := range written {
		if o.English {
			rec[i] = cols[e].en
		} else {
			rec[i] = cols[e].zh
		}
	}
	copy(rec[len(written):], keys)
	if err := cw.Write(rec); err != nil {
		return fmt.Errorf("matters: %w", err)
	}
	for i := range c.Matters {
		c.csvRecord(rec, &c.Matters[i], written, keys)
		for k := range rec {
			rec[k] = CSVCell(rec[k])
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("matters: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("matters: %w", err)
	}
	if closer != nil {
		if err := closer.Close(); err != nil {
			return fmt.Errorf("matters: %w", err)
		}
	}
	return nil
}

// CSVCell returns text as a spreadsheet cell that a spreadsheet shows and
// never runs: text starting with =, +, -, @, a tab or a carriage return
// (what Excel, LibreOffice and WPS take for a formula, the last two after
// trimming) gets a leading apostrophe, as does text that starts with one,
// so that [ReadCSV], which drops one leading apostrophe, reads back the
// text as it was. Every CSV this module writes goes through it.
func CSVCell(text string) string {
	if text == "" {
		return text
	}
	switch text[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + text
	}
	return text
}

// CSVText returns the text of a cell [CSVCell] wrote: without the
// apostrophe it put before text a spreadsheet would run. [ReadCSV] reads
// cells so.
func CSVText(cell string) string {
	return strings.TrimPrefix(cell, "'")
}

// csvRecord fills rec with the cells of m.
func (c *Catalogue) csvRecord(out []string, m *Matter, written []csvElem, keys []string) {
	clear(out)
	rec := make([]string, len(csvColumns()))
	enumText := func(s fmt.Stringer, zero bool) string {
		if zero {
			return ""
		}
		return s.String()
	}
	rec[csvCode] = string(m.Code)
	rec[csvBaseCode] = string(m.BaseCode)
	rec[csvName] = m.Name
	rec[csvMainItem] = m.MainItem
	rec[csvType] = enumText(m.Type, m.Type == 0)
	rec[csvLevel] = enumText(m.Level, m.Level == 0)
	rec[csvBodyName] = m.Body.Name
	rec[csvBodyCode] = string(m.Body.CreditCode)
	if rec[csvBodyCode] == "" {
		for _, k := range []string{ExtOrgCode, ExtBodyCode} {
			if s, ok := csvExtString(m.Body.Extensions[k]); ok {
				rec[csvBodyCode] = s
				break
			}
		}
	}
	rec[csvBodyNature] = enumText(m.Body.Nature, m.Body.Nature == 0)
	rec[csvPowerSource] = enumText(m.PowerSource, m.PowerSource == 0)
	rec[csvLegalLimit] = csvLimitText(m.LegalLimit)
	rec[csvPromisedLimit] = csvLimitText(m.PromisedLimit)
	rec[csvHandlingKind] = enumText(m.HandlingKind, m.HandlingKind == 0)
	if m.Visits != nil {
		rec[csvVisits] = strconv.Itoa(*m.Visits)
	}
	rec[csvOnsiteReason] = m.OnsiteReason
	rec[csvOnline] = csvSetText(m.Online)
	rec[csvForms] = csvSetText(m.Forms)
	rec[csvServiceObjects] = csvSetText(m.ServiceObjects)
	scopes := make([]string, len(m.Scopes))
	for i, s := range m.Scopes {
		scopes[i] = csvScopeText(s)
	}
	rec[csvScopes] = strings.Join(scopes, "、")
	if g := m.Delegation; g != nil {
		rec[csvDelegationTo] = enumText(g.To, g.To == 0)
		if g.Batch != 0 {
			rec[csvDelegationBatch] = strconv.Itoa(g.Batch)
		}
		rec[csvDelegationDocument] = g.Document
	}
	// A false flag is "not stated or no": the cell stays empty rather
	// than claim 否.
	rec[csvSelfService] = csvFlagText(m.SelfService24h)
	rec[csvTolerateMissing] = csvFlagText(m.TolerateMissing)
	rec[csvInHall] = csvFlagText(m.InHall)
	if f := m.Fee; f != nil {
		rec[csvFeeCharged] = csvBoolText(f.Charged)
		rec[csvFeeBasis] = f.Basis
		rec[csvFeeItems] = strings.Join(f.Items, "\n")
	}
	rec[csvArea] = c.Division.Code
	cols := csvColumns()
	for e := csvElems; int(e) < len(cols); e++ {
		rec[e] = cols[e].col.Text(m)
	}
	for i, e := range written {
		out[i] = rec[e]
	}
	for i, k := range keys {
		raw, ok := m.Extensions[k]
		if !ok {
			continue
		}
		// A string is written as it is, unless it would read back as
		// JSON: then, like any other value, as its JSON text.
		if s, ok := csvExtString(raw); ok && (s == "" || s[0] != '[' && s[0] != '{' && s[0] != '"') {
			out[len(written)+i] = s
		} else {
			out[len(written)+i] = string(raw)
		}
	}
}

func csvFlagText(b bool) string {
	if b {
		return "是"
	}
	return ""
}

// csvExtString returns an extension value that is a JSON string.
func csvExtString(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

func csvSetText[T interface {
	~uint8
	fmt.Stringer
}](s Set[T]) string {
	var parts []string
	for v := range s.All() {
		parts = append(parts, v.String())
	}
	return strings.Join(parts, "、")
}
