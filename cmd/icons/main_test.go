package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedIconsAreDrawn checks that web/static/icons holds what this
// command draws: the icons are made by the project, not dropped in.
func TestCommittedIconsAreDrawn(t *testing.T) {
	for _, ic := range icons {
		want, err := encode(draw(ic.size, ic.maskable))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("..", "..", "web", "static", "icons", ic.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("web/static/icons/%s is not what go run ./cmd/icons draws: run it again", ic.name)
		}
	}
}
