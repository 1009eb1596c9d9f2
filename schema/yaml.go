package schema

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// ParseYAML reads the single YAML document in data and normalises it to
// JSON types (see [Node]). Problems carry file and positions; on a syntax
// error the returned node is nil.
func ParseYAML(file string, data []byte) (*Node, List) {
	return parseYAMLAt(file, data, 0)
}

// parseYAMLAt parses data that starts after line lineOffset of file.
func parseYAMLAt(file string, data []byte, lineOffset int) (*Node, List) {
	return parseYAMLText(file, data, lineOffset, false)
}

// parseYAMLText is parseYAMLAt for data whose bytes are known to be YAML
// text when checked is true: a stream checks each line as it reads it.
func parseYAMLText(file string, data []byte, lineOffset int, checked bool) (*Node, List) {
	if len(data) > MaxYAMLText {
		p := Errorf(Root, PosAt(file, data, MaxYAMLText), RuleTooLarge,
			"YAML read in one piece is larger than %s (the reading budget); write it in block layout, which is streamed, or as JSON", Bytes(MaxYAMLText))
		p.Err = ErrTooLarge
		p.Pos.Line += lineOffset
		return nil, List{p}
	}
	if !checked && !utf16BOM(data) {
		// yaml.v3 reports bad bytes without a line: find them first.
		if off, what, bad := badText(data, false); bad {
			p := &Problem{Pos: PosAt(file, data, off), Rule: RuleBadText, Message: what + " in YAML text"}
			p.Pos.Line += lineOffset
			return nil, List{p}
		}
	}
	if n, ok := fastParseYAML(file, data, lineOffset); ok {
		return n, nil
	}
	return parseYAMLSlow(file, data, lineOffset)
}

// parseYAMLSlow parses checked text with yaml.v3, which reads all of YAML.
func parseYAMLSlow(file string, data []byte, lineOffset int) (*Node, List) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, List{Errorf(Root, Pos{File: file, Line: 1 + lineOffset, Col: 1}, RuleEmpty, "document is empty")}
		}
		p := yamlError(file, data, err)
		p.Pos.Line += lineOffset
		return nil, List{p}
	}
	c := &yamlConverter{file: file, active: map[*yaml.Node]bool{}, lineOffset: lineOffset}
	n := c.node(&doc, 0)
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		c.probs.Add(Errorf(Root, Pos{File: file, Line: extra.Line + lineOffset, Col: extra.Column}, RuleMultipleDocs, "more than one YAML document; only the first is read"))
	} else if !errors.Is(err, io.EOF) {
		p := yamlError(file, data, err)
		p.Pos.Line += lineOffset
		c.probs.Add(p)
	}
	if c.fatal {
		return nil, c.probs
	}
	return n, c.probs
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlError turns a yaml.v3 error into a located problem. yaml.v3 reports
// only a line; the column given is that of the line's first non-blank
// character.
func yamlError(file string, data []byte, err error) *Problem {
	msg := err.Error()
	line := 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		}
		msg = m[2]
	}
	col := 1
	lines := bytes.Split(data, []byte("\n"))
	if line >= 1 && line <= len(lines) {
		l := lines[line-1]
		col = len([]rune(string(l))) - len([]rune(strings.TrimLeft(string(l), " \t"))) + 1
	}
	return &Problem{Pos: Pos{File: file, Line: line, Col: col}, Rule: RuleSyntax, Message: msg, Err: err}
}

type yamlConverter struct {
	file     string
	probs    List
	fatal    bool
	stack    []seg
	active   map[*yaml.Node]bool // anchors being expanded, against cycles
	direct   int                 // nodes read from the text
	expanded int                 // nodes produced by expanding aliases
	inAlias  int
	// lineOffset is added to every line: the text parsed starts after
	// that many lines of its file.
	lineOffset int
}

func (c *yamlConverter) pos(y *yaml.Node) Pos {
	return Pos{File: c.file, Line: y.Line + c.lineOffset, Col: y.Column}
}

func (c *yamlConverter) errorf(y *yaml.Node, rule Rule, format string, args ...any) {
	c.probs.Add(Errorf(pathOf(c.stack), c.pos(y), rule, format, args...))
}

func (c *yamlConverter) count() bool {
	if c.inAlias > 0 {
		c.expanded++
		if c.expanded > 100_000 && c.expanded > 10*c.direct {
			return false
		}
	} else {
		c.direct++
	}
	return true
}

func (c *yamlConverter) node(y *yaml.Node, depth int) *Node {
	if c.fatal {
		return &Node{Kind: Null}
	}
	if depth > MaxDepth {
		c.errorf(y, RuleTooDeep, "nesting deeper than %d levels", MaxDepth)
		c.fatal = true
		return &Node{Kind: Null}
	}
	if !c.count() {
		c.errorf(y, RuleAliasExpansion, "aliases expand to more than ten times the document's size")
		c.fatal = true
		return &Node{Kind: Null}
	}
	switch y.Kind {
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			c.errorf(y, RuleEmpty, "document is empty")
			c.fatal = true
			return &Node{Kind: Null}
		}
		return c.node(y.Content[0], depth)
	case yaml.AliasNode:
		if y.Alias == nil || c.active[y.Alias] {
			c.errorf(y, RuleAliasExpansion, "alias *%s refers to a node that contains it", y.Value)
			c.fatal = true
			return &Node{Kind: Null}
		}
		c.active[y.Alias] = true
		c.inAlias++
		n := c.node(y.Alias, depth)
		c.inAlias--
		delete(c.active, y.Alias)
		n.Pos = c.pos(y)
		return n
	case yaml.ScalarNode:
		return c.scalar(y)
	case yaml.SequenceNode:
		n := &Node{Kind: Array, Pos: c.pos(y), Items: make([]*Node, 0, len(y.Content))}
		if y.Anchor != "" {
			c.active[y] = true
			defer delete(c.active, y)
		}
		for i, item := range y.Content {
			c.stack = append(c.stack, seg{idx: i})
			n.Items = append(n.Items, c.node(item, depth+1))
			c.stack = c.stack[:len(c.stack)-1]
		}
		return n
	case yaml.MappingNode:
		n := &Node{Kind: Object, Pos: c.pos(y), Fields: make([]Field, 0, len(y.Content)/2)}
		if y.Anchor != "" {
			c.active[y] = true
			defer delete(c.active, y)
		}
		c.mapping(n, y, depth, false)
		return n
	}
	c.errorf(y, RuleSyntax, "unsupported YAML node")
	return &Node{Kind: Null, Pos: c.pos(y)}
}

// mapping adds the pairs of y to n. Merge keys (<<) add the members of the
// merged mappings that n does not define itself.
func (c *yamlConverter) mapping(n *Node, y *yaml.Node, depth int, merging bool) {
	var merges []*yaml.Node
	for i := 0; i+1 < len(y.Content); i += 2 {
		k, v := y.Content[i], y.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			c.errorf(k, RuleNonScalarKey, "mapping key is a %s, not a scalar", yamlKindName(k.Kind))
			continue
		}
		key := k.Value
		if existing := n.Field(key); existing != nil {
			if !merging {
				c.probs.Add(Errorf(pathOf(c.stack).Key(key), c.pos(k), RuleDuplicateKey, "duplicate key %q", key))
				c.stack = append(c.stack, seg{key: key, idx: -1})
				existing.Value = c.node(v, depth+1)
				c.stack = c.stack[:len(c.stack)-1]
			}
			continue
		}
		c.stack = append(c.stack, seg{key: key, idx: -1})
		n.Fields = append(n.Fields, Field{Key: key, KeyPos: c.pos(k), Value: c.node(v, depth+1)})
		c.stack = c.stack[:len(c.stack)-1]
	}
	for _, m := range merges {
		m = resolveAlias(m)
		switch m.Kind {
		case yaml.MappingNode:
			c.merge(n, m, depth)
		case yaml.SequenceNode:
			for _, e := range m.Content {
				if e = resolveAlias(e); e.Kind == yaml.MappingNode {
					c.merge(n, e, depth)
				}
			}
		default:
			c.errorf(m, RuleSyntax, "merge key << needs a mapping or a sequence of mappings")
		}
	}
}

// merge adds the members of the merged mapping m to n, refusing a mapping
// that merges itself.
func (c *yamlConverter) merge(n *Node, m *yaml.Node, depth int) {
	if c.fatal {
		return
	}
	if c.active[m] || depth > MaxDepth {
		c.errorf(m, RuleAliasExpansion, "merge key << refers to a mapping that contains it")
		c.fatal = true
		return
	}
	c.active[m] = true
	c.inAlias++
	c.mapping(n, m, depth+1, true)
	c.inAlias--
	delete(c.active, m)
}

func resolveAlias(y *yaml.Node) *yaml.Node {
	for i := 0; y.Kind == yaml.AliasNode && y.Alias != nil && i < 100; i++ {
		y = y.Alias
	}
	return y
}

func yamlKindName(k yaml.Kind) string {
	switch k {
	case yaml.SequenceNode:
		return "sequence"
	case yaml.MappingNode:
		return "mapping"
	case yaml.AliasNode:
		return "alias"
	}
	return "scalar"
}

// scalar converts a scalar, refusing numbers outside the exact range.
func (c *yamlConverter) scalar(y *yaml.Node) *Node {
	n := c.scalarNode(y)
	if n.Kind == Number {
		if msg, bad := numberRange(n.Value); bad {
			// As in JSON, the document is not read: no validator or
			// decoder should see a number it would read as another.
			c.errorf(y, RuleNumberRange, "%s", msg)
			c.fatal = true
			return &Node{Kind: String, Pos: n.Pos, Value: y.Value}
		}
	}
	return n
}

// leadingZero reports whether an integer's text has a leading zero
// followed by a digit (010, -0012, 0_10), not 0, 0x1F or 0o17.
func leadingZero(s string) bool {
	s = strings.TrimLeft(s, "+-")
	if len(s) < 2 || s[0] != '0' {
		return false
	}
	for _, c := range s[1:] {
		if (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// utf16BOM reports whether data starts with a UTF-16 byte-order mark,
// which yaml.v3 decodes itself.
func utf16BOM(data []byte) bool {
	return len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF)
}

func (c *yamlConverter) scalarNode(y *yaml.Node) *Node {
	pos := c.pos(y)
	switch y.ShortTag() {
	case "!!null":
		return &Node{Kind: Null, Pos: pos}
	case "!!bool":
		var b bool
		if err := y.Decode(&b); err != nil {
			return &Node{Kind: String, Pos: pos, Value: y.Value}
		}
		return &Node{Kind: Bool, Pos: pos, Value: strconv.FormatBool(b)}
	case "!!int":
		if leadingZero(y.Value) {
			// YAML 1.1 reads 010 as octal 8, YAML 1.2 and people as ten:
			// refuse to guess, and read it as the decimal it looks like.
			d := strings.TrimLeft(strings.TrimLeft(y.Value, "+-"), "0_")
			if d == "" {
				d = "0"
			}
			if strings.HasPrefix(y.Value, "-") {
				d = "-" + d
			}
			c.errorf(y, RuleLeadingZero, "integer %s has a leading zero, which YAML 1.1 reads as octal; write %s (or quote it if it is a code)", y.Value, d)
			return &Node{Kind: Number, Pos: pos, Value: strings.ReplaceAll(d, "_", "")}
		}
		var v any
		if err := y.Decode(&v); err == nil {
			switch v := v.(type) {
			case int:
				return &Node{Kind: Number, Pos: pos, Value: strconv.Itoa(v)}
			case int64:
				return &Node{Kind: Number, Pos: pos, Value: strconv.FormatInt(v, 10)}
			case uint64:
				return &Node{Kind: Number, Pos: pos, Value: strconv.FormatUint(v, 10)}
			case float64:
				return c.float(y, v)
			}
		}
		// Too large for 64 bits: keep plain decimal digits as they are.
		s := strings.ReplaceAll(y.Value, "_", "")
		if isJSONNumber(s) {
			return &Node{Kind: Number, Pos: pos, Value: s}
		}
		c.errorf(y, RuleNonJSONNumber, "integer %s cannot be represented in JSON", y.Value)
		return &Node{Kind: String, Pos: pos, Value: y.Value}
	case "!!float":
		var f float64
		if err := y.Decode(&f); err != nil {
			return &Node{Kind: String, Pos: pos, Value: y.Value}
		}
		if isJSONNumber(y.Value) {
			return &Node{Kind: Number, Pos: pos, Value: y.Value}
		}
		return c.float(y, f)
	}
	// !!str, !!timestamp, !!binary and local tags: the text as written.
	return &Node{Kind: String, Pos: pos, Value: y.Value}
}

func (c *yamlConverter) float(y *yaml.Node, f float64) *Node {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		c.errorf(y, RuleNonJSONNumber, "%s is not a JSON number", y.Value)
		return &Node{Kind: String, Pos: c.pos(y), Value: y.Value}
	}
	return &Node{Kind: Number, Pos: c.pos(y), Value: strconv.FormatFloat(f, 'g', -1, 64)}
}

func isJSONNumber(s string) bool {
	p := &jsonParser{data: []byte(s)}
	ok := true
	func() {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		p.number()
	}()
	return ok && p.off == len(s)
}

// Parse reads a YAML or JSON document. A name ending in .json is read as
// JSON, one ending in .yaml or .yml as YAML; otherwise text whose first
// character is '{' or '[' is tried as JSON first, then as YAML.
func Parse(file string, data []byte) (*Node, List) {
	lower := strings.ToLower(file)
	switch {
	case strings.HasSuffix(lower, ".json"):
		return ParseJSON(file, data)
	case strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"):
		return ParseYAML(file, data)
	}
	if looksJSON(data) {
		n, probs := ParseJSON(file, data)
		if n != nil {
			return n, probs
		}
		if yn, yprobs := ParseYAML(file, data); yn != nil {
			return yn, yprobs
		}
		return nil, probs
	}
	return ParseYAML(file, data)
}

func looksJSON(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && (data[0] == '{' || data[0] == '[')
}

// toYAML returns the node as a yaml.v3 node tree, for writing YAML with
// members in document order. Strings that YAML would read as another type
// are quoted by the encoder.
func (n *Node) toYAML() *yaml.Node {
	if n == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	switch n.Kind {
	case Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: n.Value}
	case Number:
		tag := "!!int"
		if strings.ContainsAny(n.Value, ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: n.Value}
	case String:
		y := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: n.Value}
		if strings.Contains(n.Value, "\n") {
			y.Style = yaml.LiteralStyle
		}
		return y
	case Object:
		y := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, f := range n.Fields {
			y.Content = append(y.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Key},
				f.Value.toYAML())
		}
		if len(n.Fields) == 0 {
			y.Style = yaml.FlowStyle
		}
		return y
	case Array:
		y := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, it := range n.Items {
			y.Content = append(y.Content, it.toYAML())
		}
		if len(n.Items) == 0 || allScalars(n.Items) && len(n.Items) <= 8 {
			y.Style = yaml.FlowStyle
		}
		return y
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

func allScalars(items []*Node) bool {
	for _, it := range items {
		if it.Kind == Object || it.Kind == Array || it.Kind == String && strings.Contains(it.Value, "\n") {
			return false
		}
	}
	return true
}

// YAML writes the node as a YAML document, two-space indented.
func (n *Node) YAML() ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n.toYAML()); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return b.Bytes(), nil
}
