package reform

import (
	"encoding/json"
	"fmt"

	"github.com/zwfw/zwfw/county"
)

// Scorecard is a mode applied to one unit's matters: per measure, the
// figures of its indicators, their targets and whether each is met.
type Scorecard struct {
	Mode     *Mode
	Unit     string // the unit measured, as the caller names it
	Measures []MeasureScore
}

// MeasureScore is the part of a [Scorecard] for one measure. A measure no
// catalogue records has no Scores; its Measure names the figures only a
// report gives.
type MeasureScore struct {
	Measure *Measure
	Group   string // the mode's group the measure is in, if any
	Scores  []Score
}

// Score is one indicator of a measure: its figure, its target if it has
// one, and the verdict (zero when there is no target).
type Score struct {
	Result  Result
	Target  *Target
	Verdict Verdict
}

// Score applies the mode to the matters x has measured for unit. Targets
// given here replace the mode's own for the same indicator.
func (m *Mode) Score(unit string, x *Indicators, targets ...Target) *Scorecard {
	tgt := map[Indicator]Target{}
	for _, t := range m.Targets {
		tgt[t.Indicator] = t
	}
	for _, t := range targets {
		tgt[t.Indicator] = t
	}
	group := map[*Measure]string{}
	for _, g := range m.Groups {
		for _, ms := range g.Measures {
			if _, ok := group[ms]; !ok {
				group[ms] = g.Name
			}
		}
	}
	sc := &Scorecard{Mode: m, Unit: unit}
	for _, ms := range m.Measures {
		row := MeasureScore{Measure: ms, Group: group[ms]}
		for _, ind := range ms.Indicators {
			s := Score{Result: x.Result(ind)}
			if t, ok := tgt[ind]; ok {
				s.Target = &t
				s.Verdict = t.Check(s.Result)
			}
			row.Scores = append(row.Scores, s)
		}
		sc.Measures = append(sc.Measures, row)
	}
	return sc
}

// Tally counts the verdicts of the scorecard's targets; an indicator shared
// by several measures counts once.
func (s *Scorecard) Tally() (met, notMet, undetermined int) {
	seen := map[Indicator]bool{}
	for _, ms := range s.Measures {
		for _, sc := range ms.Scores {
			if sc.Target == nil || seen[sc.Result.Indicator] {
				continue
			}
			seen[sc.Result.Indicator] = true
			switch sc.Verdict {
			case Met:
				met++
			case NotMet:
				notMet++
			default:
				undetermined++
			}
		}
	}
	return met, notMet, undetermined
}

// MarshalJSON writes the scorecard with the mode and measures by name.
func (s *Scorecard) MarshalJSON() ([]byte, error) {
	type measure struct {
		Measure  string            `json:"measure"`
		Group    string            `json:"group,omitempty"`
		Reported []string          `json:"reported,omitempty"`
		Scores   []json.RawMessage `json:"scores"`
	}
	type card struct {
		Mode     string    `json:"mode"`
		Unit     string    `json:"unit"`
		Measures []measure `json:"measures"`
	}
	c := card{Mode: s.Mode.Name, Unit: s.Unit, Measures: []measure{}}
	for _, ms := range s.Measures {
		m := measure{Measure: ms.Measure.Name, Group: ms.Group, Reported: ms.Measure.Reported, Scores: []json.RawMessage{}}
		for _, sc := range ms.Scores {
			b, err := sc.MarshalJSON()
			if err != nil {
				return nil, err
			}
			m.Scores = append(m.Scores, b)
		}
		c.Measures = append(c.Measures, m)
	}
	return json.Marshal(c)
}

// MarshalJSON writes the score as its result with the target and verdict
// beside it.
func (s Score) MarshalJSON() ([]byte, error) {
	return json.Marshal(s.Result.jsonForm(s.Target, s.Verdict))
}

// RollUp gives every unit of h the figures of its own matters merged with
// those of every unit below it: a county's are its own and its townships',
// a city's those of all its counties and parks. own holds each unit's own
// accumulator; units without one contribute nothing. Units with no figures
// at or below them are absent from the result. The accumulators of own are
// not changed.
//
// It fails with [ErrConfigMismatch] when the accumulators were not made
// with the same Config, and when own holds a unit that is not in h.
func RollUp(h *county.Hierarchy, own map[*county.Unit]*Indicators) (map[*county.Unit]*Indicators, error) {
	in := map[*county.Unit]bool{}
	for u := range h.All() {
		in[u] = true
	}
	for u := range own {
		if !in[u] {
			return nil, fmt.Errorf("reform: unit %s is not in the hierarchy", u)
		}
	}
	out := map[*county.Unit]*Indicators{}
	var total func(u *county.Unit) (*Indicators, error)
	total = func(u *county.Unit) (*Indicators, error) {
		var t *Indicators
		if x := own[u]; x != nil {
			t = x.Clone()
		}
		for _, c := range u.Children() {
			ct, err := total(c)
			if err != nil {
				return nil, err
			}
			switch {
			case ct == nil:
			case t == nil:
				t = ct.Clone()
			default:
				if err := t.Merge(ct); err != nil {
					return nil, err
				}
			}
		}
		if t != nil {
			out[u] = t
		}
		return t, nil
	}
	for _, r := range h.Roots() {
		if _, err := total(r); err != nil {
			return nil, err
		}
	}
	return out, nil
}
