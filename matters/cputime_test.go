package matters_test

import (
	"time"

	"github.com/zwfw/zwfw/matters/matterstest"
)

func cpuTime() time.Duration { return matterstest.CPUTime() }
