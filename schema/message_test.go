package schema

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
)

func TestParseLang(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		err  bool
	}{
		{"zh", Chinese, false},
		{"zh_CN.UTF-8", Chinese, false},
		{"zh-Hans", Chinese, false},
		{"zh_TW.Big5@euro", Chinese, false},
		{"ZH", Chinese, false},
		{"en", English, false},
		{"en_US.UTF-8", English, false},
		{"C", English, false},
		{"C.UTF-8", English, false},
		{"POSIX", English, false},
		{"fr_FR.UTF-8", English, true},
		{"", English, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseLang(tt.in)
			if got != tt.want || (err != nil) != tt.err {
				t.Errorf("ParseLang(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestLangFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want Lang
	}{
		{"nothing set", nil, English},
		{"LANG zh", map[string]string{"LANG": "zh_CN.UTF-8"}, Chinese},
		{"LC_ALL overrides LANG", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, English},
		{"LC_MESSAGES overrides LANG", map[string]string{"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, Chinese},
		{"an empty LC_ALL does not count", map[string]string{"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, Chinese},
		{"an unknown locale is English", map[string]string{"LANG": "de_DE.UTF-8"}, English},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := langFrom(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// days is a Localizer: 20 工作日 in English, 20个工作日 in Chinese.
type days int

func (d days) String() string { return itoa(int(d)) + " 工作日" }
func (d days) Localize(l Lang) string {
	if l == Chinese {
		return itoa(int(d)) + "个工作日"
	}
	return d.String()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestPrinterProblem writes problems in both languages: the severity, the
// message and Localizer arguments change; position, path and rule do not.
func TestPrinterProblem(t *testing.T) {
	p := Errorf(Root.Key("matters").Index(0).Key("promisedLimit"), Pos{File: "c.yaml", Line: 13, Col: 20},
		"matter.promised-exceeds-legal", "promised limit %s exceeds legal limit %s", days(30), days(20))
	w := Warningf(Root, Pos{File: "c.yaml"}, "test.plain", "%d more problems were found and not kept", 3)
	plain := &Problem{Rule: "document.read", Message: "open x: no such file", Err: errors.New("open x: no such file")}
	tests := []struct {
		name string
		p    *Problem
		lang Lang
		want string
	}{
		{"English", p, English, "c.yaml:13:20: error: /matters/0/promisedLimit: promised limit 30 工作日 exceeds legal limit 20 工作日 [matter.promised-exceeds-legal]"},
		{"Chinese", p, Chinese, "c.yaml:13:20: 错误: /matters/0/promisedLimit: 承诺时限30个工作日超过法定时限20个工作日 [matter.promised-exceeds-legal]"},
		{"a warning in Chinese", w, Chinese, "c.yaml: 警告: 另发现3个问题,未予保留 [test.plain]"},
		{"a message without a format", plain, Chinese, "错误: open x: no such file [document.read]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewPrinter(tt.lang).Problem(tt.p); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	if p.Error() != NewPrinter(English).Problem(p) {
		t.Error("Error and the English printer differ")
	}
	var nilPrinter *Printer
	if nilPrinter.Sprintf("no differences") != "no differences" {
		t.Error("a nil printer does not write English")
	}
	var b strings.Builder
	if err := NewPrinter(Chinese).List(&b, List{p, w}); err != nil || strings.Count(b.String(), "\n") != 2 {
		t.Errorf("List wrote %q, %v", b.String(), err)
	}
}

func FuzzParseLang(f *testing.F) {
	for _, s := range []string{"zh", "zh_CN.UTF-8", "en", "C", "POSIX", "zh-Hans", "", "@", "_."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLang(s)
		if err != nil && l != English {
			t.Fatalf("ParseLang(%q) = %v with an error", s, l)
		}
		if err == nil {
			if back, err := ParseLang(l.String()); err != nil || back != l {
				t.Fatalf("%v does not read back: %v, %v", l, back, err)
			}
		}
	})
}

func TestReadProblem(t *testing.T) {
	tests := []struct {
		name string
		err  error
		zh   string
	}{
		{"no such file", &fs.PathError{Op: "open", Path: "c.yaml", Err: fs.ErrNotExist}, "文件c.yaml不存在"},
		{"no permission", &fs.PathError{Op: "open", Path: "c.yaml", Err: fs.ErrPermission}, "没有读取c.yaml的权限"},
		{"another cause", errors.New("unexpected EOF"), "无法读取:unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ReadProblem("c.yaml", tt.err)[0]
			if p.Rule != "document.read" || p.Pos.File != "c.yaml" || !errors.Is(p, tt.err) {
				t.Errorf("problem %+v", p)
			}
			if p.Text(English) != tt.err.Error() {
				t.Errorf("English %q, want the error's own text", p.Text(English))
			}
			if got := p.Text(Chinese); got != tt.zh {
				t.Errorf("Chinese %q, want %q", got, tt.zh)
			}
		})
	}
}
