package schema

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// messageUse is a message format found in the module's source.
type messageUse struct {
	format string
	at     string // file:line
	plain  bool   // a flag's usage text: written as it is, never formatted
}

// formatFuncs returns, for every function or method of the module declared
// with a trailing (format string, args ...any), the index of its format
// parameter; the functions programs declare to print help
// (usage-like closures) are found by the same shape.
func formatFuncs(t *testing.T, fset *token.FileSet, files []*ast.File) (funcs map[string][]int, methods map[string]int) {
	t.Helper()
	funcs, methods = map[string][]int{}, map[string]int{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			var name, recv string
			var ft *ast.FuncType
			switch d := n.(type) {
			case *ast.FuncDecl:
				name, ft = d.Name.Name, d.Type
				if d.Recv != nil && len(d.Recv.List[0].Names) == 1 {
					recv = d.Recv.List[0].Names[0].Name
				}
			case *ast.AssignStmt: // usage := func(format string, args ...any)
				if len(d.Lhs) == 1 && len(d.Rhs) == 1 {
					if id, ok := d.Lhs[0].(*ast.Ident); ok {
						if fl, ok := d.Rhs[0].(*ast.FuncLit); ok {
							name, ft = id.Name, fl.Type
						}
					}
				}
			}
			if ft == nil {
				return true
			}
			var params []string
			for _, fld := range ft.Params.List {
				typ := exprString(fld.Type)
				if len(fld.Names) == 0 {
					params = append(params, typ)
				}
				for range fld.Names {
					params = append(params, typ)
				}
			}
			names := []string{}
			for _, fld := range ft.Params.List {
				for _, n := range fld.Names {
					names = append(names, n.Name)
				}
			}
			k := len(params)
			if k >= 2 && params[k-1] == "...any" && params[k-2] == "string" && len(names) == k && names[k-2] == "format" {
				if !slices.Contains(funcs[name], k-2) {
					funcs[name] = append(funcs[name], k-2)
				}
				dir := filepath.Dir(fset.Position(n.Pos()).Filename)
				if recv != "" {
					methods[dir+"|"+recv+"."+name] = k - 2
				}
				if i, ok := methods[dir+"|"+name]; ok && i != k-2 {
					methods[dir+"|"+name] = -1 // ambiguous within the package
				} else {
					methods[dir+"|"+name] = k - 2
				}
			}
			return true
		})
	}
	return funcs, methods
}

func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.Ellipsis:
		return "..." + exprString(e.Elt)
	case *ast.InterfaceType:
		if len(e.Methods.List) == 0 {
			return "any"
		}
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	case *ast.StarExpr:
		return "*" + exprString(e.X)
	}
	return "?"
}

// constString returns the value of a string literal or a concatenation of
// them.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(e.X)
		b, ok2 := constString(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// flagDefs are the flag.FlagSet methods and the index of their usage text.
var flagDefs = map[string]int{
	"String": 2, "Bool": 2, "Int": 2, "Int64": 2, "Uint": 2, "Float64": 2, "Duration": 2, "Func": 1,
	"StringVar": 3, "BoolVar": 3, "IntVar": 3, "Int64Var": 3, "Float64Var": 3, "DurationVar": 3, "Var": 2, "TextVar": 3,
}

// moduleMessages finds every message format written in the module's
// non-test source: the format argument of every call of a function
// declared with (format string, args ...any) — schema.Errorf, List.Errorf,
// the checkers' errorf helpers, Printer.Sprintf, M — when it is a
// constant, and the usage text of every flag a program defines.
func moduleMessages(t *testing.T) []messageUse {
	t.Helper()
	root := ".."
	fset := token.NewFileSet()
	var files []*ast.File
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	funcs, methods := formatFuncs(t, fset, files)
	var uses []messageUse
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name, recv string
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
				if id, ok := fn.X.(*ast.Ident); ok {
					recv = id.Name
				}
			default:
				return true
			}
			var idxs []int
			plain := false
			dir := filepath.Dir(fset.Position(call.Pos()).Filename)
			i, own := methods[dir+"|"+recv+"."+name]
			switch {
			case recv != "" && own:
				// A method of the module on a receiver named like
				// testing's (t.errorf of a table reader).
				idxs = []int{i}
			case recv == "fmt" || recv == "t" || recv == "tb" || recv == "log" || recv == "b":
				// fmt's own functions and testing.TB write no message of the module.
			case recv == "fl" && flagDefs[name] > 0:
				idxs = []int{flagDefs[name]}
				plain = true
			default:
				if i, ok := methods[dir+"|"+name]; ok && i >= 0 {
					idxs = []int{i}
				} else {
					idxs = funcs[name]
				}
			}
			for _, idx := range idxs {
				if idx >= len(call.Args) {
					continue
				}
				if s, ok := constString(call.Args[idx]); ok {
					p := fset.Position(call.Args[idx].Pos())
					uses = append(uses, messageUse{format: s, at: p.Filename + ":" + strconv.Itoa(p.Line), plain: plain})
				}
			}
			return true
		})
	}
	return uses
}

var verbRE = regexp.MustCompile(`%[-+# 0]*(?:\[(\d+)\])?(?:\d+|\*)?(?:\.\d+)?(?:\[(\d+)\])?([a-zA-Z%])`)

// verbs returns the argument indexes (from 1) a format uses, with their
// verbs, sorted.
func verbs(format string) []string {
	var out []string
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[3] == "%" {
			continue
		}
		i := next
		for _, x := range m[1:3] {
			if x != "" {
				i, _ = strconv.Atoi(x)
			}
		}
		out = append(out, strconv.Itoa(i)+string(m[3]))
		next = i + 1
	}
	slices.Sort(out)
	return out
}

// sampleArgs returns an argument of a fitting type for each verb of
// verbs (as returned by verbs).
func sampleArgs(verbs []string) []any {
	args := make([]any, len(verbs))
	for _, v := range verbs {
		i, _ := strconv.Atoi(v[:len(v)-1])
		if i < 1 || i > len(args) {
			continue
		}
		switch v[len(v)-1] {
		case 'd', 'x', 'X':
			args[i-1] = 7
		case 'f', 'g', 'e':
			args[i-1] = 1.5
		case 'c':
			args[i-1] = 'x'
		default:
			args[i-1] = "x"
		}
	}
	return args
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestMessagesHaveEveryLanguage checks that every message the module
// writes exists in every language: each format found in the source has a
// Chinese text, written in Chinese, that uses the same arguments with the
// same verbs.
func TestMessagesHaveEveryLanguage(t *testing.T) {
	uses := moduleMessages(t)
	if len(uses) < 100 {
		t.Fatalf("found only %d messages in the module's source; the scan is broken", len(uses))
	}
	seen := map[string]bool{}
	for _, u := range uses {
		if seen[u.format] || !strings.ContainsFunc(verbRE.ReplaceAllString(u.format, ""), unicode.IsLetter) {
			continue // "%s: %s" reads the same in every language
		}
		seen[u.format] = true
		t.Run(u.at, func(t *testing.T) {
			for _, l := range Langs() {
				if !HasText(l, u.format) {
					t.Errorf("%s: message %q has no %s text", u.at, u.format, l)
				}
			}
			zh, ok := zhMessages[u.format]
			if !ok {
				return
			}
			if !hasHan(zh) {
				t.Errorf("%s: Chinese text %q of %q holds no Chinese", u.at, zh, u.format)
			}
			if u.plain {
				return
			}
			if got, want := verbs(zh), verbs(u.format); !slices.Equal(got, want) {
				t.Errorf("%s: Chinese text %q uses arguments %v, the English %q %v", u.at, zh, got, u.format, want)
			} else if s := fmt.Sprintf(zh, sampleArgs(want)...); len(want) > 0 && strings.Contains(s, "%!") {
				t.Errorf("%s: Chinese text %q does not format: %s", u.at, zh, s)
			}
		})
	}
	for k := range zhMessages {
		if !seen[k] {
			t.Errorf("Chinese text for %q, which the module no longer writes", k)
		}
	}
}
