package reform

import (
	_ "embed"
	"sync"
)

//go:embed modes.yaml
var defaultDocument []byte

// defaultModes parses the embedded document on first use. The document is
// checked by the package's tests, so it has no problems to report.
var defaultModes = sync.OnceValue(func() *Modes {
	d, _ := Parse("reform/modes.yaml", defaultDocument)
	if d == nil {
		d = &Modes{}
	}
	return d
})

// Default returns the reform modes and measures of Suining's April 2021
// work bulletin: "3+2", "七办", 以"减"促"简", "三抓三促", 三集中三到位 and
// the "一网通办" 百日攻坚. Its Source and AsOf say where they come from.
// The document is parsed on first use and shared: treat it as read-only.
func Default() *Modes { return defaultModes() }
