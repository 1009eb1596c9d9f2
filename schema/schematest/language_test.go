package schematest_test

import (
	"testing"

	"github.com/zwfw/zwfw/schema/schematest"
)

func TestLanguage(t *testing.T) {
	schematest.InChinese(t, "a message", "第3行：日期不是日期 [cases.timestamp]")
	schematest.InEnglish(t, "a message", "cases: line 3: the date is no date")
}
