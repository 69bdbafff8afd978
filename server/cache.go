package server

import (
	"container/list"
	"sync"
)

// DefaultCacheBytes bounds the responses a server keeps made: about 2,500
// article pages with their compressed forms.
const DefaultCacheBytes = 128 << 20

// maxVariants bounds how many variants, responses shaped by a query (an
// embed's accent colour, an oEmbed size), the cache keeps: past it, they
// are made for each request, so that odd queries cannot crowd out pages.
const maxVariants = 1024

// responseCache keeps the responses made for one revision, the most
// recently used first, up to a number of bytes: a site of 10,000 articles
// does not hold every page in memory.
type responseCache struct {
	mu       sync.Mutex
	limit    int64
	size     int64
	variants int
	byKey    map[string]*list.Element // of *cacheEntry
	order    *list.List               // most recently used first
}

type cacheEntry struct {
	key     string
	res     *response
	variant bool
}

func newResponseCache(limit int64) *responseCache {
	return &responseCache{limit: limit, byKey: map[string]*list.Element{}, order: list.New()}
}

// size is what a response costs the cache: its bodies.
func (r *response) size() int64 {
	return int64(len(r.body.Identity)+len(r.body.Brotli)+len(r.body.Gzip)) + 256
}

// get returns the response under key, making it with make if it is not
// kept. Only successful responses are kept: a page that fails to render is
// tried again on the next request. A variant is kept only while there are
// fewer than maxVariants.
func (c *responseCache) get(key string, variant bool, make func() (*response, error)) (*response, error) {
	c.mu.Lock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		c.mu.Unlock()
		return e.Value.(*cacheEntry).res, nil
	}
	c.mu.Unlock()
	r, err := make()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok { // made meanwhile by another request
		return e.Value.(*cacheEntry).res, nil
	}
	if variant && c.variants >= maxVariants || r.size() > c.limit {
		return r, nil
	}
	c.byKey[key] = c.order.PushFront(&cacheEntry{key: key, res: r, variant: variant})
	c.size += r.size()
	if variant {
		c.variants++
	}
	for c.size > c.limit {
		c.remove(c.order.Back())
	}
	return r, nil
}

func (c *responseCache) remove(e *list.Element) {
	ce := c.order.Remove(e).(*cacheEntry)
	delete(c.byKey, ce.key)
	c.size -= ce.res.size()
	if ce.variant {
		c.variants--
	}
}

// stats returns how many responses and variants are kept, and their size.
func (c *responseCache) stats() (responses, variants int, size int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.byKey), c.variants, c.size
}
