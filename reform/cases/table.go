package cases

import (
	"strconv"

	"github.com/zwfw/zwfw/reform"
)

// A tableColumn is one figure column of 附件1.
type tableColumn struct {
	head string
	cell func(f *Figures) string
}

func count(v int64) string { return strconv.FormatInt(v, 10) }

func pct(x reform.Ratio) string {
	if !x.Defined() {
		return "—"
	}
	return x.String()
}

var tableColumns = []tableColumn{
	{"上月结转", func(f *Figures) string { return count(f.CarriedOver) }},
	{"受理", func(f *Figures) string { return count(f.Accepted) }},
	{"办结", func(f *Figures) string { return count(f.Completed) }},
	{"其中结转办结", func(f *Figures) string { return count(f.CompletedCarried()) }},
	{"办结率", func(f *Figures) string { return pct(f.CompletionRate()) }},
	{"按时办结", func(f *Figures) string { return count(f.OnTime) }},
	{"超期办结", func(f *Figures) string { return count(f.Overdue) }},
	{"超期未办结", func(f *Figures) string { return count(f.OverdueOpen) }},
	{"提前办结率", func(f *Figures) string { return pct(f.EarlyRate()) }},
	{"平均用时(工作日)", func(f *Figures) string { return FormatDays(f.MeanDays()) }},
	{"中位用时(工作日)", func(f *Figures) string { return FormatDays(f.MedianDays()) }},
	{"即办率", func(f *Figures) string { return pct(f.SameDayShare()) }},
	{"网办率", func(f *Figures) string { return pct(f.OnlineShare()) }},
	{"好评率", func(f *Figures) string { return pct(f.GoodRate()) }},
	{"差评", func(f *Figures) string { return count(f.Bad) }},
	{"不予受理", func(f *Figures) string { return count(f.NotAccepted) }},
}

// Table returns 附件1 (一体化政务服务平台系统业务数据统计表) at level as
// cells: a header row, one row per unit, department, window or matter (in
// the order of [Tally.Rows]), and the total (合计). The first columns name
// the row (单位, 部门, 窗口; or 事项编码, 事项名称), the others hold its
// figures, counts as integers, rates as percentages with two decimals
// rounded half up, handling times in working days; "—" marks a rate with
// nothing to divide by. How the table is laid out is the caller's.
func (t *Tally) Table(level Level) (names int, rows [][]string) {
	var head []string
	switch level {
	case ByUnit:
		head = []string{"单位"}
	case ByWindow:
		head = []string{"单位", "部门", "窗口"}
	case ByMatter:
		head = []string{"事项编码", "事项名称"}
	default:
		head = []string{"单位", "部门"}
	}
	names = len(head)
	for _, c := range tableColumns {
		head = append(head, c.head)
	}
	rows = [][]string{head}
	for _, r := range t.Rows(level) {
		var line []string
		switch level {
		case ByUnit:
			line = []string{r.Unit}
		case ByWindow:
			line = []string{r.Unit, r.Department, r.Window}
		case ByMatter:
			line = []string{r.MatterCode, r.MatterName}
		default:
			line = []string{r.Unit, r.Department}
		}
		for _, c := range tableColumns {
			line = append(line, c.cell(&r.Figures))
		}
		rows = append(rows, line)
	}
	tot := t.Total()
	line := make([]string, names)
	line[0] = "合计"
	for _, c := range tableColumns {
		line = append(line, c.cell(&tot))
	}
	return names, append(rows, line)
}
