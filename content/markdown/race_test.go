//go:build race

package markdown_test

import "time"

// timeBudget is how long a pathological input may take to parse. The race
// detector slows code down several times.
const timeBudget = 10 * time.Second

// raceEnabled is whether the tests run with the race detector.
const raceEnabled = true
