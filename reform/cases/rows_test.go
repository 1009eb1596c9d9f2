package cases_test

import (
	"testing"

	"github.com/zwfw/zwfw/reform/cases"
)

// Rows read elsewhere decode as CSV records do, a title row skipped and
// problems at the rows' numbers.
func TestNewRowDecoder(t *testing.T) {
	rows := map[int][]string{
		2: {"2021年4月办件明细"},
		3: {"申办流水号", "事项名称", "承办部门", "受理时间", "办件状态"},
		5: {"1", "食品经营许可", "市市场监督管理局", "44293.375", "受理"},
		6: {"2", "食品经营许可", "市市场监督管理局", "2021-04-31", "受理"},
	}
	seq := func(yield func(int, []string) bool) {
		for _, n := range []int{2, 3, 5, 6} {
			if !yield(n, rows[n]) {
				return
			}
		}
	}
	if !cases.IsHeader(rows[3]) || cases.IsHeader(rows[5]) {
		t.Error("IsHeader")
	}
	if k, ok := cases.HeaderKey("承办部门"); !ok || k != "department" {
		t.Errorf("HeaderKey(承办部门) = %q, %v", k, ok)
	}
	d := cases.NewRowDecoder(seq, "a.xlsx[办件]", nil)
	var ids []string
	for c := range d.Cases() {
		ids = append(ids, c.ID)
	}
	probs := d.Problems()
	if len(ids) != 1 || ids[0] != "1" {
		t.Errorf("cases %v", ids)
	}
	if len(probs) != 1 || probs[0].Rule != cases.RuleTimestamp || probs[0].Path.String() != "/cases/1/accepted" || probs[0].Pos.String() != "a.xlsx[办件]:6:4" {
		t.Errorf("problems %v", probs)
	}
}
