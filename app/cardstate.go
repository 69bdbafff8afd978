package app

import (
	"iter"
	"slices"

	"backstory/content"
)

// cardPlan says where an article's cards stand by default and where a card
// reference may bring one: a card's home is the index of its block in the
// article's body; a dock is the place right after a body block that holds
// card references, where a tapped reference opens its card.
type cardPlan struct {
	home    map[string]int // card id → index of its block
	docked  map[int]bool   // body blocks followed by a dock
	isCard  []bool         // body block i is a card
	cardIDs []string       // in reading order
}

func newCardPlan(a *content.Article) cardPlan {
	p := cardPlan{home: map[string]int{}, docked: map[int]bool{}, isCard: make([]bool, len(a.Blocks))}
	for i, b := range a.Blocks {
		if b.Kind == content.BlockCard {
			p.home[b.ID] = i
			p.isCard[i] = true
			p.cardIDs = append(p.cardIDs, b.ID)
			if c, ok := a.Card(b.ID); ok && hasRefs(c.Descendants()) {
				p.docked[i] = true
			}
			continue
		}
		if hasRefs(content.Descendants(a.Blocks[i : i+1])) {
			p.docked[i] = true
		}
	}
	return p
}

// refPlace is where a card reference stands: in body block Block, and if
// that block is a card or the reference is inside a card, InCard.
type refPlace struct {
	Block  int
	InCard string
}

// cardState is what the reader did with an article's cards: which are open,
// and which stand in a dock instead of at home.
type cardState struct {
	open  map[string]bool
	docks map[int][]string // body block index → cards docked after it, in order
}

func newCardState() cardState {
	return cardState{open: map[string]bool{}, docks: map[int][]string{}}
}

// dockOf returns the dock a card stands in, or -1 when it is at home.
func (s *cardState) dockOf(id string) int {
	for block, ids := range s.docks {
		if slices.Contains(ids, id) {
			return block
		}
	}
	return -1
}

func (s *cardState) undock(id string) {
	if block := s.dockOf(id); block >= 0 {
		s.docks[block] = slices.DeleteFunc(s.docks[block], func(c string) bool { return c == id })
		if len(s.docks[block]) == 0 {
			delete(s.docks, block)
		}
	}
}

// tapRef handles a tap on a reference to card id at place, and reports
// whether the card is now open. A closed card opens where the reader is: if
// it does not already stand right after the reference's block, it moves
// into the dock there. Tapping the reference of an open card that stands
// there closes it; an open card elsewhere moves here and stays open.
func (s *cardState) tapRef(p cardPlan, id string, at refPlace) bool {
	if _, ok := p.home[id]; !ok {
		return false
	}
	near := s.isNear(p, id, at)
	if s.open[id] && near {
		delete(s.open, id)
		return false
	}
	if !near {
		s.moveNear(p, id, at)
	}
	s.open[id] = true
	return true
}

// isNear reports whether card id stands right after the reference: in the
// reference's dock, or at home with only cards between it and the
// reference's block.
func (s *cardState) isNear(p cardPlan, id string, at refPlace) bool {
	target, after := s.target(p, at)
	if d := s.dockOf(id); d >= 0 {
		return d == target && (after == "" || slices.Index(s.docks[d], id) > slices.Index(s.docks[d], after))
	}
	home := p.home[id]
	if home <= at.Block {
		return false
	}
	for i := at.Block + 1; i < home; i++ {
		if !p.isCard[i] {
			return false
		}
	}
	return true
}

// target is the dock a reference at place opens cards in, and the card they
// go after in it ("" for the front).
func (s *cardState) target(p cardPlan, at refPlace) (dock int, after string) {
	if at.InCard != "" {
		if d := s.dockOf(at.InCard); d >= 0 {
			return d, at.InCard
		}
	}
	return at.Block, ""
}

func (s *cardState) moveNear(p cardPlan, id string, at refPlace) {
	s.undock(id)
	dock, after := s.target(p, at)
	if !p.docked[dock] {
		return // no dock there: the card opens at home
	}
	ids := s.docks[dock]
	i := 0
	if after != "" {
		i = slices.Index(ids, after) + 1
	}
	s.docks[dock] = slices.Insert(ids, i, id)
}

// setAll opens or closes every card where it stands.
func (s *cardState) setAll(p cardPlan, open bool) {
	for _, id := range p.cardIDs {
		if open {
			s.open[id] = true
		} else {
			delete(s.open, id)
		}
	}
}

// allOpen reports whether every card is open.
func (s *cardState) allOpen(p cardPlan) bool {
	for _, id := range p.cardIDs {
		if !s.open[id] {
			return false
		}
	}
	return len(p.cardIDs) > 0
}

// hasRefs reports whether any of blocks holds a card reference.
func hasRefs(blocks iter.Seq[*content.Block]) bool {
	for b := range blocks {
		for r := range b.Runs() {
			if r.Kind == content.InlineCardRef {
				return true
			}
		}
	}
	return false
}
