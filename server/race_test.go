//go:build race

package server

// raceEnabled is set under the race detector, which slows code down.
const raceEnabled = true
