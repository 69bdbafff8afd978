package catalog

import (
	"slices"
	"strings"
)

// normalize is a language tag in the form files are looked up by: lower
// case, subtags joined by "-".
func normalize(tag string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
}

// traditionalRegions are the regions where Chinese is written in
// Traditional characters: zh-TW looks for a zh-Hant file before zh's.
var traditionalRegions = []string{"tw", "hk", "mo"}

// candidates are the tags whose files may hold lang's words, most
// specific first, by the lookup of RFC 4647 (section 3.4): the tag, then
// the tag cut one subtag at a time, "zh-hant-tw", "zh-hant", "zh".
func candidates(lang string) []string {
	subtags := strings.Split(normalize(lang), "-")
	var tags []string
	for n := len(subtags); n > 0; n-- {
		if n < len(subtags) && len(subtags[n-1]) == 1 {
			continue // a singleton (x, u) is cut with the subtag after it
		}
		tags = append(tags, strings.Join(subtags[:n], "-"))
	}
	if len(subtags) == 2 && subtags[0] == "zh" && slices.Contains(traditionalRegions, subtags[1]) {
		tags = slices.Insert(tags, 1, "zh-hant")
	}
	return tags
}
