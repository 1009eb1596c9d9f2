package reform

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// TestListWriters writes every list of the hand-made catalogue in every
// form and checks what a reader relies on: numbers 1..n without a gap,
// the unit and the as-of date in the heading, as many rows as the list
// has entries, and labels in the language asked for.
func TestListWriters(t *testing.T) {
	c := handCatalogue()
	c.Division = matters.Division{Code: "510921", Name: "蓬溪县"}
	c.AsOf = time.Date(2021, 4, 30, 0, 0, 0, 0, time.UTC)
	en := schema.English
	for _, l := range MatterLists() {
		for _, byBody := range []bool{false, true} {
			name := l.Name
			if byBody {
				name += "/by-body"
			}
			t.Run(name, func(t *testing.T) {
				sel := l.Select(c)
				if byBody {
					sel = sel.ByBody()
				}
				var md bytes.Buffer
				if err := sel.WriteMarkdown(&md, nil); err != nil {
					t.Fatal(err)
				}
				head := strings.SplitN(md.String(), "\n", 4)
				if head[0] != "# 蓬溪县"+l.Name || !strings.Contains(head[2], "蓬溪县 510921") || !strings.Contains(head[2], "截至2021-04-30") {
					t.Errorf("heading %q", head[:3])
				}
				var rows []string
				for _, line := range strings.Split(md.String(), "\n") {
					if strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| 序号 ") {
						rows = append(rows, line)
					}
				}
				matterRows := 0
				for _, s := range sel.Sections {
					matterRows += len(s.Matters)
				}
				if len(rows) != matterRows {
					t.Errorf("markdown: %d rows, want %d", len(rows), matterRows)
				}

				var b bytes.Buffer
				if err := sel.WriteCSV(&b, &ListOptions{Lang: &en}); err != nil {
					t.Fatal(err)
				}
				recs, err := csv.NewReader(&b).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if recs[0][0] != "no." || recs[0][2] != "code" {
					t.Errorf("csv header %q, want English labels", recs[0])
				}
				if !l.bundles {
					if len(recs)-1 != sel.Len() {
						t.Errorf("csv: %d rows, want %d", len(recs)-1, sel.Len())
					}
					for i, r := range recs[1:] {
						if r[0] != strconv.Itoa(i+1) {
							t.Errorf("csv row %d numbered %s", i+1, r[0])
						}
					}
				}

				b.Reset()
				if err := sel.WriteJSON(&b); err != nil {
					t.Fatal(err)
				}
				var doc struct {
					Count int
					AsOf  string
				}
				if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
					t.Fatal(err)
				}
				if doc.Count != sel.Len() || doc.AsOf != "2021-04-30" {
					t.Errorf("json: count %d as of %q, want %d as of 2021-04-30", doc.Count, doc.AsOf, sel.Len())
				}
			})
		}
	}
}

// TestListCSVFormulas keeps a cell that starts like a formula from running
// as one when the list is opened in a spreadsheet.
func TestListCSVFormulas(t *testing.T) {
	c := &matters.Catalogue{Matters: []matters.Matter{{Code: "M1", Name: "=HYPERLINK(\"x\")", SelfService24h: true,
		Body: matters.Body{Name: "@body"}}}}
	var b bytes.Buffer
	if err := LookupList("24小时自助清单").Select(c).WriteCSV(&b, nil); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := recs[1][3]; got != "'=HYPERLINK(\"x\")" {
		t.Errorf("name cell %q, want it defused", got)
	}
	if got := recs[1][6]; got != "'@body" {
		t.Errorf("body cell %q, want it defused", got)
	}
}
