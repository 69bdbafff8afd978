//go:build race

package markdown_test

import "time"

// timeBudget is how much CPU a pathological input may take to parse. The
// race detector slows code down 5 to 15 times: 5 MB of paragraphs take about
// 9 s of CPU under it (GC threads count too); a parser that went quadratic
// on them would take hours.
const timeBudget = 30 * time.Second

// raceEnabled is whether the tests run with the race detector.
const raceEnabled = true
