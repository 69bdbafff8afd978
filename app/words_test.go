package app

import (
	"testing"

	"backstory/i18n"
	"backstory/i18n/catalog"
)

// wordsIn are the UI's words in lang, as the server gives them to pages.
func wordsIn(t testing.TB, lang string) i18n.Words {
	t.Helper()
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cat.Words(lang)
}
