//go:build !race

package markdown_test

import "time"

// timeBudget is how much CPU a pathological input may take to parse: 5 MB
// of paragraphs take 0.6 to 2 s of CPU (GC threads count too).
const timeBudget = 3 * time.Second

// raceEnabled is whether the tests run with the race detector.
const raceEnabled = false
