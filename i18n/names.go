package i18n

import "strings"

// names are languages' names in themselves (CLDR), by base language: how
// a reader finds their language in a list of versions.
var names = map[string]string{
	"ar": "العربية", "bn": "বাংলা", "ca": "Català", "cs": "Čeština", "da": "Dansk",
	"de": "Deutsch", "el": "Ελληνικά", "en": "English", "es": "Español", "fa": "فارسی",
	"fi": "Suomi", "fr": "Français", "he": "עברית", "hi": "हिन्दी", "hu": "Magyar",
	"id": "Indonesia", "it": "Italiano", "ja": "日本語", "ko": "한국어", "ms": "Melayu",
	"nb": "Norsk bokmål", "nl": "Nederlands", "pl": "Polski", "pt": "Português", "ro": "Română",
	"ru": "Русский", "sv": "Svenska", "sw": "Kiswahili", "th": "ไทย", "tr": "Türkçe",
	"uk": "Українська", "ur": "اردو", "vi": "Tiếng Việt", "zh": "中文",
}

// Name is a language's name in itself ("Français"), or its tag in upper
// case for a language not known here.
func Name(lang string) string {
	if n, ok := names[Base(lang)]; ok {
		return n
	}
	return strings.ToUpper(lang)
}
