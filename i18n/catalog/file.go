package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"unicode/utf8"
)

// file is one translation file: the words of one language.
type file struct {
	// name is the file's path, for messages: "locales/fr.json".
	name string
	// tag is the language tag the file is named after: "pt-BR".
	tag string
	// words are the file's words by key; empty words are left out, as
	// translation tools write untranslated words.
	words map[string]string
	// lines are the line of each key in the file.
	lines map[string]int
	// duplicates are keys the file gives twice, with the line of the
	// second; the last value stands, as in other JSON readers.
	duplicates map[string]int
}

// tagName matches a file name's language tag: a primary subtag, then
// script, region or variant subtags, "-" or "_" between.
var tagName = regexp.MustCompile(`^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$`)

// parseFile reads a translation file in i18next's JSON v4 format: one
// flat object whose values are strings. Errors name the file, and the line
// and column where the JSON is wrong.
func parseFile(name, tag string, data []byte) (*file, error) {
	if !tagName.MatchString(tag) {
		return nil, fmt.Errorf("%s: the file name is not a language tag (like fr.json or pt-BR.json)", name)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8 text", name)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte order mark some editors write
	f := &file{name: name, tag: tag, words: map[string]string{}, lines: map[string]int{}, duplicates: map[string]int{}}
	fail := func(offset int64, format string, args ...any) error {
		line, col := position(data, offset)
		return fmt.Errorf("%s:%d:%d: %s", name, line, col, fmt.Sprintf(format, args...))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	token := func() (json.Token, error) {
		tok, err := dec.Token()
		var syntax *json.SyntaxError
		switch {
		case errors.As(err, &syntax):
			return nil, fail(syntax.Offset, "%v", err)
		case err == io.EOF:
			return nil, fail(dec.InputOffset(), "the file ends before its object does")
		}
		return tok, err
	}
	if tok, err := token(); err != nil {
		return nil, err
	} else if tok != json.Delim('{') {
		return nil, fail(dec.InputOffset()-1, "a translation file is one JSON object, {\"key\": \"word\", …}")
	}
	for dec.More() {
		tok, err := token()
		if err != nil {
			return nil, err
		}
		key := tok.(string) // an object's keys are strings
		line, _ := position(data, dec.InputOffset()-1)
		if tok, err = token(); err != nil {
			return nil, err
		}
		word, ok := tok.(string)
		if !ok {
			return nil, fail(dec.InputOffset()-1, "the value of %q is not a string: translation files are flat, one word for each key", key)
		}
		if _, seen := f.lines[key]; seen {
			f.duplicates[key] = line
		}
		f.lines[key] = line
		if word == "" {
			delete(f.words, key)
			continue
		}
		f.words[key] = word
	}
	if _, err := token(); err != nil { // the closing brace
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fail(dec.InputOffset(), "text after the object")
	}
	return f, nil
}

// position is the line and column (in characters, from 1) of byte offset
// in data.
func position(data []byte, offset int64) (line, col int) {
	before := data[:min(max(offset, 0), int64(len(data)))]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}
