package report_test

import (
	"fmt"
	"os"

	"github.com/zwfw/zwfw/report"
)

// A bureau's bulletin, from data alone: a masthead, leave as a section of
// its own with its own wording, an update about a department, and a
// section of the bulletin's own placed first by the layout.
func ExampleLayout() {
	doc := `
kind: Bulletin
schemaVersion: 1
period: "2021-05"
issuer: 某市政务服务局
masthead: {issue: 5, running: 41, distribution: [{kind: 送, to: [市委办公室]}]}
layout:
  sections:
    - key: next
    - key: updates
    - key: leave
      title: 请假
      text: {lead: "{period}共请假{total}人次:", first: "", entry: "{kind}{count}人次", separator: "、", last: "。"}
updates:
  - department: 市医保局
    headline: 市医保局推进医保服务下沉。
attendance:
  leave: {staff: 窗口工作人员, kinds: [{kind: 事假, count: 3}, {kind: 病假, count: 1}]}
sections:
  - {key: next, title: 下步工作, paragraphs: [全面推开。]}
`
	b, err := report.Parse("bulletin.yaml", []byte(doc), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	b.Render(os.Stdout, report.Text, nil)
	// Output:
	// 工作简报
	// 第5期(总第41期)
	// 某市政务服务局
	// 一、下步工作
	// 全面推开。
	// 二、工作动态
	// 市医保局推进医保服务下沉。
	// 三、请假
	// 2021年5月共请假4人次:事假3人次、病假1人次。
	// 送:市委办公室
}
