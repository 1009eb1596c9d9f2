package county

import (
	_ "embed"
	"sync"
)

//go:embed suining.yaml
var suiningYAML []byte

// suining parses the embedded document once, on first use.
var suining = sync.OnceValue(func() *Hierarchy {
	h, err := Parse("suining.yaml", suiningYAML)
	if err != nil {
		// The file ships with the package and its tests read it; this
		// cannot happen in a released build.
		panic("county: embedded suining.yaml is invalid: " + err.Error())
	}
	return h
})

// Suining returns the embedded default hierarchy: 遂宁市 (510900) with 船山区
// (510903), 安居区 (510904), 蓬溪县 (510921), 大英县 (510923) and 射洪市
// (510981, 510922 射洪县 until 2019), the parks 遂宁高新区, 遂宁经开区 and
// 河东新区 without codes, and the service points and figures the April 2021
// bulletin states. Township and village units are not included; merge them
// in with [Hierarchy.Merge]. [Hierarchy.Sources] says where each part comes
// from and as of when.
//
// The document is parsed on the first call; every call returns the same
// read-only hierarchy.
func Suining() *Hierarchy { return suining() }

// SuiningDocument returns the embedded divisions document Suining reads, as
// written. The slice is the caller's.
func SuiningDocument() []byte { return append([]byte(nil), suiningYAML...) }
