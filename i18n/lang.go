package i18n

import (
	"slices"
	"strings"
)

// rtlLanguages are the languages written right to left.
var rtlLanguages = []string{"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"}

// Base is the primary language subtag of a BCP 47 tag, in lower case:
// "pt-BR" → "pt".
func Base(lang string) string {
	primary, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	return primary
}

// Direction is the text direction of a language: "rtl" or "ltr".
func Direction(lang string) string {
	if slices.Contains(rtlLanguages, Base(lang)) {
		return "rtl"
	}
	return "ltr"
}
