package report

import (
	"io/fs"
	"path"
	"path/filepath"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/schema"
)

// documents reads the divisions and modes documents a bulletin names.
type documents struct {
	divisions func(name string) (*county.Hierarchy, schema.List)
	modes     func(name string) (*reform.Modes, schema.List)
}

// fileDocuments reads them beside the bulletin file at p.
func fileDocuments(p string) *documents {
	dir := filepath.Dir(p)
	join := func(name string) string {
		if filepath.IsAbs(name) {
			return name
		}
		return filepath.Join(dir, filepath.FromSlash(name))
	}
	return &documents{
		divisions: func(name string) (*county.Hierarchy, schema.List) {
			return collect(func(o schema.Option) (*county.Hierarchy, error) { return county.LoadFile(join(name), o) })
		},
		modes: func(name string) (*reform.Modes, schema.List) {
			return collect(func(o schema.Option) (*reform.Modes, error) { return reform.LoadFile(join(name), o) })
		},
	}
}

// fsDocuments reads them beside the bulletin name in fsys.
func fsDocuments(fsys fs.FS, name string) *documents {
	dir := path.Dir(name)
	return &documents{
		divisions: func(n string) (*county.Hierarchy, schema.List) {
			return collect(func(o schema.Option) (*county.Hierarchy, error) { return county.LoadFS(fsys, path.Join(dir, n), o) })
		},
		modes: func(n string) (*reform.Modes, schema.List) {
			return collect(func(o schema.Option) (*reform.Modes, error) { return reform.LoadFS(fsys, path.Join(dir, n), o) })
		},
	}
}

// collect runs a reading function with every problem, warnings included.
func collect[T any](read func(schema.Option) (T, error)) (T, schema.List) {
	var probs schema.List
	v, _ := read(schema.Collect(&probs))
	return v, probs
}

// resolve completes opts with the documents the bulletin n names, when
// opts do not already say what to check against. A document that cannot
// be read is reported at the member that names it, with its own problems.
func (d *documents) resolve(n *schema.Node, opts *Options) (*Options, schema.List) {
	var probs schema.List
	if d == nil || n == nil || n.Kind != schema.Object {
		return opts, nil
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	for _, f := range n.Fields {
		if f.Value.Kind != schema.String || f.Value.Value == "" {
			continue
		}
		p := schema.Root.Key(f.Key)
		switch {
		case f.Key == "divisions" && o.Units == nil && o.KnowsUnit == nil:
			if h := usable(d.divisions, f.Value, p, &probs, "report: the divisions document %s cannot be used", f.Value.Value); h != nil {
				o.Units = h
			}
		case f.Key == "modes" && o.Modes == nil && o.KnowsMode == nil:
			if m := usable(d.modes, f.Value, p, &probs, "report: the modes document %s cannot be used", f.Value.Value); m != nil {
				o.Modes = m
			}
		}
	}
	return &o, probs
}

// usable reads the document the string v names with read, adding its
// problems to probs; one that cannot be used is nil, reported at v's path
// p as format says.
func usable[T any](read func(string) (*T, schema.List), v *schema.Node, p schema.Path, probs *schema.List, format string, args ...any) *T {
	doc, more := read(v.Value)
	probs.Append(more)
	if doc == nil || more.HasErrors() {
		probs.Errorf(p, v.Pos, RuleRead, format, args...)
		return nil
	}
	return doc
}
