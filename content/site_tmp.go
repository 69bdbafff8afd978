package content

// Site is a TEMPORARY stand-in until the site settings land in the store.
func (s *Store) Site() Site { return DefaultSite() }
