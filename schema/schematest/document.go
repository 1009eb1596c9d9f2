package schematest

import (
	"bytes"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A Document writes itself as YAML and as JSON, as the module's documents
// do.
type Document interface {
	WriteYAML(w io.Writer) error
	WriteJSON(w io.Writer) error
}

// Formats are the forms a [Document] is written in, as [Write] names them.
var Formats = []string{"yaml", "json"}

// Write returns d written in format, "yaml" or "json"; when it cannot be
// written, the test ends.
func Write(t testing.TB, d Document, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch format {
	case "yaml":
		err = d.WriteYAML(&b)
	case "json":
		err = d.WriteJSON(&b)
	default:
		t.Fatalf("schematest: no format %q", format)
	}
	if err != nil {
		t.Fatalf("writing %s: %v", format, err)
	}
	return b.Bytes()
}

// RoundTrip writes d in each of the [Formats], reads what it wrote with
// read, as a file named back.yaml or back.json, and ends the test unless it
// reads back without error and equal to d (go-cmp).
func RoundTrip[D Document](t testing.TB, d D, read func(name string, data []byte) (D, error)) {
	t.Helper()
	for _, format := range Formats {
		data := Write(t, d, format)
		back, err := read("back."+format, data)
		if err != nil {
			t.Fatalf("%s written back does not read: %v\n%s", format, err, data)
		}
		if diff := cmp.Diff(d, back); diff != "" {
			t.Fatalf("%s round trip changed it (-orig +back):\n%s", format, diff)
		}
	}
}
