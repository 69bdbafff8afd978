package content

import "strings"

// wordsPerMinute is a common adult reading speed for news prose.
const wordsPerMinute = 230

// Words counts the words of the article's body, not counting its cards:
// a reader opens only the cards they need.
func (a *Article) Words() int {
	n := countWords(a.Title) + countWords(a.Dek)
	for b := range Descendants(a.Blocks) {
		n += countWords(b.Code)
		for text := range b.Texts() {
			n += countWords(PlainText(text))
		}
	}
	return n
}

// ReadingMinutes is how long the body takes to read, at least one minute.
func (a *Article) ReadingMinutes() int {
	return max(1, (a.Words()+wordsPerMinute/2)/wordsPerMinute)
}

func countWords(s string) int {
	return len(strings.Fields(s))
}
