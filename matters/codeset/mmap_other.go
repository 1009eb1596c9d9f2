//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package codeset

import "math"

// Elsewhere the tables stay on the collected heap.
var pageSize = math.MaxInt

func mmap(int) ([]byte, bool) { return nil, false }

func munmap([]byte) {}
