package matters

import (
	"encoding"
	"fmt"
	"iter"
	"math/bits"
)

// Set is a set of small enumerated values (online items, forms, service
// objects), held as a bit mask: comparable, allocation-free, iterated in
// code order. The zero value is the empty set.
type Set[T ~uint8] uint16

// SetOf returns the set holding vs.
func SetOf[T ~uint8](vs ...T) Set[T] {
	var s Set[T]
	for _, v := range vs {
		s = s.With(v)
	}
	return s
}

// With returns s with v added.
func (s Set[T]) With(v T) Set[T] {
	if v == 0 || v > 15 {
		return s
	}
	return s | 1<<v
}

// Has reports whether v is in s.
func (s Set[T]) Has(v T) bool { return v > 0 && v <= 15 && s&(1<<v) != 0 }

// Len returns the number of values in s.
func (s Set[T]) Len() int { return bits.OnesCount16(uint16(s)) }

// All iterates over the values of s in code order.
func (s Set[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := T(1); v <= 15; v++ {
			if s.Has(v) && !yield(v) {
				return
			}
		}
	}
}

// Slice returns the values of s in code order.
func (s Set[T]) Slice() []T {
	var out []T
	for v := range s.All() {
		out = append(out, v)
	}
	return out
}

// Texts returns the terms of the values of s in code order, as a
// document writes them.
func (s Set[T]) Texts() []string {
	var out []string
	for v := range s.All() {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// AddText adds the value named by its term or national code.
func (s *Set[T]) AddText(text string) error {
	var e *enum
	switch any(T(0)).(type) {
	case OnlineItem:
		e = onlineItems
	case Form:
		e = forms
	case ServiceObject:
		e = serviceObjects
	default:
		var v T
		u, ok := any(&v).(encoding.TextUnmarshaler)
		if !ok {
			return fmt.Errorf("matters: %T has no text form", v)
		}
		err := u.UnmarshalText([]byte(text))
		*s = s.With(v)
		return err
	}
	v, err := e.parse(text)
	*s = s.With(T(v))
	return err
}
