package session

import (
	"bytes"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds the JSON tokens of the event log: a writer that appends
// values and a decoder that reads them, strictly. codec_fields.go maps
// them to events.

// writer appends JSON to dst and keeps the first error.
type writer struct {
	dst []byte
	err error
}

func (w *writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *writer) raw(s string) { w.dst = append(w.dst, s...) }

// key appends ,"key": (or "key": first in an object).
func (w *writer) key(k string, first bool) {
	if !first {
		w.dst = append(w.dst, ',')
	}
	w.dst = append(w.dst, '"')
	w.dst = append(w.dst, k...)
	w.dst = append(w.dst, '"', ':')
}

// str appends s as a JSON string. Invalid UTF-8 is an error naming path.
func (w *writer) str(s, path string) {
	const hex = "0123456789abcdef"
	w.dst = append(w.dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				w.fail(&FieldError{Pkg: "session", Path: path, Problem: "not valid UTF-8"})
				return
			}
			i += size
			continue
		}
		w.dst = append(w.dst, s[start:i]...)
		switch c {
		case '"', '\\':
			w.dst = append(w.dst, '\\', c)
		case '\n':
			w.dst = append(w.dst, '\\', 'n')
		case '\r':
			w.dst = append(w.dst, '\\', 'r')
		case '\t':
			w.dst = append(w.dst, '\\', 't')
		default:
			w.dst = append(w.dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		i++
		start = i
	}
	w.dst = append(w.dst, s[start:]...)
	w.dst = append(w.dst, '"')
}

// name appends the text form of an enum value, or fails naming path when
// the value has none.
func (w *writer) name(names []string, v uint8, typ, path string) {
	if int(v) >= len(names) {
		w.fail(&FieldError{Pkg: "session", Path: path, Problem: "unknown " + typ + " " + strconv.Itoa(int(v)), Err: ErrUnknownValue})
		return
	}
	w.dst = append(w.dst, '"')
	w.dst = append(w.dst, names[v]...)
	w.dst = append(w.dst, '"')
}

// appendDuration appends d as Go duration text in the largest unit that
// holds it exactly: "15m", "90s", "1500ms", "7ns".
func appendDuration(dst []byte, d time.Duration) []byte {
	units := [...]struct {
		d    time.Duration
		name string
	}{{time.Minute, "m"}, {time.Second, "s"}, {time.Millisecond, "ms"}, {time.Microsecond, "us"}}
	if d == 0 {
		return append(dst, "0s"...)
	}
	for _, u := range units {
		if d%u.d == 0 {
			dst = strconv.AppendInt(dst, int64(d/u.d), 10)
			return append(dst, u.name...)
		}
	}
	dst = strconv.AppendInt(dst, int64(d), 10)
	return append(dst, "ns"...)
}

// parseDuration parses Go duration text. The form appendDuration writes
// (an integer and one unit) is parsed without allocating; anything else
// goes to time.ParseDuration.
func parseDuration(b []byte) (time.Duration, error) {
	i := 0
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		i++
	}
	start := i
	var n uint64
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9' && i-start < 18; i++ {
		n = n*10 + uint64(b[i]-'0')
	}
	if i > start && (i == len(b) || b[i] < '0' || b[i] > '9') {
		var unit time.Duration
		switch string(b[i:]) {
		case "h":
			unit = time.Hour
		case "m":
			unit = time.Minute
		case "s":
			unit = time.Second
		case "ms":
			unit = time.Millisecond
		case "us", "µs", "μs":
			unit = time.Microsecond
		case "ns":
			unit = time.Nanosecond
		}
		if unit != 0 && n <= uint64(1<<63-1)/uint64(unit) {
			d := time.Duration(n) * unit
			if neg {
				d = -d
			}
			return d, nil
		}
	}
	return time.ParseDuration(string(b))
}

// decoder reads JSON values one at a time from data, strictly: no nulls
// where a value is expected, no trailing text, valid UTF-8 only. Short
// identifier strings are interned across lines, so a long log shares them.
type decoder struct {
	data   []byte
	pos    int
	buf    []byte // scratch for unescaped strings
	intern map[string]string
	zones  map[int]*time.Location // by UTC offset, see zone
}

func syntaxErr(path, problem string) error {
	return &FieldError{Pkg: "session", Path: path, Problem: problem, Err: ErrSyntax}
}

func (d *decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// next skips white space and returns the next byte without consuming it,
// or 0 at the end.
func (d *decoder) next() byte {
	d.ws()
	if d.pos >= len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

func (d *decoder) expect(c byte, path string) error {
	if d.next() != c {
		return syntaxErr(path, "expected "+strconv.QuoteRune(rune(c)))
	}
	d.pos++
	return nil
}

// end reports an error unless only white space is left.
func (d *decoder) end() error {
	d.ws()
	if d.pos != len(d.data) {
		return syntaxErr("", "unexpected text after the object")
	}
	return nil
}

// object parses {"key": value, ...}, calling fn with each key positioned
// at its value.
func (d *decoder) object(path string, fn func(key []byte) error) error {
	if err := d.expect('{', path); err != nil {
		return err
	}
	if d.next() == '}' {
		d.pos++
		return nil
	}
	for {
		key, err := d.str(path)
		if err != nil {
			return err
		}
		if err := d.expect(':', path); err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
		switch d.next() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return nil
		default:
			return syntaxErr(path, "expected ',' or '}'")
		}
	}
}

// array parses [value, ...], calling fn at each value.
func (d *decoder) array(path string, fn func() error) error {
	if err := d.expect('[', path); err != nil {
		return err
	}
	if d.next() == ']' {
		d.pos++
		return nil
	}
	for {
		if err := fn(); err != nil {
			return err
		}
		switch d.next() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return nil
		default:
			return syntaxErr(path, "expected ',' or ']'")
		}
	}
}

// str parses a JSON string and returns its contents, valid until the next
// call. Strings must be valid UTF-8; lone surrogate escapes become U+FFFD.
func (d *decoder) str(path string) ([]byte, error) {
	if d.next() != '"' {
		return nil, syntaxErr(path, "expected a string")
	}
	d.pos++
	start := d.pos
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			s := d.data[start:d.pos]
			d.pos++
			return s, nil
		case c == '\\':
			return d.strSlow(path, start)
		case c < 0x20:
			return nil, syntaxErr(path, "control character in string")
		case c < utf8.RuneSelf:
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				return nil, syntaxErr(path, "invalid UTF-8 in string")
			}
			d.pos += size
		}
	}
	return nil, syntaxErr(path, "unterminated string")
}

// strSlow finishes a string that has escapes, unescaping into d.buf.
func (d *decoder) strSlow(path string, start int) ([]byte, error) {
	d.buf = append(d.buf[:0], d.data[start:d.pos]...)
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			return d.buf, nil
		case c == '\\':
			if d.pos+1 >= len(d.data) {
				return nil, syntaxErr(path, "unterminated escape")
			}
			esc := d.data[d.pos+1]
			d.pos += 2
			if r, ok := simpleEscape(esc); ok {
				d.buf = append(d.buf, r)
				continue
			}
			if esc != 'u' {
				return nil, syntaxErr(path, "bad escape")
			}
			r, ok := d.hex4()
			if !ok {
				return nil, syntaxErr(path, "bad \\u escape")
			}
			if utf16.IsSurrogate(r) {
				r = d.lowSurrogate(r)
			}
			d.buf = utf8.AppendRune(d.buf, r)
		case c < 0x20:
			return nil, syntaxErr(path, "control character in string")
		case c < utf8.RuneSelf:
			d.buf = append(d.buf, c)
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				return nil, syntaxErr(path, "invalid UTF-8 in string")
			}
			d.buf = append(d.buf, d.data[d.pos:d.pos+size]...)
			d.pos += size
		}
	}
	return nil, syntaxErr(path, "unterminated string")
}

// simpleEscape returns the byte a one-letter JSON escape stands for.
func simpleEscape(esc byte) (byte, bool) {
	switch esc {
	case '"', '\\', '/':
		return esc, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}

// lowSurrogate completes the surrogate pair begun by hi with a following
// \uXXXX escape, or returns U+FFFD and leaves the input where it was.
func (d *decoder) lowSurrogate(hi rune) rune {
	if d.pos+1 < len(d.data) && d.data[d.pos] == '\\' && d.data[d.pos+1] == 'u' {
		save := d.pos
		d.pos += 2
		if lo, ok := d.hex4(); ok {
			if r := utf16.DecodeRune(hi, lo); r != utf8.RuneError {
				return r
			}
		}
		d.pos = save
	}
	return utf8.RuneError
}

func (d *decoder) hex4() (rune, bool) {
	if d.pos+4 > len(d.data) {
		return 0, false
	}
	var r rune
	for _, c := range d.data[d.pos : d.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	d.pos += 4
	return r, true
}

// text parses a string into a fresh Go string.
func (d *decoder) text(path string) (string, error) {
	b, err := d.str(path)
	return string(b), err
}

// maxIntern bounds the interning table, so a hostile log cannot grow it
// without limit.
const maxIntern = 4096

// istr parses a short identifier-like string, interned across lines.
func (d *decoder) istr(path string) (string, error) {
	b, err := d.str(path)
	if err != nil {
		return "", err
	}
	return d.internBytes(b), nil
}

func (d *decoder) internBytes(b []byte) string {
	if d.intern == nil || len(b) > 64 {
		return string(b)
	}
	if s, ok := d.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.intern) < maxIntern {
		d.intern[s] = s
	}
	return s
}

func (d *decoder) integer(path string) (int, error) {
	d.ws()
	start := d.pos
	if d.pos < len(d.data) && d.data[d.pos] == '-' {
		d.pos++
	}
	digits := d.pos
	for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
		d.pos++
	}
	if d.pos == digits {
		return 0, syntaxErr(path, "expected an integer")
	}
	if d.pos < len(d.data) {
		switch d.data[d.pos] {
		case '.', 'e', 'E':
			return 0, syntaxErr(path, "expected an integer")
		}
	}
	n, err := strconv.ParseInt(string(d.data[start:d.pos]), 10, 0)
	if err != nil {
		return 0, &FieldError{Pkg: "session", Path: path, Problem: "integer out of range"}
	}
	return int(n), nil
}

func (d *decoder) boolean(path string) (bool, error) {
	d.ws()
	switch {
	case bytes.HasPrefix(d.data[d.pos:], []byte("true")):
		d.pos += 4
		return true, nil
	case bytes.HasPrefix(d.data[d.pos:], []byte("false")):
		d.pos += 5
		return false, nil
	}
	return false, syntaxErr(path, "expected true or false")
}
