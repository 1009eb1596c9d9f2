package matters

import (
	"fmt"
	"strings"
)

const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// checkCreditCode verifies the GB 32100-2015 check character of an
// 18-character unified social credit code.
func checkCreditCode(s string) error {
	if len(s) != 18 {
		return fmt.Errorf("matters: credit code %s has %d characters, want 18", s, len(s))
	}
	sum, w := 0, 1
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditAlphabet, s[i])
		if v < 0 {
			return fmt.Errorf("matters: credit code %s: character %d (%q) is not in the code alphabet", s, i+1, s[i])
		}
		sum += v * w
		w = w * 3 % 31
	}
	want := creditAlphabet[(31-sum%31)%31]
	if s[17] != want {
		return fmt.Errorf("matters: credit code %s: check character is %c, want %c", s, s[17], want)
	}
	return nil
}
