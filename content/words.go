package content

import "strings"

// wordsPerMinute is a common adult reading speed for news prose.
const wordsPerMinute = 230

// Words counts the words of the article's body, not counting its cards.
func (a *Article) Words() int {
	n := countWords(a.Title) + countWords(a.Dek)
	for _, b := range a.Blocks {
		n += blockWords(b)
	}
	return n
}

// ReadingMinutes is how long the body takes to read, at least one minute.
func (a *Article) ReadingMinutes() int {
	return max(1, (a.Words()+wordsPerMinute/2)/wordsPerMinute)
}

func blockWords(b Block) int {
	n := countWords(PlainText(b.Text)) + countWords(b.Code)
	for _, item := range b.Items {
		for _, c := range item {
			n += blockWords(c)
		}
	}
	for _, c := range b.Blocks {
		n += blockWords(c)
	}
	if b.Table != nil {
		for _, cell := range b.Table.Header {
			n += countWords(PlainText(cell))
		}
		for _, row := range b.Table.Rows {
			for _, cell := range row {
				n += countWords(PlainText(cell))
			}
		}
	}
	return n
}

func countWords(s string) int {
	return len(strings.Fields(s))
}
