package picture

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/groupwork/groupwork/session"
)

// Options adjusts the pictures. The zero value draws each person under
// their ID and derives the ids a picture defines from what it draws.
type Options struct {
	// Labels maps people to display names; people not in it are shown by ID.
	Labels map[session.Party]string `json:"-"`
	// Initials shows initials of the display name instead of the whole name.
	Initials bool `json:"initials,omitempty"`
	// IDPrefix starts the ids a picture defines (those of its <title> and
	// <desc>, which the <svg> element names for screen readers), so that
	// several pictures can share one HTML page, where ids must be unique.
	// Each kind of picture adds its own name to the prefix, so one prefix
	// serves a session's sociogram and participation chart together.
	// Empty means a prefix derived from what is drawn: the snapshot's time
	// for the pictures of a session, the model or the instrument for the
	// others. Set it when a page shows two pictures of the same kind and
	// source.
	IDPrefix string `json:"idPrefix,omitempty"`
}

// xmlID keeps the ASCII letters and digits, '-' and '_' of s and replaces
// anything else with '-', so an app's prefix cannot break the markup.
func xmlID(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return '-'
	}, s)
}

// prefix returns the id prefix of a picture: the app's, or fallback.
func (o Options) prefix(fallback string) string {
	if o.IDPrefix != "" {
		return o.IDPrefix
	}
	return fallback
}

// name returns the display name of p, or its ID.
func (o Options) name(p session.Party) string {
	if name := o.Labels[p]; name != "" {
		return name
	}
	return p.ID
}

// label returns what a picture writes for p: its name or, with Initials,
// the name's initials.
func (o Options) label(p session.Party) string {
	if o.Initials {
		return Initials(o.name(p))
	}
	return o.name(p)
}

// Initials returns up to two initials of name: the first letter of its
// first and last words (words split at spaces, hyphens, dots and
// underscores), upper-cased; a one-word name gives one letter.
func Initials(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '_' || r == '.'
	})
	var out []rune
	for i, w := range words {
		if i == 0 || i == len(words)-1 {
			out = append(out, unicode.ToUpper([]rune(w)[0]))
		}
	}
	return string(out)
}

// palette is the colour-blind-safe qualitative palette of Okabe and Ito
// (Okabe & Ito 2008, Color Universal Design (CUD): how to make figures and
// presentations that are friendly to colorblind people; recommended by
// Wong 2011, Points of view: Color blindness, Nature Methods 8:441), in the
// order the pictures use it: blue, orange,
// bluish green, vermillion, reddish purple, sky blue, black, and the
// yellow last, since a thin yellow line is hard to see on white. The
// colours stay apart under the common forms of colour blindness; the
// pictures also label what they colour, so no reading rests on colour
// alone.
var palette = [...]string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"}

// subgroupPalette colours the subgroups of a sociogram: the palette
// without black, which would read as a facilitator.
var subgroupPalette = [...]string{"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}

const (
	colourNone        = "#9e9e9e" // a member in no subgroup, an absent member
	colourFacilitator = "#37474f" // slate
	colourRisk        = "#c62828" // a risk flag, a regression
	colourInk         = "#222222" // text
	colourMuted       = "#666666" // secondary text, axes
	colourGrid        = "#e0e0e0"
	fontSize          = 12.0 // the size of labels; legends use legendSize
	legendSize        = 11.0
	haloWidth         = "3" // the white outline that keeps a label legible
)

// svg builds one picture.
type svg struct{ b strings.Builder }

// newSVG starts a picture of w by h with its <title> and <desc>, which the
// <svg> element names for screen readers (role img, aria-labelledby and
// aria-describedby); prefix makes their ids unique on a page.
func newSVG(w, h float64, prefix, title, desc string) *svg {
	s := &svg{}
	s.b.Grow(4096)
	id := xmlID(prefix)
	s.raw(`<svg xmlns="http://www.w3.org/2000/svg" width="` + num(w) + `" height="` + num(h) +
		`" viewBox="0 0 ` + num(w) + " " + num(h) + `" role="img" aria-labelledby="` + id + `title" aria-describedby="` +
		id + `desc" font-family="sans-serif" font-size="` + num(fontSize) + `" fill="` + colourInk + `">` + "\n")
	s.raw(`<title id="` + id + `title">`)
	s.text(title)
	s.raw("</title>\n")
	s.raw(`<desc id="` + id + `desc">`)
	s.text(desc)
	s.raw("</desc>\n")
	return s
}

func (s *svg) raw(v string) { s.b.WriteString(v) }

func (s *svg) text(v string) { _ = xml.EscapeText(&s.b, []byte(v)) }

// el writes one element; attrs alternate names and values; body is escaped
// text, or empty for a self-closing element.
func (s *svg) el(name, body string, attrs ...string) {
	s.raw("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		s.raw(" " + attrs[i] + `="`)
		s.text(attrs[i+1])
		s.raw(`"`)
	}
	if body == "" {
		s.raw("/>\n")
		return
	}
	s.raw(">")
	s.text(body)
	s.raw("</" + name + ">\n")
}

// label writes a text label with a white halo, its box centred at cx, cy
// for the middle anchor, starting at cx for "start" and ending there for
// "end". The baseline sits at cy + 0.35 em, which centres the glyphs.
func (s *svg) label(body string, cx, cy, size float64, anchor string, attrs ...string) {
	all := append([]string{"x", num(cx), "y", num(cy + 0.35*size), "text-anchor", anchor,
		"stroke", "#fff", "stroke-width", haloWidth, "paint-order", "stroke"}, attrs...)
	if size != fontSize {
		all = append(all, "font-size", num(size))
	}
	s.el("text", body, all...)
}

func (s *svg) done() string {
	s.raw("</svg>\n")
	return s.b.String()
}

// num formats a coordinate with one decimal, without a trailing ".0".
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	t := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	t = strings.TrimSuffix(t, ".0")
	if t == "-0" {
		t = "0"
	}
	return t
}

func pct(v float64) string { return strconv.Itoa(int(math.Round(v*100))) + "%" }

// plural returns "1 turn", "2 turns".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// andList joins words as "a", "a and b", "a, b and c".
func andList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// capital upper-cases the first letter of s.
func capital(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
