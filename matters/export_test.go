package matters

// CodeIndex is the index of codes a Decoder keeps, for the tests of
// package matters_test, which measure it with matterstest.PeakHeap (a
// package that imports this one).
type CodeIndex struct{ ix *index }

func NewCodeIndex() CodeIndex { return CodeIndex{newIndex()} }

func (c CodeIndex) AddAt(code string, line int) (int, bool) { return c.ix.addAt(code, line) }

// Reserved returns the matters d made its index of codes for, 0 if none.
func Reserved(d *Decoder) int { return d.reserved }
