package report

import (
	"errors"
	"iter"
	"math/big"

	"github.com/zwfw/zwfw/schema"
)

// Addr addresses a figure of a bulletin: the unit and mode of its update
// (the department, for an update about a department alone),
// the measure it belongs to (empty for the update's own figures and for
// points that are no measure) and its name. Figure names are unique within
// an update, so unit, mode and name suffice when a unit reports on a mode
// once.
type Addr struct {
	Unit    string
	Mode    string
	Measure string
	Name    string
}

// String writes the address as unit/mode/measure/name.
func (a Addr) String() string { return a.Unit + "/" + a.Mode + "/" + a.Measure + "/" + a.Name }

// Ref is a figure of a bulletin with its address and its path in the
// document.
type Ref struct {
	Addr   Addr
	Path   schema.Path
	Figure Figure
}

// Figures returns the figures of the updates in document order.
func (b *Bulletin) Figures() iter.Seq[Ref] {
	return func(yield func(Ref) bool) {
		for i := range b.Updates {
			u := &b.Updates[i]
			p := schema.Root.Key("updates").Index(i)
			for _, f := range u.Figures {
				if !yield(Ref{Addr{u.subject(), u.Mode, "", f.Name}, p.Key("figures").Key(f.Name), f}) {
					return
				}
			}
			for j := range u.Measures {
				m := &u.Measures[j]
				mp := p.Key("measures").Index(j)
				for _, f := range m.Figures {
					if !yield(Ref{Addr{u.subject(), u.Mode, m.Name, f.Name}, mp.Key("figures").Key(f.Name), f}) {
						return
					}
				}
			}
		}
	}
}

// Figure returns the first figure at address a. An empty Measure in a
// matches a figure of any measure.
func (b *Bulletin) Figure(a Addr) (Ref, bool) {
	for r := range b.Figures() {
		if r.Addr.Unit == a.Unit && r.Addr.Mode == a.Mode && r.Addr.Name == a.Name &&
			(a.Measure == "" || r.Addr.Measure == a.Measure) {
			return r, true
		}
	}
	return Ref{}, false
}

// Calculator computes an indicator by name over the catalogue of a unit:
// "即办比例" over 蓬溪县's implementation list. It is how a comparison
// reaches the indicators of package reform and the catalogues of package
// matters without this package choosing either.
//
// Compute returns an error wrapping [ErrUnknownIndicator] when it has no
// such indicator, [ErrNoCatalogue] when it has no catalogue for the unit,
// or another error when the value is undefined (a ratio over no matters).
type Calculator interface {
	Compute(unit, indicator string) (Computed, error)
}

// CalculatorFunc adapts a function to [Calculator].
type CalculatorFunc func(unit, indicator string) (Computed, error)

// Compute calls f.
func (f CalculatorFunc) Compute(unit, indicator string) (Computed, error) { return f(unit, indicator) }

// Errors a [Calculator] wraps.
var (
	ErrUnknownIndicator = errors.New("report: no such indicator")
	ErrNoCatalogue      = errors.New("report: no catalogue for the unit")
)

// Comparison sets a reported figure against the value computed for it.
// Both are kept as they are; neither overwrites the other.
type Comparison struct {
	Reported Ref      // the figure as the bulletin states it
	Unit     string   // the unit computed for: the figure's subject, or its update's unit
	Computed Computed // the value the calculator computed; zero when Err is set
	// Agree reports whether the two agree: a count equals (or, for a lower
	// bound 余/多/以上, is at least; for 约/近, lies within 5% of) the
	// reported number; a ratio, rounded half up to as many decimals as the
	// bulletin printed, equals the reported percentage (so 76.85% agrees
	// with anything from 76.845% up to 76.855%).
	Agree bool
	// Err says why there is no computed value, or why the two cannot be
	// compared (a count reported where the indicator is a ratio).
	Err error
}

// Compare lists every figure of the bulletin that names an indicator, with
// the value calc computes for it over the unit's catalogue, in document
// order. Figures whose indicator calc does not know are listed with an
// error wrapping [ErrUnknownIndicator], so nothing reported is silently
// left out.
func (b *Bulletin) Compare(calc Calculator) []Comparison {
	var out []Comparison
	for r := range b.Figures() {
		if r.Figure.Indicator == "" {
			continue
		}
		c := Comparison{Reported: r, Unit: r.Addr.Unit}
		if r.Figure.Subject != "" {
			c.Unit = r.Figure.Subject
		}
		v, err := calc.Compute(c.Unit, r.Figure.Indicator)
		if err != nil {
			c.Err = err
		} else {
			c.Computed = v
			c.Agree, c.Err = agree(r.Figure, v)
		}
		out = append(out, c)
	}
	return out
}

// textError is an error whose text is kept apart from its arguments, so
// that a program writes it in its reader's language: it implements
// [schema.Localizer]. It wraps a sentinel when there is one.
type textError struct {
	sentinel error
	msg      schema.Msg
}

func errorf(sentinel error, format string, args ...any) error {
	return &textError{sentinel, schema.M(format, args...)}
}

func (e *textError) Error() string                 { return "report: " + e.msg.String() }
func (e *textError) Unwrap() error                 { return e.sentinel }
func (e *textError) Localize(l schema.Lang) string { return e.msg.Localize(l) }

// agree decides whether a reported figure and a computed value agree.
func agree(f Figure, v Computed) (bool, error) {
	switch {
	case f.Kind == Percentage && !v.IsRatio():
		return false, errorf(nil, "%s is reported as a percentage but the indicator is a count (%s)", f.Indicator, v)
	case f.Kind != Percentage && v.IsRatio():
		return false, errorf(nil, "%s is reported as a %s but the indicator is a ratio (%s)", f.Indicator, f.Kind, v)
	case f.Kind == Percentage:
		p, ok := v.Percent(f.Value.Places())
		if !ok {
			return false, errorf(nil, "%s is undefined: %s", f.Indicator, v)
		}
		return p.Cmp(f.Value) == 0, nil
	}
	got := big.NewRat(v.Num(), 1)
	want := f.Value.Rat()
	switch {
	case f.Approx.lowerBound():
		return got.Cmp(want) >= 0, nil
	case f.Approx == About || f.Approx == Nearly:
		diff := new(big.Rat).Sub(got, want)
		diff.Abs(diff)
		limit := new(big.Rat).Mul(want, big.NewRat(5, 100))
		return diff.Cmp(limit) <= 0, nil
	}
	return got.Cmp(want) == 0, nil
}
