package schema

import (
	"strconv"
	"sync"
	"testing"
)

func TestMemo(t *testing.T) {
	m := newMemo[int](100)
	if _, ok := m.get("a"); ok {
		t.Fatal("an empty memo holds a")
	}
	b := []byte("a")
	m.put(string(b), 1)
	b[0] = 'z' // put keeps its own copy
	m.put("a", 2)
	for range 3 {
		if v, ok := m.get("a"); !ok || v != 1 {
			t.Fatalf("get(a) = %d, %v; want 1, true", v, ok)
		}
		if v, ok := m.getBytes([]byte("a")); !ok || v != 1 {
			t.Fatalf("getBytes(a) = %d, %v; want 1, true", v, ok)
		}
	}
	if m.waiting.Load() {
		t.Error("a looked up again and again still waits")
	}
	if len(*m.held.Load()) != 1 {
		t.Errorf("%d texts held, want 1", len(*m.held.Load()))
	}
	for i := range 1000 {
		m.put(strconv.Itoa(i), i)
		if i%7 == 0 {
			m.get(strconv.Itoa(i / 2))
		}
	}
	n := 0
	for i := range 1000 {
		if v, ok := m.get(strconv.Itoa(i)); ok {
			if v != i {
				t.Fatalf("get(%d) = %d", i, v)
			}
			n++
		}
	}
	if n != 99 { // a and the first 99
		t.Errorf("%d numbers remembered, want 99 (the memo holds 100)", n)
	}
}

// Goroutines reading and putting side by side see every value they put
// (run with -race).
func TestMemoConcurrent(t *testing.T) {
	m := newMemo[int](1 << 20)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				k := strconv.Itoa(i%500*4 + g)
				if v, ok := m.get(k); ok && v != i%500*4+g {
					t.Errorf("get(%s) = %d", k, v)
					return
				}
				m.put(k, i%500*4+g)
				if v, ok := m.getBytes([]byte(k)); !ok || v != i%500*4+g {
					t.Errorf("getBytes(%s) = %d, %v after put", k, v, ok)
					return
				}
			}
		}()
	}
	wg.Wait()
}
