package matters

import "testing"

// The cache of body credit codes answers as reading each code afresh does,
// whatever the order, with codes that share a slot and codes that fail.
func TestBodyCache(t *testing.T) {
	texts := []CreditCodeText{
		"11310000MB2F30661Y", "11440000553612461J", "11510921MB1C71426G",
		"11511301008778180D", "11511301008778183M", "11511301008778183N",
		"11511301008778183X", "11511301008778386B", "1151130100877844X4",
		"115113010833722043", "115113010833722044", "000000000000000000",
		"", "1", "915113010833722044",
	}
	var c bodyCache
	for round := range 3 {
		for i := range texts {
			cc := texts[(i*7+round)%len(texts)]
			code, registered, err := c.parse(cc)
			want, werr := cc.Parse()
			wantReg := werr == nil && want.Registered() && !want.placeholder()
			if code != want || registered != wantReg || (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
				t.Errorf("%q: %v, %v, %v; want %v, %v, %v", cc, code, registered, err, want, wantReg, werr)
			}
			var nilCache *bodyCache
			if code2, reg2, err2 := nilCache.parse(cc); code2 != code || reg2 != registered || (err2 == nil) != (err == nil) {
				t.Errorf("%q without a cache: %v, %v, %v", cc, code2, reg2, err2)
			}
		}
	}
}
