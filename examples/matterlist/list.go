package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/reform"
)

// listNames returns the names of the lists -list accepts.
func listNames() string {
	var names []string
	for _, l := range reform.MatterLists() {
		names = append(names, l.Name)
	}
	return strings.Join(names, ", ")
}

// listColumns are the columns of a list's rows in a workbook.
var listColumns = []string{"分组", "事项编码", "事项名称", "事项类型", "行使层级", "实施主体", "承诺时限", "跑动次数"}

func listRow(group string, m *matters.Matter) []string {
	visits := ""
	if m.Visits != nil {
		visits = fmt.Sprint(*m.Visits)
	}
	return []string{group, string(m.Code), m.Name, m.Type.String(), m.Level.String(), m.Body.Name, m.PromisedLimit.String(), visits}
}

// writeListXLSX writes the list as a workbook with a 序号 column.
func writeListXLSX(w io.Writer, sel *reform.Selection, o *options) error {
	var rows [][]string
	for _, s := range sel.Sections {
		for _, m := range s.Matters {
			rows = append(rows, listRow(s.Group, m))
		}
	}
	return workbook.WriteList(w, o.list, listColumns, rows)
}
