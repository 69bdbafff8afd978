package content

// InlineKind says what an Inline is.
type InlineKind string

// The kinds of inline content.
const (
	InlineText      InlineKind = "text"      // Text
	InlineEmphasis  InlineKind = "emphasis"  // Children
	InlineStrong    InlineKind = "strong"    // Children
	InlineStrike    InlineKind = "strike"    // Children
	InlineCode      InlineKind = "code"      // Text
	InlineLink      InlineKind = "link"      // URL, Title, Children
	InlineCardRef   InlineKind = "cardref"   // Card, Children: a link that opens a card
	InlineImage     InlineKind = "image"     // URL, Text (the alt text), Title
	InlineLineBreak InlineKind = "linebreak" // a hard line break
)

// Inline is a run of text inside a paragraph, heading or table cell. Kind
// says which fields are used.
type Inline struct {
	Kind     InlineKind `json:"kind"`
	Text     string     `json:"text,omitempty"`
	URL      string     `json:"url,omitempty"`
	Title    string     `json:"title,omitempty"`
	Card     string     `json:"card,omitempty"`
	Children []Inline   `json:"children,omitempty"`
}

// PlainText returns the text of inline runs without their formatting.
func PlainText(runs []Inline) string {
	var b []byte
	var walk func([]Inline)
	walk = func(runs []Inline) {
		for _, r := range runs {
			switch r.Kind {
			case InlineText, InlineCode, InlineImage:
				b = append(b, r.Text...)
			case InlineLineBreak:
				b = append(b, ' ')
			default:
				walk(r.Children)
			}
		}
	}
	walk(runs)
	return string(b)
}
