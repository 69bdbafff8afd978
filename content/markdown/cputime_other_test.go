//go:build !unix

package markdown_test

import "time"

// processStart stands in for CPU time where the system does not tell it:
// the wall clock.
var processStart = time.Now()

func cpuTime() time.Duration { return time.Since(processStart) }
