package county

import (
	"bytes"
	"fmt"
	"testing"
)

// syntheticCSV lists a made-up city with counties × townships × villages.
func syntheticCSV(counties, townships, villages int) []byte {
	var b bytes.Buffer
	b.WriteString("code,name,parentCode,level\n999900,示例市,990000,city\n")
	for c := 1; c <= counties; c++ {
		cc := fmt.Sprintf("9999%02d", c)
		fmt.Fprintf(&b, "%s,县%d县,999900,county\n", cc, c)
		for t := 1; t <= townships; t++ {
			tc := fmt.Sprintf("%s%03d", cc, 100+t)
			fmt.Fprintf(&b, "%s,镇%d镇,%s,township\n", tc, t, cc)
			for v := 1; v <= villages; v++ {
				fmt.Fprintf(&b, "%s%03d,%d村,%s,village\n", tc, 200+v, v, tc)
			}
		}
	}
	return b.Bytes()
}

func TestSyntheticScale(t *testing.T) {
	data := syntheticCSV(20, 30, 50)
	h, probs := parseCSVProblems("big.csv", data)
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	if want := 1 + 20 + 20*30 + 20*30*50; h.Len() != want {
		t.Fatalf("%d units, want %d", h.Len(), want)
	}
	if got := len(h.ByName("1村")); got != 20*30 {
		t.Errorf("ByName(1村) = %d units, want %d", got, 20*30)
	}
}

func BenchmarkParseCSV(b *testing.B) {
	data := syntheticCSV(20, 30, 50)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, probs := parseCSVProblems("big.csv", data); probs.Err() != nil {
			b.Fatal(probs)
		}
	}
}

func BenchmarkParseDocument(b *testing.B) {
	h, _ := parseCSVProblems("big.csv", syntheticCSV(20, 30, 50))
	data, _ := h.MarshalJSON()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, probs := parseProblems("big.json", data); probs.Err() != nil {
			b.Fatal(probs)
		}
	}
}
