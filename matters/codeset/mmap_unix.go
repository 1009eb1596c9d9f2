//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package codeset

import (
	"os"
	"syscall"
)

var pageSize = os.Getpagesize()

// mmap maps n bytes of zeroed memory, private to the process.
func mmap(n int) ([]byte, bool) {
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	return b, err == nil
}

func munmap(b []byte) { _ = syscall.Munmap(b) }
