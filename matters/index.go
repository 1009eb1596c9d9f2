package matters

import (
	"hash/maphash"

	"github.com/zwfw/zwfw/matters/codeset"
	"github.com/zwfw/zwfw/schema"
)

// index holds what the whole-catalogue checks need: which codes were seen,
// and on which line first, and which matters are suspended or cancelled.
//
// It keeps a 64-bit fingerprint of each code (maphash, with a seed of its
// own) and the line, in a [codeset.Set]: about 11 bytes a code, off the
// collected heap where the system allows, never the code itself. A
// catalogue of ten million matters is streamed with about 110 MB of index.
// Two distinct codes share a fingerprint with a probability of about
// n²/2⁶⁵: 3·10⁻⁸ for a million matters, 3·10⁻⁶ for ten million; the second
// would be reported as a duplicate of the first. Staying exact would mean
// keeping the codes, 30 bytes and more each. Lines past
// [codeset.MaxValue] (about two billion) are not kept: a duplicate of a code
// first used there is reported as of an earlier matter.
type index struct {
	seed  maphash.Seed
	codes *codeset.Set
	// inactive holds the status of the matters suspended or cancelled,
	// by fingerprint; nil until there is one.
	inactive *codeset.Set
}

func newIndex() *index {
	return &index{seed: maphash.MakeSeed(), codes: codeset.New()}
}

// fingerprint returns the code's fingerprint.
func (ix *index) fingerprint(code string) uint64 { return maphash.String(ix.seed, code) }

func (ix *index) has(code string) bool { return ix.hasFP(ix.fingerprint(code)) }

func (ix *index) hasFP(fp uint64) bool { return ix.codes.Has(fp) }

// add records the code of the matter at path, at the line loc gives it,
// or reports it as a duplicate, with the line of its first use.
func (ix *index) add(code string, path schema.Path, loc Locator, probs *schema.List) {
	if code == "" {
		return
	}
	pos := loc(path.Key("code"))
	if first, dup := ix.addAt(code, pos.Line); dup {
		duplicateCode(code, first, path, pos, probs)
	}
}

// addAt records code as first used at line (0 or less if unknown), unless
// it is already held: then it returns the line of its first use (0 if
// unknown) and true. The empty code is never recorded.
func (ix *index) addAt(code string, line int) (firstLine int, dup bool) {
	if code == "" {
		return 0, false
	}
	var l uint32
	if line > 0 && line <= codeset.MaxValue {
		l = uint32(line)
	}
	first, dup := ix.codes.Add(ix.fingerprint(code), l)
	return int(first), dup
}

// free gives back the memory of the codes; the index is empty after.
func (ix *index) free() {
	ix.codes.Free()
	if ix.inactive != nil {
		ix.inactive.Free()
	}
}
