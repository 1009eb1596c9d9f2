package workday

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

func TestProblemsInChinese(t *testing.T) {
	_, probs := LoadSchedulesFS(fstest.MapFS{}, "holidays.yaml")
	if len(probs) != 1 || probs[0].Rule != RuleRead {
		t.Fatalf("LoadSchedulesFS of a missing file: %v, want one %s problem", probs, RuleRead)
	}
	schematest.InChinese(t, "a file that is not there", probs[0].Text(schema.Chinese))
	if en := probs[0].Text(schema.English); !strings.HasPrefix(en, "workday: ") {
		t.Errorf("in English: %q, want the workday: prefix", en)
	}

	c, err := New(Schedule{Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.IsWorkday(NewDate(2030, 1, 2))
	loc, ok := err.(schema.Localizer)
	if !ok {
		t.Fatalf("IsWorkday in an unknown year: %v (%T), want a schema.Localizer", err, err)
	}
	schematest.InChinese(t, "an unknown year", loc.Localize(schema.Chinese))
	if got := loc.Localize(schema.English); got != err.Error() {
		t.Errorf("in English %q, Error() %q", got, err.Error())
	}
}
