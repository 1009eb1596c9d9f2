package matters

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
)

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		milli int64
		text  string      // String of the result; "" when refused
		rule  schema.Rule // the rule of the refusal
	}{
		{"whole", "20", 20000, "20", ""},
		{"half", "0.5", 500, "0.5", ""},
		{"quarter", "1.25", 1250, "1.25", ""},
		{"thousandth", "0.001", 1, "0.001", ""},
		{"trailing zeros are no places", "1.2500000", 1250, "1.25", ""},
		{"zero", "0", 0, "0", ""},
		{"zero with places", "0.000000", 0, "0", ""},
		{"negative zero", "-0", 0, "0", ""},
		{"negative", "-1.5", -1500, "-1.5", ""},
		{"negative fraction", "-0.25", -250, "-0.25", ""},
		{"plus sign", "+3", 3000, "3", ""},
		{"exponent", "5e-1", 500, "0.5", ""},
		{"exponent upper case", "1.5E3", 1500000, "1500", ""},
		{"exponent with plus", "2e+2", 200000, "200", ""},
		{"zero with a huge exponent", "0e999999999999", 0, "0", ""},
		{"point first", ".5", 500, "0.5", ""},
		{"point last", "5.", 5000, "5", ""},
		{"leading zeros", "007", 7000, "7", ""},
		{"the JSON Schema's maximum", "1000000", 1_000_000_000, "1000000", ""},
		{"largest", "9223372036854775.807", math.MaxInt64, "9223372036854775.807", ""},
		{"smallest", "-9223372036854775.807", -math.MaxInt64, "-9223372036854775.807", ""},
		{"a third, as a document writes it", "0.333333", 0, "", RuleQuantityInexact},
		{"a fourth place", "0.0005", 0, "", RuleQuantityInexact},
		{"a fourth place by exponent", "5e-4", 0, "", RuleQuantityInexact},
		{"a tiny exponent", "1e-999999999999", 0, "", RuleQuantityInexact},
		{"one past the largest", "9223372036854775.808", 0, "", RuleQuantityRange},
		{"one past the smallest", "-9223372036854775.808", 0, "", RuleQuantityRange},
		{"twenty digits", "12345678901234567890", 0, "", RuleQuantityRange},
		{"a huge exponent", "1e999999999999", 0, "", RuleQuantityRange},
		{"empty", "", 0, "", RuleQuantitySyntax},
		{"sign alone", "-", 0, "", RuleQuantitySyntax},
		{"point alone", ".", 0, "", RuleQuantitySyntax},
		{"exponent alone", "1e", 0, "", RuleQuantitySyntax},
		{"two points", "1.2.3", 0, "", RuleQuantitySyntax},
		{"a unit", "20工作日", 0, "", RuleQuantitySyntax},
		{"not a number", "NaN", 0, "", RuleQuantitySyntax},
		{"infinity", "Inf", 0, "", RuleQuantitySyntax},
		{"hexadecimal", "0x10", 0, "", RuleQuantitySyntax},
		{"a fraction", "1/3", 0, "", RuleQuantitySyntax},
		{"space", " 1", 0, "", RuleQuantitySyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuantity(tt.in)
			if tt.rule != "" {
				var r interface{ Rule() schema.Rule }
				if !errors.As(err, &r) || r.Rule() != tt.rule {
					t.Fatalf("ParseQuantity(%q) = %v, %v; want refusal %s", tt.in, q, err, tt.rule)
				}
				if !strings.HasPrefix(err.Error(), "matters: ") {
					t.Errorf("error %q does not start with the package name", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseQuantity(%q): %v", tt.in, err)
			}
			if q.Thousandths() != tt.milli || q.String() != tt.text {
				t.Errorf("ParseQuantity(%q) = %d thousandths %q, want %d %q", tt.in, q.Thousandths(), q, tt.milli, tt.text)
			}
			// Written and read back, the same quantity.
			b, _ := q.MarshalText()
			var back Quantity
			if err := back.UnmarshalText(b); err != nil || back != q || q.MarshalNumber() != string(b) {
				t.Errorf("round trip of %q: %q → %v, %v", tt.in, b, back, err)
			}
		})
	}
}

func TestQuantityArithmetic(t *testing.T) {
	q := MustParseQuantity
	largest := Thousandths(math.MaxInt64)
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"Cmp less", q("0.5").Cmp(q("1")), -1},
		{"Cmp equal", q("2.50").Cmp(q("2.5")), 0},
		{"Cmp greater", q("-0.001").Cmp(q("-0.002")), 1},
		{"Sign", [3]int{q("-3").Sign(), q("0").Sign(), q("0.001").Sign()}, [3]int{-1, 0, 1}},
		{"Add", add(q("0.5"), q("1.25")), "1.75 true"},
		{"Add overflows", add(largest, q("0.001")), "0 false"},
		{"Add negative overflows", add(Thousandths(-math.MaxInt64), q("-0.002")), "0 false"},
		{"Mul by 22 working days a month", mul(q("1.5"), WorkingDaysPerMonth), "33 true"},
		{"Mul overflows", mul(q("1000000000000000"), 250), "0 false"},
		{"Mul by zero", mul(largest, 0), "0 true"},
		{"Mul negative", mul(q("0.5"), -3), "-1.5 true"},
		{"Ceil of a part", q("2.001").Ceil(), int64(3)},
		{"Ceil of a whole", q("2").Ceil(), int64(2)},
		{"Ceil of a negative", q("-1.5").Ceil(), int64(-1)},
		{"Int of a whole", intOf(q("20")), "20 true"},
		{"Int of a half", intOf(q("0.5")), "0 false"},
		{"Rat", q("0.125").Rat().String(), "1/8"},
		{"QuantityOf", QuantityOf(20) == q("20"), true},
		{"Equal", q("1.0").Equal(q("1")), true},
		{"Thousandths is symmetric", Thousandths(math.MinInt64).String(), "-9223372036854775.807"},
		{"IsZero", [2]bool{Quantity{}.IsZero(), q("0.001").IsZero()}, [2]bool{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func add(a, b Quantity) string {
	s, ok := a.Add(b)
	return s.String() + " " + map[bool]string{true: "true", false: "false"}[ok]
}

func mul(a Quantity, n int64) string {
	p, ok := a.Mul(n)
	return p.String() + " " + map[bool]string{true: "true", false: "false"}[ok]
}

func intOf(a Quantity) string {
	n, ok := a.Int()
	return big.NewInt(n).String() + " " + map[bool]string{true: "true", false: "false"}[ok]
}

func TestQuantityOfOutOfRange(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("QuantityOf(MaxInt64) did not panic")
		}
	}()
	QuantityOf(math.MaxInt64)
}

// TestLimitValueInDocuments reads limit values from a catalogue: a value
// with a fourth place is a problem at the value, with the quantity's rule;
// the others read exactly and are written back as numbers.
func TestLimitValueInDocuments(t *testing.T) {
	doc := func(v string) string {
		return "kind: Catalogue\nschemaVersion: 1\ncatalogueKind: 实施清单\ndivision: {code: \"511602\", name: 广安区}\nmatters:\n" +
			"  - {code: \"000101001000\", name: 甲, type: 行政许可, level: 县级, body: {name: 甲局}, handlingKind: 承诺件,\n" +
			"     legalLimit: {value: " + v + ", unit: 工作日}, promisedLimit: {value: " + v + ", unit: 工作日}}\n"
	}
	tests := []struct {
		name  string
		value string
		want  string      // the value read, when it reads
		rule  schema.Rule // the problem at each limit's value
	}{
		{"whole", "20", "20", ""},
		{"half", "0.5", "0.5", ""},
		{"exponent", "2.5e1", "25", ""},
		{"a third", "0.3333333", "", RuleQuantityInexact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, err := Parse("c.yaml", []byte(doc(tt.value)))
			var probs schema.List
			errors.As(err, &probs)
			got := problemtest.RulePaths(probs)
			if tt.rule != "" {
				// Only the values' problems: a limit whose value cannot be
				// read is not stated, so it is neither 即办 nor 0 工作日
				// to the checks.
				want := []string{string(tt.rule) + " /matters/0/legalLimit/value", string(tt.rule) + " /matters/0/promisedLimit/value"}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("problems (-want +got):\n%s", diff)
				}
				if m := cat.Matters[0]; !m.LegalLimit.IsZero() || !m.PromisedLimit.IsZero() {
					t.Errorf("limits %v and %v, want not stated", m.LegalLimit, m.PromisedLimit)
				}
				return
			}
			if len(got) > 0 {
				t.Fatalf("problems at the value: %v", got)
			}
			l := cat.Matters[0].LegalLimit
			if l.Value.String() != tt.want {
				t.Fatalf("value %s, want %s", l.Value, tt.want)
			}
			b := string(schematest.Write(t, cat, "json"))
			if !strings.Contains(b, `"value": `+tt.want+`,`) && !strings.Contains(b, `"value":`+tt.want+`,`) {
				t.Errorf("value not written as the number %s:\n%s", tt.want, b)
			}
		})
	}
}

// FuzzParseQuantity holds UnmarshalText (ParseQuantity) to exact
// arithmetic: what it reads is the number big.Rat reads, written back it
// reads the same, and what it refuses as inexact or out of range is so.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"20", "0.5", "-1.25", "5e-1", "1E3", ".5", "5.", "0.333333", "9223372036854775.807", "9223372036854775.808", "1e-4", "", "-", "1.2.3", "NaN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var q Quantity
		err := q.UnmarshalText([]byte(s))
		var r interface{ Rule() schema.Rule }
		if err != nil && (!errors.As(err, &r) || r.Rule() == "") {
			t.Fatalf("ParseQuantity(%q): error without a rule: %v", s, err)
		}
		if err == nil {
			text, _ := q.MarshalText()
			back, err := ParseQuantity(string(text))
			if err != nil || back != q || string(text) != q.MarshalNumber() {
				t.Fatalf("ParseQuantity(%q) = %v, written %q, read back %v, %v", s, q, text, back, err)
			}
		}
		// Compare with big.Rat where its reading agrees with ours and the
		// exponent is small enough to compute.
		if i := strings.IndexAny(s, "eE"); i >= 0 && len(s)-i > 4 || strings.ContainsFunc(s, func(c rune) bool { return !strings.ContainsRune("0123456789.+-eE", c) }) || strings.HasSuffix(s, ".") || strings.HasPrefix(strings.TrimLeft(s, "+-"), ".") {
			return
		}
		x, ok := new(big.Rat).SetString(s)
		if !ok {
			if err == nil {
				t.Fatalf("ParseQuantity(%q) = %v; big.Rat reads no number", s, q)
			}
			return
		}
		x.Mul(x, big.NewRat(1000, 1))
		switch {
		case err == nil:
			if !x.IsInt() || !x.Num().IsInt64() || x.Num().Int64() != q.Thousandths() {
				t.Fatalf("ParseQuantity(%q) = %d thousandths, want %v", s, q.Thousandths(), x)
			}
		case r.Rule() == RuleQuantityInexact:
			if x.IsInt() {
				t.Fatalf("ParseQuantity(%q) refused as inexact, yet it is %v thousandths", s, x)
			}
		case r.Rule() == RuleQuantityRange:
			if x.IsInt() && x.Num().IsInt64() && x.Num().Int64() != math.MinInt64 {
				t.Fatalf("ParseQuantity(%q) refused as out of range, yet it is %v thousandths", s, x)
			}
		case r.Rule() == RuleQuantitySyntax:
			t.Fatalf("ParseQuantity(%q) refused as no number; big.Rat reads %v", s, x)
		}
	})
}

// BenchmarkParseQuantity reads the values limits have, as a catalogue of
// a million matters reads two of them a matter.
func BenchmarkParseQuantity(b *testing.B) {
	texts := []string{"20", "0.5", "15", "60", "1.25", "100000"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseQuantity(texts[i%len(texts)]); err != nil {
			b.Fatal(err)
		}
	}
}
