package catalog

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// shipped are the languages the program ships a translation file for.
var shipped = []string{"ar", "de", "en", "es", "fr", "he", "it", "ja", "pt", "ru", "zh"}

// loadEmbedded loads the embedded catalog for t.
func loadEmbedded(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mapFS is a file system of translation files by name.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// loadFS loads a catalog of the given files for t.
func loadFS(t *testing.T, files map[string]string) *Catalog {
	t.Helper()
	c, err := LoadFS(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestShippedLanguages(t *testing.T) {
	c := loadEmbedded(t)
	if diff := cmp.Diff(shipped, c.Languages()); diff != "" {
		t.Errorf("Languages (-want +got):\n%s", diff)
	}
	for _, lang := range shipped {
		if !c.Has(lang) {
			t.Errorf("Has(%q) = false", lang)
		}
	}
}

// TestShippedFilesComplete fails when a shipped file lacks a key of
// en.json, or has a problem (a variable lost, a plural form lacking).
func TestShippedFilesComplete(t *testing.T) {
	c := loadEmbedded(t)
	for _, lang := range c.Languages() {
		if missing := c.Missing(lang); len(missing) > 0 {
			t.Errorf("%s.json lacks %s", lang, strings.Join(missing, ", "))
		}
	}
	for _, p := range c.Problems() {
		t.Error(p)
	}
}

// TestShippedVariables fills every word of every shipped language with
// the variables its English word has, and looks for what was not filled.
func TestShippedVariables(t *testing.T) {
	c := loadEmbedded(t)
	english := c.Words("en")
	for _, lang := range c.Languages() {
		w := c.Words(lang)
		for key, word := range english.Strings {
			var vars []string
			for _, m := range variable.FindAllStringSubmatch(word, -1) {
				vars = append(vars, m[1], "<"+m[1]+">")
			}
			if _, ok := w.Strings[key]; !ok {
				if _, plural := c.stemOf(key); plural {
					continue // a form lang has not
				}
				t.Errorf("%s lacks %q", lang, key)
			}
			got := w.T(key, vars...)
			if strings.Contains(got, "{{") || strings.Contains(got, "}}") {
				t.Errorf("%s %q = %q: a variable left unfilled", lang, key, got)
			}
		}
	}
}

func TestWords(t *testing.T) {
	c := loadFS(t, map[string]string{
		"en.json":      `{"hello": "Hello {{name}}", "bye": "Bye", "min_one": "{{count}} minute", "min_other": "{{count}} minutes", "digits": "0123456789"}`,
		"fr.json":      `{"hello": "Bonjour {{name}}", "min_one": "{{count}} minute", "min_many": "{{count}} de minutes", "min_other": "{{count}} minutes"}`,
		"ru.json":      `{"bye": "Пока"}`,
		"ja.json":      `{"min_other": "{{count}}分"}`,
		"ar.json":      `{"bye": "مع السلامة"}`,
		"ar-EG.json":   `{"digits": "٠١٢٣٤٥٦٧٨٩"}`,
		"zh.json":      `{"bye": "再见"}`,
		"zh-Hant.json": `{"bye": "再見"}`,
	})
	tests := []struct {
		lang, dir string
		key       string
		n         int // for a key that depends on a number, else -1
		want      string
	}{
		{"fr", "ltr", "hello", -1, "Bonjour {{name}}"},
		{"fr", "ltr", "bye", -1, "Bye"}, // missing in fr.json: English's
		{"fr", "ltr", "min", 1000000, "1000000 de minutes"},
		{"FR_ca", "ltr", "hello", -1, "Bonjour {{name}}"},
		{"sw", "ltr", "hello", -1, "Hello {{name}}"}, // no file: English's
		{"sw", "ltr", "min", 2, "2 minutes"},
		{"", "ltr", "bye", -1, "Bye"},
		{"ru", "ltr", "min", 5, "5 minutes"}, // no forms in ru.json: English's other
		{"ru-RU", "ltr", "bye", -1, "Пока"},
		{"ja", "ltr", "min", 1, "1分"}, // ja's forms only, not English's "one"
		{"ar", "rtl", "bye", -1, "مع السلامة"},
		{"ar", "rtl", "min", 12, "12 minutes"},
		{"ar-EG", "rtl", "bye", -1, "مع السلامة"}, // ar-EG over ar over en
		{"ar-EG", "rtl", "min", 12, "١٢ minutes"},
		{"zh-Hans-CN", "ltr", "bye", -1, "再见"},
		{"zh-TW", "ltr", "bye", -1, "再見"},
		{"zh-Hant-HK", "ltr", "bye", -1, "再見"},
	}
	for _, tt := range tests {
		w := c.Words(tt.lang)
		wantLang := tt.lang
		if wantLang == "" {
			wantLang = "en"
		}
		if w.Lang != wantLang || w.Dir != tt.dir {
			t.Errorf("Words(%q): Lang %q, Dir %q; want %q, %q", tt.lang, w.Lang, w.Dir, wantLang, tt.dir)
		}
		got := w.T(tt.key)
		if tt.n >= 0 {
			got = w.N(tt.key, tt.n)
		}
		if got != tt.want {
			t.Errorf("Words(%q) %s = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
	if _, ok := c.Words("ja").Strings["min_one"]; ok {
		t.Error(`Words("ja") has English's min_one beside ja's forms`)
	}
}

func TestHas(t *testing.T) {
	c := loadFS(t, map[string]string{"en.json": `{}`, "pt.json": `{}`, "zh-Hant.json": `{}`})
	for lang, want := range map[string]bool{
		"en": true, "en-GB": true, "pt": true, "pt-BR": true, "pt_PT": true,
		"zh-TW": true, "zh-Hant": true, "zh": false, "zh-CN": false, "sw": false, "": false,
	} {
		if got := c.Has(lang); got != want {
			t.Errorf("Has(%q) = %v, want %v", lang, got, want)
		}
	}
}

func TestMissing(t *testing.T) {
	c := loadFS(t, map[string]string{
		"en.json": `{"a": "A", "b": "B", "n_one": "{{count}} n", "n_other": "{{count}} n"}`,
		"fr.json": `{"a": "A", "n_one": "{{count}} n", "n_other": "{{count}} n"}`,
		"ru.json": `{"a": "A", "b": "", "z": "?"}`,
		"pt.json": `{"b": "B"}`,
	})
	tests := []struct {
		lang string
		want []string
	}{
		{"en", nil},
		{"en-US", nil},
		{"fr", []string{"b"}},
		{"ru", []string{"b", "n_few", "n_many", "n_one"}}, // an empty word is a missing one
		{"ja", []string{"a", "b", "n_other"}},
		{"sw", []string{"a", "b", "n_one", "n_other"}},
		{"pt-PT", []string{"a", "n_many", "n_one", "n_other"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, c.Missing(tt.lang)); diff != "" {
			t.Errorf("Missing(%q) (-want +got):\n%s", tt.lang, diff)
		}
	}
}

// TestProblems checks the problems of the files in testdata/problems
// against testdata/problems.golden (-update rewrites it).
func TestProblems(t *testing.T) {
	c, err := LoadFS(os.DirFS(filepath.Join("testdata", "problems")))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(c.Problems(), "\n") + "\n"
	golden := filepath.Join("testdata", "problems.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("Problems (-want +got):\n%s", diff)
	}
}

func TestLoadErrors(t *testing.T) {
	const en = `{"a": "A"}`
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no English", map[string]string{"fr.json": `{}`}, "no translation file for English (en.json)"},
		{"syntax", map[string]string{"en.json": en, "fr.json": "{\n  \"a\": \"A\",\n  \"b\" \"B\"\n}"}, "fr.json:3:7: invalid character '\"' after object key"},
		{"trailing comma", map[string]string{"en.json": en, "de.json": "{\n  \"a\": \"A\",\n}"}, "de.json:3:1: invalid character '}' looking for beginning of object key string"},
		{"nested", map[string]string{"en.json": en, "fr.json": "{\n  \"card\": {\"a\": \"A\"}\n}"}, `fr.json:2:11: the value of "card" is not a string`},
		{"number", map[string]string{"en.json": en, "fr.json": `{"a": 1}`}, `fr.json:1:7: the value of "a" is not a string`},
		{"array", map[string]string{"en.json": `["a"]`}, "en.json:1:1: a translation file is one JSON object"},
		{"unfinished", map[string]string{"en.json": en, "fr.json": "{\"a\": \"A\""}, "fr.json:1:10: the file ends before its object does"},
		{"after", map[string]string{"en.json": en, "fr.json": `{"a": "A"} {}`}, "fr.json:1:13: text after the object"},
		{"not UTF-8", map[string]string{"en.json": en, "fr.json": "{\"a\": \"\xe9\"}"}, "fr.json: not UTF-8 text"},
		{"name", map[string]string{"en.json": en, "french words.json": `{}`}, "french words.json: the file name is not a language tag"},
		{"same language", map[string]string{"en.json": en, "pt-BR.json": `{}`, "pt_br.json": `{}`}, "pt-BR.json and pt_br.json are files of the same language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadFS(mapFS(tt.files))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadFS: %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func TestByteOrderMark(t *testing.T) {
	c := loadFS(t, map[string]string{"en.json": "\uFEFF{\"a\": \"A\"}"})
	if got := c.Words("en").T("a"); got != "A" {
		t.Errorf(`T("a") = %q, want "A"`, got)
	}
}

func TestCandidates(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"fr", []string{"fr"}},
		{"pt_BR", []string{"pt-br", "pt"}},
		{"zh-Hant-TW", []string{"zh-hant-tw", "zh-hant", "zh"}},
		{"zh-TW", []string{"zh-tw", "zh-hant", "zh"}},
		{"zh-CN", []string{"zh-cn", "zh"}},
		{"de-DE-x-news", []string{"de-de-x-news", "de-de", "de"}},
	}
	for _, tt := range tests {
		if got := candidates(tt.lang); !slices.Equal(got, tt.want) {
			t.Errorf("candidates(%q) = %q, want %q", tt.lang, got, tt.want)
		}
	}
}
