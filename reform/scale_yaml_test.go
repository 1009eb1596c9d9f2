package reform_test

import (
	"bufio"
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"gopkg.in/yaml.v3"
)

// The YAML baseline is what a program does with yaml.v3 alone to read a
// large catalogue without holding it whole: cut the text at each "  - "
// under "matters:", decode every piece into typed structs on as many
// goroutines as there are CPUs, and check nothing. Run it beside this
// module's streamed load, in one run:
//
//	go test ./reform -run='^$' -bench='ScaleYAML(BareStructDecode|Stream)$' -benchmem -cpu 1,2 -benchtime=1x -count=3 -scale=200000
//
// Decoding the whole document with yaml.NewDecoder into one struct is the
// other plain way; it is not the baseline because it holds the document's
// node tree in memory (gigabytes at a million matters, so its CPU is mostly
// the garbage collector's) and runs on one goroutine, where the streamed
// load runs in bounded memory on every CPU. Cutting per matter is the
// comparable program, and the cheaper one.

// yamlLimit, yamlMatter and yamlHeader mirror the document for yaml.v3,
// whose field names are otherwise lower case (basecode, not baseCode).
type yamlLimit struct {
	Value float64 `yaml:"value"`
	Unit  string  `yaml:"unit"`
}

type yamlMatter struct {
	Code     string `yaml:"code"`
	BaseCode string `yaml:"baseCode"`
	Name     string `yaml:"name"`
	MainItem string `yaml:"mainItem"`
	Type     string `yaml:"type"`
	Level    string `yaml:"level"`
	Body     struct {
		Name       string `yaml:"name"`
		CreditCode string `yaml:"creditCode"`
		Nature     string `yaml:"nature"`
	} `yaml:"body"`
	PowerSource    string     `yaml:"powerSource"`
	LegalLimit     *yamlLimit `yaml:"legalLimit"`
	PromisedLimit  *yamlLimit `yaml:"promisedLimit"`
	HandlingKind   string     `yaml:"handlingKind"`
	Visits         *int       `yaml:"visits"`
	OnsiteReason   string     `yaml:"onsiteReason"`
	Online         []string   `yaml:"online"`
	Forms          []string   `yaml:"forms"`
	ServiceObjects []string   `yaml:"serviceObjects"`
	Scopes         []struct {
		Scope string `yaml:"scope"`
		Batch int    `yaml:"batch"`
	} `yaml:"scopes"`
	Delegation *struct {
		To       string `yaml:"to"`
		Batch    int    `yaml:"batch"`
		Document string `yaml:"document"`
	} `yaml:"delegation"`
	SelfService24h  bool `yaml:"selfService24h"`
	TolerateMissing bool `yaml:"tolerateMissing"`
	InHall          bool `yaml:"inHall"`
	Fee             *struct {
		Charged bool     `yaml:"charged"`
		Basis   string   `yaml:"basis"`
		Items   []string `yaml:"items"`
	} `yaml:"fee"`
	Window string `yaml:"x-window"`
}

type yamlHeader struct {
	Kind          string `yaml:"kind"`
	SchemaVersion int    `yaml:"schemaVersion"`
	CatalogueKind string `yaml:"catalogueKind"`
	Title         string `yaml:"title"`
	Division      struct {
		Code string `yaml:"code"`
		Name string `yaml:"name"`
	} `yaml:"division"`
	Level   string `yaml:"level"`
	Bundles []struct {
		Code    string   `yaml:"code"`
		Name    string   `yaml:"name"`
		Matters []string `yaml:"matters"`
	} `yaml:"bundles"`
}

// BenchmarkScaleYAMLBareStructDecode is the YAML floor for typed values:
// yaml.v3 decoding each matter's text into a struct, in parallel, checking
// nothing.
func BenchmarkScaleYAMLBareStructDecode(b *testing.B) {
	runScale(b, "yaml", func(path string) {
		f, r := openBuffered(b, path)
		defer f.Close()
		texts := make(chan []byte, 64)
		var decoded atomic.Int64
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for text := range texts {
					var ms []yamlMatter
					if err := yaml.Unmarshal(text, &ms); err != nil {
						b.Error(err)
						continue
					}
					decoded.Add(int64(len(ms)))
				}
			}()
		}
		var rest, item []byte // the text outside the list, the matter being cut
		inMatters := false
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Bytes()
			switch {
			case bytes.Equal(line, []byte("matters:")):
				inMatters = true
				continue
			case inMatters && bytes.HasPrefix(line, []byte("  - ")):
				if item != nil {
					texts <- item
				}
				item = append([]byte(nil), line...)
				item = append(item, '\n')
				continue
			case inMatters && bytes.HasPrefix(line, []byte("    ")):
				item = append(item, line...)
				item = append(item, '\n')
				continue
			}
			inMatters = false
			rest = append(rest, line...)
			rest = append(rest, '\n')
		}
		if item != nil {
			texts <- item
		}
		close(texts)
		wg.Wait()
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		var h yamlHeader
		if err := yaml.Unmarshal(rest, &h); err != nil {
			b.Fatal(err)
		}
		if n := decoded.Load(); n != int64(*scale) || h.Kind != "Catalogue" {
			b.Fatalf("decoded %d matters, kind %q", n, h.Kind)
		}
	})
}
