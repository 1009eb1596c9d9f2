package workday

import (
	_ "embed"
	"fmt"
	"sync"
)

//go:embed china.yaml
var chinaYAML []byte

// ChinaFile is the name the embedded schedules are reported under.
const ChinaFile = "matters/workday/china.yaml"

var china = sync.OnceValues(func() (*Calendar, error) {
	ss, probs := ParseSchedules(ChinaFile, chinaYAML)
	if err := probs.Err(); err != nil {
		return nil, fmt.Errorf("workday: embedded schedules: %w", err)
	}
	return New(ss...)
})

// China returns China's official calendar for 2019–2026, built on first use
// from the State Council's yearly notices (国务院办公厅关于××年部分节假日安排的通知,
// with the notices amending 2019 and 2020) embedded in the package. Add a
// later year with [LoadSchedules] and [Calendar.With].
func China() *Calendar {
	c, err := china()
	if err != nil {
		panic(err) // the embedded data is tested
	}
	return c
}

// ChinaSchedules returns the text of the embedded schedules, the form a
// bureau copies to write next year's.
func ChinaSchedules() []byte { return append([]byte(nil), chinaYAML...) }
