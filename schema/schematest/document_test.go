package schematest_test

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/schema/schematest"
)

// pair is a document of two fields, written as YAML and as JSON.
type pair struct{ A, B string }

func (p pair) WriteYAML(w io.Writer) error {
	_, err := fmt.Fprintf(w, "a: %s\nb: %s\n", p.A, p.B)
	return err
}

func (p pair) WriteJSON(w io.Writer) error { return json.NewEncoder(w).Encode(p) }

func readPair(name string, data []byte) (pair, error) {
	var p pair
	if strings.HasSuffix(name, ".json") {
		return p, json.Unmarshal(data, &p)
	}
	_, err := fmt.Sscanf(string(data), "a: %s\nb: %s\n", &p.A, &p.B)
	return p, err
}

func TestRoundTrip(t *testing.T) {
	p := pair{"甲", "乙"}
	if got := string(schematest.Write(t, p, "yaml")); got != "a: 甲\nb: 乙\n" {
		t.Errorf("Write yaml = %q", got)
	}
	schematest.RoundTrip(t, p, readPair)
}
