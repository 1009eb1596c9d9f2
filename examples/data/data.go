// Package data holds the data files the example programs read, embedded in
// the binary so that the examples run on a fresh machine with no files
// beside them.
//
// The files are YAML documents in the module's formats, each starting with
// a comment that says where its content comes from; catalogue-pengxi.yaml,
// for instance, is an illustrative implementation list (实施清单) of 蓬溪县.
// Read them by name with [ReadFile] or [Open], or walk [FS].
package data

import (
	"embed"
	"io/fs"
)

// FS holds every *.yaml file of this directory, by its base name.
//
//go:embed *.yaml
var FS embed.FS

// Open opens the named data file, such as "catalogue-pengxi.yaml".
func Open(name string) (fs.File, error) { return FS.Open(name) }

// ReadFile returns the contents of the named data file, such as
// "catalogue-pengxi.yaml".
func ReadFile(name string) ([]byte, error) { return FS.ReadFile(name) }
