package synthetic

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// An article's size in bytes is drawn from [minTarget, minTarget+targetRange)
// and reached by adding paragraphs of at most a few hundred bytes, never
// past maxSize.
const (
	minTarget   = 4300
	targetRange = 1200
	maxSize     = 5900
)

// seed is the second word of every article's PCG seed; the first is the
// article's index.
const seed = 0x6261636b73746f72 // "backstor"

// Article i is published (i·stride mod span) minutes after epoch. stride is
// a prime that does not divide span, so for i below span (about five
// million) every article has a minute of its own: the dates are spread over
// ten years, many of them distinct, and their order is not file order.
const (
	epoch  = 1388534400 // 2014-01-01T00:00:00Z, in Unix seconds
	span   = 10 * 365 * 24 * 60
	stride = 1_000_003
)

// zones are the offsets publication times are written in.
var zones = []*time.Location{
	time.UTC,
	time.FixedZone("", 1*3600),
	time.FixedZone("", -5*3600),
	time.FixedZone("", 8*3600),
}

// story is one article being written. Its fields are drawn first, in a fixed
// order, from a generator seeded with the article's index, so the same index
// always gives the same article.
type story struct {
	i      int
	r      *rand.Rand
	place  string
	inst   string
	object string
	verb   string // in the past tense, for the text
	title  string
	slug   string
	people []person // distinct surnames
	others []string // other places, for comparisons
	river  string
	// sentences and quotes are dealt from shuffled decks, so an article
	// repeats none until it has used them all.
	sentences, quotes deck
}

// deck deals the indexes of a list in a random order, reshuffling when
// all have been dealt.
type deck struct {
	order []int
	next  int
}

func (d *deck) deal(r *rand.Rand, n int) int {
	if d.next == len(d.order) {
		d.order, d.next = r.Perm(n), 0
	}
	d.next++
	return d.order[d.next-1]
}

type person struct{ name, role string }

// card is a background or quote card and the sentence that refers to it.
type card struct {
	id       string
	explicit bool   // written with {#id}; else the parser derives id from the title
	ref      string // a sentence holding a link to #id
	opening  string // the ":::background[…]{…}" or ":::quote{…}" line
	blocks   []string
}

// newStory draws the headline of article i; markdown draws the rest.
func newStory(i int) *story {
	r := rand.New(rand.NewPCG(uint64(i), seed))
	s := &story{i: i, r: r}
	s.place = pick(r, places)
	s.inst = pick(r, institutions)
	v := pick(r, verbs)
	s.verb = v.past
	s.object = pick(r, objects)
	s.title = s.place + " " + s.inst + " " + v.headline + " " + s.object
	s.slug = slugify(s.title) + "-" + strconv.Itoa(i)
	return s
}

// published is when article i was published.
func published(i int) time.Time {
	minutes := int64(i%span) * stride % span
	return time.Unix(epoch+minutes*60, 0).UTC()
}

// markdown draws the rest of the story and writes it out.
func (s *story) markdown() []byte {
	r := s.r
	s.river = pick(r, rivers)
	for _, last := range pickN(r, lastNames, 4) {
		s.people = append(s.people, person{name: pick(r, firstNames) + " " + last, role: s.fill(pick(r, roles))})
	}
	s.others = pickN(r, slices.DeleteFunc(slices.Clone(places), func(p string) bool { return p == s.place }), 3)

	// The cards: the first background card is referred to from the lead,
	// the others each from a paragraph of their own in a section.
	var backgrounds []card
	for _, kind := range r.Perm(5)[:2+r.IntN(3)] {
		backgrounds = append(backgrounds, s.background(kind))
	}
	var quoted []card
	for _, p := range pickN(r, s.people, 1+r.IntN(2)) {
		quoted = append(quoted, s.quote(p))
	}

	heads := pickN(r, headings, 2+r.IntN(2))
	for k, h := range heads {
		heads[k] = s.fill(h)
	}
	heads = append(heads, lastHeading)
	sections := make([][]string, len(heads)+1) // sections[0] is the lead
	size := 0
	add := func(sec int, block string) {
		sections[sec] = append(sections[sec], block)
		size += len(block) + 1
	}

	front := s.frontMatter()
	size += len(front)
	for _, h := range heads {
		size += len("## \n\n") + len(h)
	}

	lead := []string{
		s.fill(pick(r, []string{
			"The {place} {inst} on {weekday} " + s.verb + " the {obj}, a decision that will shape the town for years.",
			"In a vote few had expected, the {inst} of {place} on {weekday} " + s.verb + " the {obj}.",
			"After {n} months of argument, the {place} {inst} on {weekday} " + s.verb + " the {obj}.",
		})),
		backgrounds[0].ref,
		s.sentence(),
		"Much now depends on [what happens next](#" + slugify(lastHeading) + ").",
	}
	add(0, wrap(strings.Join(lead, " "), "", ""))
	add(0, backgrounds[0].markdown())

	// The other cards, shuffled, are spread over the sections, each right
	// after a paragraph that refers to it.
	rest := slices.Concat(backgrounds[1:], quoted)
	r.Shuffle(len(rest), func(a, b int) { rest[a], rest[b] = rest[b], rest[a] })
	for k, c := range rest {
		sec := 1 + k*len(heads)/len(rest)
		add(sec, s.paragraphWith(c.ref, 1+r.IntN(2)))
		add(sec, c.markdown())
	}
	add(1+r.IntN(len(heads)), s.list())
	if r.IntN(3) == 0 {
		add(1+r.IntN(len(heads)), s.blockQuote())
	}
	if r.IntN(3) == 0 {
		add(1+r.IntN(len(heads)), s.figure())
	}
	add(len(heads), s.closing())

	for target := minTarget + r.IntN(targetRange); size < target; {
		p := s.paragraph(2 + r.IntN(3))
		if size+len(p)+1 > maxSize {
			if p = s.paragraph(1); size+len(p)+1 > maxSize {
				break
			}
		}
		add(r.IntN(len(sections)), p)
	}

	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(front)
	for k, blocks := range sections {
		if k > 0 {
			fmt.Fprintf(&b, "## %s\n\n", heads[k-1])
		}
		for _, block := range blocks {
			b.WriteString(block)
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// frontMatter is the YAML front matter and the blank line after it.
func (s *story) frontMatter() string {
	r := s.r
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", capitalize(s.title))
	fmt.Fprintf(&b, "slug: %s\n", s.slug)
	fmt.Fprintf(&b, "dek: %s\n", capitalize(s.fill(pick(r, []string{
		"The {inst} says the {obj} cannot wait, but {group} want more time.",
		"A decision that will shape {place} for a decade, taken after {n} months of argument.",
		"{group} and the {inst} remain far apart on the cost and the timetable.",
		"What the vote on the {obj} means for {place}, and who will pay for it.",
	}))))
	switch r.IntN(3) {
	case 0:
		b.WriteString("byline: backstory staff\n")
	case 1:
		fmt.Fprintf(&b, "byline: %s %s\n", pick(r, firstNames), pick(r, lastNames))
	default:
		fmt.Fprintf(&b, "byline: %s %s and %s %s\n", pick(r, firstNames), pick(r, lastNames), pick(r, firstNames), pick(r, lastNames))
	}
	pub := published(s.i)
	if r.IntN(4) == 0 {
		fmt.Fprintf(&b, "published: %s\n", pub.Format(time.DateOnly))
	} else {
		fmt.Fprintf(&b, "published: %s\n", pub.In(pick(r, zones)).Format(time.RFC3339))
	}
	if r.IntN(3) == 0 {
		upd := pub.Add(time.Duration(1+r.IntN(72)) * time.Hour)
		fmt.Fprintf(&b, "updated: %s\n", upd.In(pick(r, zones)).Format(time.RFC3339))
	}
	b.WriteString("lang: en\n")
	fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(pickN(r, tags, 2+r.IntN(3)), ", "))
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "image: https://images.example.com/synthetic/%s.jpg\n", s.slug)
	}
	if r.IntN(6) == 0 {
		fmt.Fprintf(&b, "canonical: https://www.example.org/news/%s\n", s.slug)
	}
	b.WriteString("---\n\n")
	return b.String()
}

// The kinds of background card.
const (
	bgInstitution = iota
	bgPlace
	bgHistory
	bgPerson
	bgFunding
)

func (s *story) background(kind int) card {
	r := s.r
	var title, link string
	var c card
	switch kind {
	case bgInstitution:
		title = "The " + s.place + " " + s.inst
		link = "The decision now rests with the [" + s.place + " " + s.inst + "](#%s), which has the final word on the {obj}."
		c.blocks = []string{s.paragraphOf(
			"The {inst} of {place} was set up in {year} and has {n} dozen members, elected every four years.",
			"It meets in public, usually on the first {weekday} of the month, and publishes its minutes online.",
			"Its budget this year is about {money} euros, most of it from local taxes.",
			"Since {year} it has been chaired by {person}.",
		)}
	case bgPlace:
		title = s.place + " at a glance"
		link = "Few towns have argued about it as long as [{place}](#%s)."
		c.blocks = []string{
			s.paragraphOf(
				"{place} lies on the river {river}, {num} kilometres from {other}.",
				"It grew around its market and its port, and both still shape the town.",
			),
			"- **Population:** about {thousands}\n- **River:** the {river}\n- **Mayor:** {person}\n",
		}
		c.blocks[1] = s.fill(c.blocks[1])
	case bgHistory:
		title = "The history of the " + s.object
		link = "The {obj} has a [long and troubled history](#%s)."
		years := []int{1990 + r.IntN(10), 2000 + r.IntN(8), 2008 + r.IntN(7), 2015 + r.IntN(8)}
		events := []string{
			"the plan is first proposed by the {inst}",
			"a first study puts the cost at {money} euros",
			"{group} take the {inst} to court, and lose",
			"the {inst} asks for new designs",
		}
		var list strings.Builder
		for k, y := range years[:2+r.IntN(3)] {
			list.WriteString(wrap(fmt.Sprintf("**%d:** %s.", y, s.fill(events[k])), "- ", "  "))
		}
		c.blocks = []string{s.paragraphOf("The {obj} has been argued over for a generation."), list.String()}
	case bgPerson:
		p := s.people[0]
		title = "Who is " + p.name + "?"
		link = "Much of the pressure has come from [" + p.name + "](#%s), " + withThe(p.role) + "."
		c.blocks = []string{s.paragraphOf(
			p.name+" is "+withThe(p.role)+", and has been involved with the {obj} since {year}.",
			"Before that, "+strings.Fields(p.name)[0]+" worked for {n} years in {other}.",
			"Colleagues describe a careful, *stubborn* negotiator.",
		)}
	case bgFunding:
		title = "How the " + s.object + " would be paid for"
		link = "Much depends on [how the scheme would be paid for](#%s)."
		c.blocks = []string{s.paragraphOf(
			"The {obj} is expected to cost {money} euros in all.",
			"The {inst} wants to share the bill with the regional government and private investors.",
		)}
		if r.IntN(2) == 0 {
			local := 20 + r.IntN(40)
			region := 10 + r.IntN(100-local-10)
			c.blocks = append(c.blocks, fmt.Sprintf(
				"| Source | Share |\n| --- | --: |\n| Local taxes | %d %% |\n| Regional government | %d %% |\n| Private investors | %d %% |\n",
				local, region, 100-local-region))
		}
	}
	c.id = slugify(title)
	c.explicit = r.IntN(2) == 0
	c.ref = s.fill(fmt.Sprintf(link, c.id))
	c.opening = ":::background[" + title + "]"
	if c.explicit {
		c.opening += "{#" + c.id + "}"
	}
	return c
}

func (s *story) quote(p person) card {
	r := s.r
	words := []string{s.fill(quotes[s.quotes.deal(r, len(quotes))])}
	if r.IntN(2) == 0 {
		words = append(words, s.fill(quotes[s.quotes.deal(r, len(quotes))]))
	}
	first := strings.TrimSuffix(words[0], ".")
	c := card{explicit: true}
	c.id = slugify(lastName(p.name) + " " + strings.Join(strings.Fields(first)[:3], " "))
	if r.IntN(2) == 0 {
		c.ref = "\"[" + first + "](#" + c.id + ")\", " + p.name + " said."
	} else {
		c.ref = p.name + ", " + p.role + ", put it bluntly: \"[" + first + "](#" + c.id + ").\""
	}
	attrs := []string{"#" + c.id, attr("by", p.name), attr("role", p.role)}
	if r.IntN(4) != 0 {
		attrs = append(attrs, attr("source", s.fill(pick(r, sources))))
	}
	if r.IntN(2) == 0 {
		attrs = append(attrs, attr("url", "https://www.example.org/"+slugify(s.place)+"/"+slugify(p.name)+"-"+strconv.Itoa(s.i)))
	}
	if r.IntN(4) != 0 {
		day := published(s.i).AddDate(0, 0, -r.IntN(3))
		attrs = append(attrs, "date="+day.Format(time.DateOnly))
	}
	if r.IntN(5) == 0 {
		attrs = append(attrs, "lang="+pick(r, quoteLangs))
	}
	c.opening = ":::quote{" + strings.Join(attrs, " ") + "}"
	c.blocks = []string{wrap(strings.Join(words, " "), "", "")}
	return c
}

func attr(key, value string) string {
	return key + "=\"" + value + "\""
}

// markdown is the card as it is written: opening line, body, closing line.
func (c card) markdown() string {
	return c.opening + "\n" + strings.Join(c.blocks, "\n") + ":::\n"
}

// list is a paragraph introducing a bullet or numbered list of the main
// points, sometimes with a nested list.
func (s *story) list() string {
	r := s.r
	items := []string{
		"**Cost:** about {money} euros, according to the {inst}",
		"**Timetable:** work would start in {year} and take {n} years",
		"**Who decides:** the {inst}, after a public consultation",
		"**Who objects:** mainly {group} and {group}",
		"**What is at stake:** {num} jobs and the town's finances",
	}
	marker, indent := "- ", "  "
	if r.IntN(3) == 0 {
		marker, indent = "1. ", "   "
	}
	nested := r.IntN(3) == 0
	var b strings.Builder
	b.WriteString(s.paragraphOf("The main points of the {obj}:"))
	b.WriteString("\n")
	items = items[:3+r.IntN(3)]
	for k, item := range items {
		if marker != "- " {
			marker = strconv.Itoa(k+1) + ". "
		}
		end := ";"
		if k == len(items)-1 {
			end = "."
		}
		b.WriteString(wrap(s.fill(item)+end, marker, indent))
		if nested && k == 0 {
			for range 2 {
				b.WriteString(wrap(s.fill("{money} euros in {year};"), indent+"- ", indent+"  "))
			}
			nested = false
		}
	}
	return b.String()
}

func (s *story) blockQuote() string {
	return wrap(s.fill("From the consultation document: \"The {inst} will weigh every response, and will publish a summary before {month}.\""), "> ", "> ")
}

// figure is a paragraph holding only an image, which becomes a figure with
// the image's title as its caption.
func (s *story) figure() string {
	return s.fill("![A view of {place} from the river {river}](https://images.example.com/{placeslug}/{num}.jpg \"{place} seen from the {river}\")") + "\n"
}

// closing ends the article with a link to another synthetic article and an
// address to write to.
func (s *story) closing() string {
	other := s.i - 1
	if other < 0 {
		other = 1
	}
	o := newStory(other)
	return s.paragraphOf(
		"Earlier coverage: ["+capitalize(o.title)+"](/articles/"+o.slug+").",
		"Readers can write to the {inst} at [consultation@"+slugify(s.place)+".example.org](mailto:consultation@"+slugify(s.place)+".example.org).",
	)
}

// paragraph is n sentences.
func (s *story) paragraph(n int) string {
	ss := make([]string, n)
	for k := range ss {
		ss[k] = s.sentence()
	}
	return wrap(strings.Join(ss, " "), "", "")
}

// paragraphWith is n sentences and ref, somewhere among them.
func (s *story) paragraphWith(ref string, n int) string {
	ss := make([]string, n)
	for k := range ss {
		ss[k] = s.sentence()
	}
	ss = slices.Insert(ss, s.r.IntN(n+1), ref)
	return wrap(strings.Join(ss, " "), "", "")
}

// paragraphOf fills in the sentences and wraps them as a paragraph.
func (s *story) paragraphOf(sentences ...string) string {
	for k, t := range sentences {
		sentences[k] = s.fill(t)
	}
	return wrap(strings.Join(sentences, " "), "", "")
}

func (s *story) sentence() string {
	return capitalize(s.fill(sentences[s.sentences.deal(s.r, len(sentences))]))
}

// fill replaces the words in braces in t. Two {other} in one t are two
// different places.
func (s *story) fill(t string) string {
	r := s.r
	var b strings.Builder
	b.Grow(len(t) + 32)
	others := s.others
	for {
		start := strings.IndexByte(t, '{')
		if start < 0 {
			b.WriteString(t)
			return b.String()
		}
		end := strings.IndexByte(t[start:], '}')
		if end < 0 {
			panic("synthetic: unclosed { in " + t)
		}
		b.WriteString(t[:start])
		key := t[start+1 : start+end]
		t = t[start+end+1:]
		switch key {
		case "place":
			b.WriteString(s.place)
		case "placeslug":
			b.WriteString(slugify(s.place))
		case "inst":
			b.WriteString(s.inst)
		case "obj":
			b.WriteString(s.object)
		case "objslug":
			b.WriteString(slugify(s.object))
		case "other":
			k := r.IntN(len(others))
			b.WriteString(others[k])
			others = slices.Delete(slices.Clone(others), k, k+1)
		case "river":
			b.WriteString(s.river)
		case "person":
			b.WriteString(pick(r, s.people).name)
		case "group":
			b.WriteString(pick(r, groups))
		case "adj":
			b.WriteString(pick(r, adjectives))
		case "month":
			b.WriteString(pick(r, months))
		case "weekday":
			b.WriteString(pick(r, weekdays))
		case "n":
			b.WriteString(pick(r, []string{"two", "three", "four", "five", "six", "seven", "eight", "nine"}))
		case "num":
			fmt.Fprintf(&b, "%d", 20+r.IntN(480))
		case "pct":
			fmt.Fprintf(&b, "%d", 5+r.IntN(80))
		case "year":
			fmt.Fprintf(&b, "%d", 2005+r.IntN(19))
		case "money":
			fmt.Fprintf(&b, "%d.%d million", 1+r.IntN(400), r.IntN(10))
		case "thousands":
			fmt.Fprintf(&b, "%d,%03d", 2+r.IntN(90), r.IntN(1000))
		case "code":
			fmt.Fprintf(&b, "CAP-%d-%02d", 2005+r.IntN(19), 1+r.IntN(40))
		case "url":
			fmt.Fprintf(&b, "https://www.example.org/%s/%s-%d", slugify(s.place), slugify(s.object), 1+r.IntN(999))
		default:
			panic("synthetic: unknown word {" + key + "}")
		}
	}
}

// wrap wraps text at 78 columns as Markdown: the first line starts with
// first, the others with rest. A line never starts with a word that could
// begin a list, heading, block quote or other block, so the text stays one
// paragraph.
func wrap(text, first, rest string) string {
	const width = 78
	var b strings.Builder
	b.Grow(len(first) + len(text) + len(text)/(width/2)*(len(rest)+1) + 1)
	b.WriteString(first)
	col := len(first)
	start := true
	for w := range strings.FieldsSeq(text) {
		switch {
		case start:
			start = false
		case col+1+len(w) > width && safeLineStart(w):
			b.WriteString("\n")
			b.WriteString(rest)
			col = len(rest)
		default:
			b.WriteString(" ")
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	b.WriteString("\n")
	return b.String()
}

func safeLineStart(word string) bool {
	switch {
	case word[0] >= '0' && word[0] <= '9': // "1." starts a list
		return false
	case strings.ContainsRune("<>#|:=", rune(word[0])): // HTML, block quote, heading, table, card, underline
		return false
	case strings.Trim(word, "-*+_") == "": // a bullet or a rule
		return false
	case strings.HasPrefix(word, "```"), strings.HasPrefix(word, "~~~"): // a code fence
		return false
	}
	return true
}

// slugify is the slug of words and digits, as the parser derives ids and
// slugs for text in the lists: lower case, apostrophes dropped, anything
// else a single hyphen.
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(c)
		case c == '\'':
		default:
			hyphen = true
		}
	}
	return b.String()
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// withThe puts "the" before a role, unless it already starts with "a ".
func withThe(role string) string {
	if strings.HasPrefix(role, "a ") {
		return role
	}
	return "the " + role
}

func lastName(name string) string {
	f := strings.Fields(name)
	return f[len(f)-1]
}

func pick[T any](r *rand.Rand, list []T) T {
	return list[r.IntN(len(list))]
}

// pickN picks n distinct elements of list, in random order.
func pickN[T any](r *rand.Rand, list []T, n int) []T {
	out := make([]T, n)
	for k, j := range r.Perm(len(list))[:n] {
		out[k] = list[j]
	}
	return out
}
