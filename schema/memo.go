package schema

import (
	"maps"
	"strings"
	"sync"
	"sync/atomic"
)

// memo remembers values by short texts for any number of goroutines. A
// look-up of a text it holds reads a map that never changes, with no lock
// and no write to memory the goroutines share, so that decoders reading
// side by side do not contend for it. A text put in waits, under a lock,
// until look-ups have taken the lock about as many times as there are
// texts waiting (and an eighth of those held); then all of them join a
// new map, so that building it costs a few copies a look-up at most.
type memo[V any] struct {
	held    atomic.Pointer[map[string]V]
	waiting atomic.Bool // texts wait in wait
	full    atomic.Bool // no more texts are put in
	mu      sync.Mutex
	wait    map[string]V
	misses  int
	limit   int // most texts remembered
}

func newMemo[V any](limit int) *memo[V] {
	m := &memo[V]{limit: limit}
	m.held.Store(&map[string]V{})
	return m
}

// get returns the value remembered for s.
// (Waiting is read first: texts are held before they stop waiting, so a
// text put before the look-up is found in one place or the other.)
func (m *memo[V]) get(s string) (V, bool) {
	waiting := m.waiting.Load()
	if v, ok := (*m.held.Load())[s]; ok || !waiting {
		return v, ok
	}
	return m.getWaiting(s)
}

// getBytes is get with the text as bytes, without copying them.
func (m *memo[V]) getBytes(b []byte) (V, bool) {
	waiting := m.waiting.Load()
	if v, ok := (*m.held.Load())[string(b)]; ok || !waiting {
		return v, ok
	}
	return m.getWaiting(string(b))
}

func (m *memo[V]) getWaiting(s string) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	held := *m.held.Load()
	v, ok := m.wait[s]
	if !ok {
		v, ok = held[s]
	}
	if m.misses++; m.misses >= len(m.wait)+len(held)/8 {
		next := make(map[string]V, len(held)+len(m.wait))
		maps.Copy(next, held)
		maps.Copy(next, m.wait)
		m.held.Store(&next)
		m.wait, m.misses = nil, 0
		m.waiting.Store(false)
	}
	return v, ok
}

// put remembers v for s, unless s is remembered already or the memo is
// full.
func (m *memo[V]) put(s string, v V) {
	if m.full.Load() {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	held := *m.held.Load()
	if len(held)+len(m.wait) >= m.limit {
		m.full.Store(true)
		return
	}
	if _, ok := held[s]; ok {
		return
	}
	if _, ok := m.wait[s]; ok {
		return
	}
	if m.wait == nil {
		m.wait = map[string]V{}
	}
	m.wait[strings.Clone(s)] = v
	m.waiting.Store(true)
}
