package report

import (
	"io"
	"io/fs"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/schema"
)

// MaxDocumentSize is the largest bulletin document the readers take into
// memory, 16 MiB; a month's bulletin is a few kilobytes. Larger input is
// refused with a problem rather than exhausting memory.
const MaxDocumentSize = 16 << 20

// Options supplies what the checks know from other packages: which units
// exist (package county) and which reform modes, measures and indicators
// (package reform), as data (Units, Modes) or, for other sources, as
// functions. What is not given comes from the documents the bulletin
// names, else the module's own knowledge: the embedded Suining
// hierarchy, the modes of Suining's bulletin, reform's indicators. To
// leave a check out, pass a function that accepts every name. A nil
// *Options is the zero Options.
type Options struct {
	// KnowsUnit reports whether name is a unit: an update's unit, a
	// figure's subject. Nil means the units of Units, or else of the
	// embedded Suining hierarchy of package county ([county.Suining]);
	// pass a function that accepts every name to leave the check out.
	KnowsUnit func(name string) bool
	// KnowsMode reports whether name is a reform mode. Nil means the modes
	// of Modes, or else of Suining's bulletin ([reform.Default]).
	KnowsMode func(name string) bool
	// KnowsMeasure reports whether measure belongs to mode. Nil means the
	// measures of Modes, or else of [reform.Default].
	KnowsMeasure func(mode, measure string) bool
	// KnowsIndicator reports whether name is an indicator that can be
	// computed over a catalogue. Nil means the indicators of package
	// reform, by name or alias.
	KnowsIndicator func(name string) bool

	// Units and Modes are the divisions (a hierarchy of package county)
	// and the reform modes (package reform) to check against, as data,
	// when KnowsUnit, KnowsMode and KnowsMeasure are nil. Nil means the
	// documents the bulletin names (its divisions and modes members,
	// read by [LoadFile] and [LoadFS]), else the embedded Suining ones.
	Units *county.Hierarchy
	Modes *reform.Modes
}

// loader reads bulletins, checking them against opts and, where opts
// leave it open, against the divisions and modes documents the bulletin
// names, read through docs (nil: none are read).
func loader(opts *Options, docs *documents) *schema.Loader[*Bulletin] {
	return &schema.Loader[*Bulletin]{
		Decode: func(n *schema.Node) (*Bulletin, schema.List) {
			opts, probs := docs.resolve(n, opts)
			b, more := decode(n, opts)
			probs.Append(more)
			probs.Dedupe()
			return b, probs
		},
		MaxSize: MaxDocumentSize,
	}
}

// Parse reads a bulletin document (YAML or JSON; see [schema.Parse]) named
// name, validates it against [schema.Bulletin], decodes it and, when it is
// structurally valid, runs the consistency checks. It returns the
// bulletin, nil only when the text could not be read as YAML or JSON, and
// an error that is nil when the bulletin has no error: warnings alone are
// not errors. A non-nil error is a [schema.List] of every problem, sorted
// and located; [schema.Collect] gives the warnings of a valid bulletin.
func Parse(name string, data []byte, opts *Options, more ...schema.Option) (*Bulletin, error) {
	return loader(opts, nil).Parse(name, data, more...)
}

// Decode validates a document already read by [schema.Parse] against the
// bulletin schema, decodes it and, when that found no error, runs the
// consistency checks. Problems are located with the positions the nodes
// carry.
func Decode(n *schema.Node, opts *Options, more ...schema.Option) (*Bulletin, error) {
	b, probs := decode(n, opts)
	return b, schema.Result(probs, more...)
}

func decode(n *schema.Node, opts *Options) (*Bulletin, schema.List) {
	probs := schema.Bulletin.Validate(n)
	var decProbs schema.List
	b := &Bulletin{}
	codec.Decode(n, b, n, schema.Root, &decProbs)
	probs.Append(decProbs.Uncovered(probs))
	if !probs.HasErrors() {
		// Checks on a document that is not well formed would only echo
		// what is already reported.
		locate := func(p schema.Path) schema.Pos {
			found, _ := n.Nearest(p)
			return found.Pos
		}
		probs.Append(b.check(opts, locate))
	}
	probs.Dedupe()
	return b, probs
}

// Load reads a bulletin document from r; name is used in problem
// positions. See [Parse].
func Load(r io.Reader, name string, opts *Options, more ...schema.Option) (*Bulletin, error) {
	return loader(opts, nil).Load(r, name, more...)
}

// LoadFile reads the bulletin document at path. See [Parse]. The
// divisions and modes documents the bulletin names are read from paths
// relative to its directory and used for the checks, unless opts say what
// to check against.
func LoadFile(path string, opts *Options, more ...schema.Option) (*Bulletin, error) {
	return loader(opts, fileDocuments(path)).LoadFile(path, more...)
}

// LoadFS reads the bulletin document name from fsys. See [Parse] and,
// for the divisions and modes documents it names, [LoadFile].
func LoadFS(fsys fs.FS, name string, opts *Options, more ...schema.Option) (*Bulletin, error) {
	return loader(opts, fsDocuments(fsys, name)).LoadFS(fsys, name, more...)
}
