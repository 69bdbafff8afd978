package synthetic

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// SharedCardID is the id of the j-th shared card, "shared-000042".
func SharedCardID(j int) string { return fmt.Sprintf("shared-%06d", j) }

// SharedCard returns the j-th shared card: its path, cards/{id}.md, and its
// Markdown source, a background card of about 600 bytes.
func SharedCard(j int) (name string, src []byte) {
	town := places[j%len(places)]
	var b strings.Builder
	fmt.Fprintf(&b, "---\nkind: background\ntitle: The %s question, part %d\nupdated: 2024-%02d-%02d\n---\n\n", town, j, 1+j%12, 1+j%28)
	for k := range 3 {
		fmt.Fprintf(&b, "The %s council has argued about this since %d. ", town, 1990+(j+k)%30)
		b.WriteString("Residents, traders and the regional authority each hold a view, and every new proposal reopens the old dispute about who pays and who decides. ")
	}
	b.WriteString("\n")
	return path.Join("cards", SharedCardID(j)+".md"), []byte(b.String())
}

// Placed lists the shared cards (of m) that the i-th article places when
// articles place shared cards: 1 to 3 of them, so that each card is used by
// about 2n/m of n articles; and every tenth article places card 0 too, the
// most used, by about n/10.
func Placed(i, m int) []int {
	k := 1 + i%3
	placed := make([]int, 0, k+1)
	if i%10 == 0 {
		placed = append(placed, 0)
	}
	for j := range k {
		c := (i*7 + j*131) % m
		if !containsInt(placed, c) {
			placed = append(placed, c)
		}
	}
	return placed
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// ArticlePlacing is Article(i) with a closing paragraph that refers to the
// shared cards Placed(i, m) and places each.
func ArticlePlacing(i, m int) (name string, src []byte) {
	name, src = Article(i)
	var b strings.Builder
	b.Write(src)
	b.WriteString("\nFor the wider story, see")
	for n, j := range Placed(i, m) {
		if n > 0 {
			b.WriteString(" and")
		}
		fmt.Fprintf(&b, " [part %d](#%s)", j, SharedCardID(j))
	}
	b.WriteString(".\n")
	for _, j := range Placed(i, m) {
		fmt.Fprintf(&b, "\n::card{#%s}\n", SharedCardID(j))
	}
	return name, []byte(b.String())
}

// FSWithCards returns articles 0..n-1, each placing shared cards
// (ArticlePlacing), and the m shared cards, in cards/.
func FSWithCards(n, m int) fs.FS {
	fsys := make(fstest.MapFS, n+m)
	for i := range n {
		name, src := ArticlePlacing(i, m)
		fsys[name] = &fstest.MapFile{Data: src, Mode: 0o644}
	}
	for j := range m {
		name, src := SharedCard(j)
		fsys[name] = &fstest.MapFile{Data: src, Mode: 0o644}
	}
	return fsys
}

// WriteDirWithCards writes FSWithCards(n, m) into dir, creating it if need
// be.
func WriteDirWithCards(dir string, n, m int) error {
	if err := os.MkdirAll(filepath.Join(dir, "cards"), 0o755); err != nil {
		return err
	}
	return os.CopyFS(dir, FSWithCards(n, m))
}
