package matters

import (
	"encoding"
	"fmt"
	"iter"
	"math/bits"
)

// OnlineItem is one item of the national multi-select 网上办理深度.
type OnlineItem uint8

// Online items with their national codes 1–7.
const (
	OnlineConsult  OnlineItem = 1 + iota // 互联网咨询
	OnlineReceive                        // 互联网收件
	OnlinePreview                        // 互联网预审
	OnlineAccept                         // 互联网受理
	OnlineHandle                         // 互联网办理
	OnlineFeedback                       // 互联网办理结果信息反馈
	OnlineLicence                        // 互联网电子证照反馈
)

var onlineItems = &enum{name: "网上办理深度",
	terms: []string{"互联网咨询", "互联网收件", "互联网预审", "互联网受理", "互联网办理", "互联网办理结果信息反馈", "互联网电子证照反馈"},
	codes: [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"7"}},
}

// ParseOnlineItem accepts the Chinese term or the national code 1–7.
func ParseOnlineItem(s string) (OnlineItem, error) {
	v, err := onlineItems.parse(s)
	return OnlineItem(v), err
}

func (o OnlineItem) String() string               { return onlineItems.str(uint8(o)) }
func (o OnlineItem) MarshalText() ([]byte, error) { return onlineItems.marshal(uint8(o)) }
func (o *OnlineItem) UnmarshalText(b []byte) error {
	v, err := onlineItems.unmarshal(b)
	*o = OnlineItem(v)
	return err
}

// Form is a handling form (办理形式).
type Form uint8

// Handling forms with their national codes 1–3.
const (
	AtWindow Form = 1 + iota // 窗口办理
	Online                   // 网上办理
	ByPost                   // 快递申请
)

var forms = &enum{name: "办理形式",
	terms: []string{"窗口办理", "网上办理", "快递申请"},
	// Platforms also write 邮寄申请 (or 邮寄) for an application by post.
	aliases: map[string]string{"邮寄申请": "快递申请", "邮寄": "快递申请", "邮寄办理": "快递申请"},
	codes:   [][]string{{"1"}, {"2"}, {"3"}},
}

// ParseForm accepts the Chinese term or the national code 1–3.
func ParseForm(s string) (Form, error) { v, err := forms.parse(s); return Form(v), err }

func (f Form) String() string               { return forms.str(uint8(f)) }
func (f Form) MarshalText() ([]byte, error) { return forms.marshal(uint8(f)) }
func (f *Form) UnmarshalText(b []byte) error {
	v, err := forms.unmarshal(b)
	*f = Form(v)
	return err
}

// ServiceObject is a kind of applicant (服务对象).
type ServiceObject uint8

// Service objects with their national codes 1–6 and 9.
const (
	NaturalPerson       ServiceObject = 1 + iota // 自然人
	EnterpriseLegal                              // 企业法人
	InstitutionLegal                             // 事业法人
	SocialOrgLegal                               // 社会组织法人
	UnincorporatedFirm                           // 非法人企业
	AdministrativeOrgan                          // 行政机关
	OtherOrganisation                            // 其他组织
)

var serviceObjects = &enum{name: "服务对象",
	terms: []string{"自然人", "企业法人", "事业法人", "社会组织法人", "非法人企业", "行政机关", "其他组织"},
	codes: [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"9"}},
}

// ParseServiceObject accepts the Chinese term or the national code.
func ParseServiceObject(s string) (ServiceObject, error) {
	v, err := serviceObjects.parse(s)
	return ServiceObject(v), err
}

func (o ServiceObject) String() string               { return serviceObjects.str(uint8(o)) }
func (o ServiceObject) MarshalText() ([]byte, error) { return serviceObjects.marshal(uint8(o)) }
func (o *ServiceObject) UnmarshalText(b []byte) error {
	v, err := serviceObjects.unmarshal(b)
	*o = ServiceObject(v)
	return err
}

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

// Depth is the four-level bucket platforms report for online depth:
// 一级 (consultation only), 二级 (documents sent online: receiving or
// pre-examination), 三级 (accepted online), 四级 (accepted and handled
// online: 全程网办). Zero means no online service at all.
type Depth uint8

// Online depth levels.
const (
	Depth1 Depth = 1 + iota // 一级
	Depth2                  // 二级
	Depth3                  // 三级
	Depth4                  // 四级 = 全程网办
)

var depths = &enum{name: "网办深度", terms: []string{"一级", "二级", "三级", "四级"}}

func (d Depth) String() string { return depths.str(uint8(d)) }

// MarshalText writes 一级 … 四级.
func (d Depth) MarshalText() ([]byte, error) { return depths.marshal(uint8(d)) }

// DepthOf returns the four-level bucket of the online items in s: 四级 when
// the application is both accepted (互联网受理) and handled (互联网办理)
// online, 三级 when it is accepted online, 二级 for 互联网收件, 互联网预审 or
// 互联网办理 without online acceptance, 一级 for anything else online
// (consultation, or results fed back online: 互联网办理结果信息反馈 and
// 互联网电子证照反馈 alone do not make a matter handled online).
func DepthOf(s Set[OnlineItem]) Depth {
	switch {
	case s.Has(OnlineAccept) && s.Has(OnlineHandle):
		return Depth4
	case s.Has(OnlineAccept):
		return Depth3
	case s.Has(OnlineReceive) || s.Has(OnlinePreview) || s.Has(OnlineHandle):
		return Depth2
	case s != 0:
		return Depth1
	}
	return 0
}
