//go:build unix

package matterstest

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time the process has used, user and system, on
// every thread: what the scale benchmarks compare beside wall time, which
// on a shared machine says more about the neighbours than about the code.
// Where it cannot be measured it is 0.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
