package live

// assignSlugs decides which article each file serves so that no two share a
// slug, and sets the files' served and taken. names are the files' names,
// sorted.
//
// A file that serves its last parsed version, or an older one with the same
// slug, keeps its slug. The others (a new file, one whose slug changed, one
// refused before) claim their slug: a claim on a slug kept by another file
// is refused, and of two claims on one slug the first by name wins. A
// refused file serves what it served before, if anything, and that keeps its
// slug in turn, which can refuse other claims: so this repeats until no
// claim is refused. Two files swapping their slugs in one rescan both get
// their new ones.
func assignSlugs(names []string, files map[string]*file) {
	kept := map[string]string{} // slug → the file keeping it
	var claims []string         // files claiming parsed.Slug, by name
	for _, name := range names {
		f := files[name]
		f.taken = ""
		switch {
		case f.parsed == nil:
			f.served = nil
		case f.served != nil && f.served.Slug() == f.parsed.Slug():
			f.served = f.parsed
			kept[f.parsed.Slug()] = name
		default:
			claims = append(claims, name)
		}
	}
	var refused []string
	// refuse takes a claim back: the file serves what it served before,
	// whose slug it keeps. It reports whether that kept a slug.
	refuse := func(name string) bool {
		refused = append(refused, name)
		f := files[name]
		if f.served == nil {
			return false
		}
		kept[f.served.Slug()] = name
		return true
	}
	for {
		// Claims on kept slugs first: refusing one keeps another slug,
		// so it repeats until none is refused.
		keptMore := false
		var rest []string
		for _, name := range claims {
			if _, ok := kept[files[name].parsed.Slug()]; ok {
				keptMore = refuse(name) || keptMore
				continue
			}
			rest = append(rest, name)
		}
		claims = rest
		if keptMore {
			continue
		}
		// Then claims on one slug: the first by name wins.
		rest = nil
		won := map[string]bool{}
		for _, name := range claims {
			slug := files[name].parsed.Slug()
			if won[slug] {
				keptMore = refuse(name) || keptMore
				continue
			}
			won[slug] = true
			rest = append(rest, name)
		}
		claims = rest
		if !keptMore {
			break
		}
	}
	holders := make(map[string]string, len(names))
	for _, name := range claims {
		f := files[name]
		f.served = f.parsed
	}
	for _, name := range names {
		if f := files[name]; f.served != nil {
			holders[f.served.Slug()] = name
		}
	}
	for _, name := range refused {
		f := files[name]
		f.taken = holders[f.parsed.Slug()]
	}
}
