package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTypographer: typography changes only punctuation. Whatever the text,
// once every quotation mark, apostrophe, dash and ellipsis is written
// back as ASCII (and French's spaces inside its marks dropped), what a
// typographer sets is the text it was given, escapes resolved; and it is
// UTF-8 if the text was.
func FuzzTypographer(f *testing.F) {
	for _, s := range []string{
		"", `"`, `'`, `""`, "--", "---", "----", "...", "....", `\"`, `\'`, `\--`, `&quot;`, `&#39;`,
		`He said "it's the '90s" -- rock 'n' roll...`, `" mot "`, "\"\u00a0mot\u00a0\"", `彼は"はい"と`,
		`'Wort' und Hans' Buch`, `("a" 'b')`, "\"\n\"", "\x00\"", "\xff\"\xfe'", `a\`, `&`, `&amp`,
	} {
		f.Add(s)
	}
	langs := []string{"en", "fr", "de", "ja", "ar", "ru", "es", "he"}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range langs {
			for _, md := range []bool{false, true} {
				typo := newTypographer(lang)
				got := typo.appendText(nil, []byte(s), md, classSpace)
				want := []byte(s)
				if md {
					want = appendUnescaped(nil, want)
				}
				if utf8.Valid(want) && !utf8.Valid(got) {
					t.Fatalf("%s: %q gave invalid UTF-8 %q", lang, s, got)
				}
				if g, w := asASCII(string(got), lang), asASCII(string(want), lang); g != w {
					t.Fatalf("%s (markdown %t): %q became %q, which is %q once written back, want %q", lang, md, s, got, g, w)
				}
			}
		}
	})
}

// asASCII writes every quotation mark and apostrophe as ", the dashes and
// the ellipsis as -- --- and ..., and, for French, drops spaces.
func asASCII(s, lang string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"', '\'', '“', '”', '‘', '’', '„', '‚', '«', '»', '「', '」', '『', '』':
			b.WriteByte('"')
		case '–':
			b.WriteString("--")
		case '—':
			b.WriteString("---")
		case '…':
			b.WriteString("...")
		case ' ', '\u00a0', '\u202f':
			if lang != "fr" {
				b.WriteRune(r)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
