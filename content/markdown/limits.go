package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// maxIndent is the deepest indentation, in columns, a line may have. Deeper
// nesting is never needed in an article, and goldmark's time grows with the
// square of it: a thousand list levels take it seconds.
const maxIndent = 256

// maxLimitProblems caps how many over-indented lines are reported.
const maxLimitProblems = 10

// checkSource reports, before any parsing, text that is not UTF-8 and lines
// indented beyond maxIndent.
func (b *builder) checkSource() {
	if !utf8.Valid(b.src) {
		b.problem(firstInvalidUTF8(b.src), "the file is not valid UTF-8 text: save it as UTF-8")
		return
	}
	reported := 0
	for i, start := 0, 0; start < len(b.src); i++ {
		cols := 0
		for j := start; j < len(b.src); j++ {
			switch b.src[j] {
			case ' ':
				cols++
				continue
			case '\t':
				cols += 4 - cols%4
				continue
			}
			break
		}
		if cols > maxIndent {
			b.problemAt(i+1, 1, fmt.Sprintf("this line is indented %d columns; nesting this deep is not supported (at most %d)", cols, maxIndent))
			if reported++; reported == maxLimitProblems {
				return
			}
		}
		next := bytes.IndexByte(b.src[start:], '\n')
		if next < 0 {
			break
		}
		start += next + 1
	}
}

// firstInvalidUTF8 is the offset of the first byte that is not UTF-8.
func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(src)
}
