package markdown

import (
	"strings"
	"testing"
)

// FuzzOneLine checks oneLine, whose shortcut returns most strings as they
// are, against what it stands for: the fields joined by single spaces.
func FuzzOneLine(f *testing.F) {
	for _, s := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\r\nb",
		"a\u00a0b", "a\u0085b", "a\u2003b", "a \u3000b", "é ü", "\xff a", "a \xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
