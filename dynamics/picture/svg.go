package picture

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// Options adjusts the pictures. The zero value draws each person
// under their ID.
type Options struct {
	// Labels maps people to display names; people not in it are shown by ID.
	Labels map[session.Party]string `json:"-"`
	// Initials shows initials of the display name instead of the whole name.
	Initials bool `json:"initials,omitempty"`
	// IDPrefix starts the ids a picture defines (the sociogram's arrowhead),
	// so that several pictures can share one HTML page, where ids must be
	// unique. Empty means a prefix derived from the snapshot's time, which
	// already differs between two sessions' pictures.
	IDPrefix string `json:"idPrefix,omitempty"`
}

// xmlID keeps the letters, digits, '-' and '_' of s and replaces anything
// else with '-', so an app's prefix cannot break the markup.
func xmlID(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return '-'
	}, s)
}

// idPrefix returns the prefix for the ids of a picture of s.
func (o Options) idPrefix(s *dynamics.Snapshot) string {
	if o.IDPrefix != "" {
		return o.IDPrefix
	}
	return "gw" + strconv.FormatInt(s.At.Unix(), 36) + "-"
}

func (o Options) label(p session.Party) string {
	name, ok := o.Labels[p]
	if !ok || name == "" {
		name = p.ID
	}
	if o.Initials {
		return Initials(name)
	}
	return name
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

// palette colours subgroups and series; it is fixed so pictures are stable.
var palette = [...]string{"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4"}

const (
	colourNone        = "#9e9e9e" // a member in no subgroup
	colourFacilitator = "#37474f"
	colourRisk        = "#c62828"
)

// svg builds one picture.
type svg struct{ b strings.Builder }

func newSVG(w, h float64, title string) *svg {
	s := &svg{}
	s.raw(`<svg xmlns="http://www.w3.org/2000/svg" width="` + num(w) + `" height="` + num(h) +
		`" viewBox="0 0 ` + num(w) + " " + num(h) + `" font-family="sans-serif" font-size="12">` + "\n")
	s.raw("<title>")
	s.text(title)
	s.raw("</title>\n")
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

// Sociogram draws the who-to-whom graph of a snapshot: members and
// facilitators on a circle (members first, by ID), each node's area growing
// with its share of all talk, members coloured by subgroup, facilitators in
// slate; a directed edge for each speaker-addressee pair with turns, its
// width by the number of turns. Turns to the whole group appear in each
// node's tooltip. A member who did not attend is an empty dashed ring,
// apart from the silent (present, no turns), who are small grey discs. The output is deterministic SVG. Source: the sociogram
// as DOMAIN.md section 8 lists it among the field's interaction metrics.
func Sociogram(s *dynamics.Snapshot, opt Options) string {
	const w, h = 480.0, 480.0
	x := &s.Interactions
	parties := people(s)
	n := len(parties)
	index := make(map[session.Party]int, n)
	for i, q := range parties {
		index[q] = i
	}
	p := newSVG(w, h, "sociogram")
	arrow := xmlID(opt.idPrefix(s) + "arrow")
	p.raw(`<defs><marker id="` + arrow + `" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>` + "\n")
	type node struct{ x, y, r float64 }
	nodes := make([]node, n)
	for i := range n {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(max(n, 1))
		share := ratio(float64(talkOf(s, i)), float64(s.Talk))
		nodes[i] = node{w/2 + 170*math.Cos(a), h/2 + 170*math.Sin(a), 8 + 24*math.Sqrt(share)}
	}
	maxTurns := 1
	x.Pairs(func(sp, ad session.Party, turns int, _ time.Duration) bool {
		if ad.Kind != session.PartyGroup {
			maxTurns = max(maxTurns, turns)
		}
		return true
	})
	p.raw(`<g class="edges" stroke="#555" fill="none">` + "\n")
	x.Pairs(func(sp, ad session.Party, turns int, _ time.Duration) bool {
		if ad.Kind == session.PartyGroup {
			return true
		}
		i, j := index[sp], index[ad]
		a, b := nodes[i], nodes[j]
		dx, dy := b.x-a.x, b.y-a.y
		d := math.Hypot(dx, dy)
		if d == 0 {
			return true
		}
		ux, uy := dx/d, dy/d
		ox, oy := -uy*3, ux*3 // offset so both directions show
		p.el("line", "",
			"x1", num(a.x+ux*a.r+ox), "y1", num(a.y+uy*a.r+oy),
			"x2", num(b.x-ux*(b.r+2)+ox), "y2", num(b.y-uy*(b.r+2)+oy),
			"stroke-width", num(1+4*float64(turns)/float64(maxTurns)), "marker-end", "url(#"+arrow+")",
			"data-turns", strconv.Itoa(turns))
		return true
	})
	p.raw("</g>\n<g class=\"nodes\">\n")
	for i := range n {
		party := parties[i]
		nd := nodes[i]
		if i < len(s.Members) && !s.Members[i].Attended {
			// Absent is not silent: an empty dashed ring, so the picture
			// does not show a member who was not there as one who said
			// nothing.
			p.raw(`<g class="node absent">`)
			p.el("title", party.String()+": absent")
			p.el("circle", "", "cx", num(nd.x), "cy", num(nd.y), "r", num(nd.r), "fill", "#fff", "stroke", colourNone, "stroke-width", "2", "stroke-dasharray", "3 2")
			p.el("text", opt.label(party), "x", num(nd.x), "y", num(nd.y+nd.r+14), "text-anchor", "middle", "fill", colourNone)
			p.raw("</g>\n")
			continue
		}
		fill := colourFacilitator
		if i < len(s.Members) {
			fill = colourNone
			if g := s.Members[i].Subgroup; g > 0 {
				fill = palette[(g-1)%len(palette)]
			}
		}
		turns := strconv.Itoa(turnsOf(s, i)) + " turns, "
		if turnsOf(s, i) == 1 {
			turns = "1 turn, "
		}
		tip := party.String() + ": " + turns + pct(ratio(float64(talkOf(s, i)), float64(s.Talk))) +
			" of talk, " + strconv.Itoa(x.Acts(party, session.WholeGroup(), dynamics.AllTurns)) + " to the group"
		p.raw(`<g class="node">`)
		p.el("title", tip)
		p.el("circle", "", "cx", num(nd.x), "cy", num(nd.y), "r", num(nd.r), "fill", fill, "stroke", "#fff", "stroke-width", "2")
		p.el("text", opt.label(party), "x", num(nd.x), "y", num(nd.y+nd.r+14), "text-anchor", "middle")
		p.raw("</g>\n")
	}
	p.raw("</g>\n")
	if len(s.Subgroups) > 0 {
		p.el("text", "modularity "+strconv.FormatFloat(s.Modularity, 'f', 2, 64)+", "+strconv.Itoa(len(s.Subgroups))+" subgroup(s)", "x", "8", "y", num(h-8))
	}
	return p.done()
}

// people returns the snapshot's members then facilitators as parties, in
// the snapshot's order.
func people(s *dynamics.Snapshot) []session.Party {
	out := make([]session.Party, 0, len(s.Members)+len(s.Facilitators))
	for _, m := range s.Members {
		out = append(out, session.MemberParty(m.ID))
	}
	for _, f := range s.Facilitators {
		out = append(out, session.FacilitatorParty(f.ID))
	}
	return out
}

// talkOf and turnsOf read person i's totals from the snapshot: members,
// then facilitators.
func talkOf(s *dynamics.Snapshot, i int) time.Duration {
	if i < len(s.Members) {
		return s.Members[i].Talk
	}
	return s.Facilitators[i-len(s.Members)].Talk
}

func turnsOf(s *dynamics.Snapshot, i int) int {
	if i < len(s.Members) {
		return s.Members[i].Turns
	}
	return s.Facilitators[i-len(s.Members)].Turns
}

// ParticipationChart draws each member's share of members' talk time (long
// bar) and of their turns (thin bar) with a dashed line at the fair share
// (1 / members attending), the picture of monopolizing and silence. A
// member who did not attend gets the word "absent" instead of bars.
// Deterministic SVG.
func ParticipationChart(s *dynamics.Snapshot, opt Options) string {
	const w, left, barW = 480.0, 120.0, 320.0
	h := 40 + 28*float64(len(s.Members)) + 24
	p := newSVG(w, h, "participation")
	p.el("text", "share of members' talk (bar) and turns (line)", "x", "8", "y", "18")
	maxShare := s.FairShare
	for _, m := range s.Members {
		maxShare = math.Max(maxShare, math.Max(m.TalkShare, m.TurnShare))
	}
	if maxShare == 0 {
		maxShare = 1
	}
	scale := barW / maxShare
	for i, m := range s.Members {
		y := 32 + 28*float64(i)
		p.el("text", opt.label(session.MemberParty(m.ID)), "x", num(left-6), "y", num(y+14), "text-anchor", "end")
		if !m.Attended {
			// Absent, not silent: no bars, and the word instead of 0%.
			p.el("text", "absent", "x", num(left+4), "y", num(y+14), "fill", colourNone)
			continue
		}
		p.el("rect", "", "x", num(left), "y", num(y+2), "width", num(m.TalkShare*scale), "height", "14", "fill", palette[0])
		p.el("rect", "", "x", num(left), "y", num(y+18), "width", num(m.TurnShare*scale), "height", "4", "fill", palette[1])
		p.el("text", pct(m.TalkShare), "x", num(left+m.TalkShare*scale+4), "y", num(y+14))
	}
	if s.FairShare > 0 {
		fx := left + s.FairShare*scale
		p.el("line", "", "x1", num(fx), "y1", "28", "x2", num(fx), "y2", num(h-20), "stroke", "#333", "stroke-dasharray", "4 3")
		p.el("text", "fair share "+pct(s.FairShare), "x", num(fx), "y", num(h-6), "text-anchor", "middle")
	}
	return p.done()
}

// StageTimeline draws a stage history across sessions: one row per stage
// of the model, one mark per session (a circle for an estimate, drawn
// fainter the lower its confidence; a square for a facilitator's setting),
// joined in session order, regressions ringed in red. Deterministic SVG.
func StageTimeline(h *stage.History) string {
	entries := h.Entries()
	stages := h.Model().Stages()
	last := 1
	for _, e := range entries {
		last = max(last, e.Session)
	}
	const left, top, rowH = 110.0, 30.0, 32.0
	colW := math.Max(24, math.Min(48, 560/float64(last)))
	w := left + colW*float64(last) + 20
	ht := top + rowH*float64(len(stages)) + 30
	p := newSVG(w, ht, "stage timeline ("+h.Model().String()+")")
	p.el("text", h.Model().String()+" stages by session", "x", "8", "y", "18")
	yOf := func(st stage.Stage) float64 { return top + rowH*(float64(st.Order())-0.5) }
	xOf := func(session int) float64 { return left + colW*(float64(session)-0.5) }
	for _, st := range stages {
		p.el("text", st.String(), "x", num(left-8), "y", num(yOf(st)+4), "text-anchor", "end")
		p.el("line", "", "x1", num(left), "y1", num(yOf(st)), "x2", num(w-10), "y2", num(yOf(st)), "stroke", "#e0e0e0")
	}
	for sn := 1; sn <= last; sn++ {
		p.el("text", strconv.Itoa(sn), "x", num(xOf(sn)), "y", num(ht-10), "text-anchor", "middle")
	}
	if len(entries) > 1 {
		pts := make([]string, 0, len(entries))
		for _, e := range entries {
			pts = append(pts, num(xOf(e.Session))+","+num(yOf(e.Stage)))
		}
		p.el("polyline", "", "points", strings.Join(pts, " "), "fill", "none", "stroke", "#607d8b", "stroke-width", "1.5")
	}
	for _, e := range entries {
		cx, cy := xOf(e.Session), yOf(e.Stage)
		p.raw("<g>")
		tip := "session " + strconv.Itoa(e.Session) + ": " + e.Stage.String() + " (" + e.SetBy.String()
		if e.SetBy == stage.SetByFacilitator {
			tip += " " + string(e.Facilitator) + ": " + e.Reason
		} else {
			tip += ", confidence " + strconv.FormatFloat(e.Confidence, 'f', 2, 64)
		}
		p.el("title", tip+")")
		if e.Regression {
			p.el("circle", "", "cx", num(cx), "cy", num(cy), "r", "11", "fill", "none", "stroke", colourRisk, "stroke-width", "2")
		}
		if e.SetBy == stage.SetByFacilitator {
			p.el("rect", "", "x", num(cx-6), "y", num(cy-6), "width", "12", "height", "12", "fill", colourFacilitator)
		} else {
			p.el("circle", "", "cx", num(cx), "cy", num(cy), "r", "6", "fill", palette[2], "fill-opacity", num(0.3+0.7*e.Confidence))
		}
		p.raw("</g>\n")
	}
	return p.done()
}

// Series is one line of a measure trajectory chart: values by session
// number. A flagged point (a PHQ-9 item 9 risk flag, say) is ringed in red.
type Series struct {
	Name   string        `json:"name"`
	Points []SeriesPoint `json:"points"`
}

// SeriesPoint is one value of a Series.
type SeriesPoint struct {
	Session int     `json:"session"`
	Value   float64 `json:"value"`
	Flag    bool    `json:"flag,omitempty"`
}

// SeriesOf turns one member's measure trajectory into a series: the total
// of each complete point given at a session, flagged when it carries a
// self-harm risk flag. Incomplete points are left out unless they carry a
// risk flag, which must never be lost (DOMAIN.md section 7); such a point is
// drawn at its lower-bound total. Points outside a session are left out.
func SeriesOf(t measure.Trajectory) Series {
	s := Series{Name: t.Member}
	for _, pt := range t.Points {
		if pt.Session < 1 || (!pt.Complete && !pt.Risk.Raised()) {
			continue
		}
		s.Points = append(s.Points, SeriesPoint{Session: pt.Session, Value: pt.Total, Flag: pt.Risk.Raised()})
	}
	return s
}

// TrajectoryChart draws measure trajectories by session on a value axis from
// lo to hi (such as 0 to 27 for PHQ-9 totals, 0 to 6 for GCQ-S subscales),
// one coloured line per series with a legend, flagged points ringed in red.
// Values outside lo..hi are drawn at the edge. Deterministic SVG.
func TrajectoryChart(title string, lo, hi float64, series []Series) string {
	if !(hi > lo) {
		lo, hi = 0, 1
	}
	last := 1
	for _, s := range series {
		for _, pt := range s.Points {
			last = max(last, pt.Session)
		}
	}
	const left, top, plotH, plotW = 50.0, 30.0, 220.0, 400.0
	w, h := left+plotW+130, top+plotH+40
	p := newSVG(w, h, title)
	p.el("text", title, "x", "8", "y", "18")
	xOf := func(sn int) float64 { return left + plotW*(float64(sn)-0.5)/float64(last) }
	yOf := func(v float64) float64 {
		v = math.Max(lo, math.Min(hi, v))
		return top + plotH*(1-(v-lo)/(hi-lo))
	}
	p.el("line", "", "x1", num(left), "y1", num(top), "x2", num(left), "y2", num(top+plotH), "stroke", "#333")
	p.el("line", "", "x1", num(left), "y1", num(top+plotH), "x2", num(left+plotW), "y2", num(top+plotH), "stroke", "#333")
	for _, v := range []float64{lo, (lo + hi) / 2, hi} {
		p.el("text", strconv.FormatFloat(v, 'g', 4, 64), "x", num(left-6), "y", num(yOf(v)+4), "text-anchor", "end")
	}
	step := max(1, last/12)
	for sn := 1; sn <= last; sn += step {
		p.el("text", strconv.Itoa(sn), "x", num(xOf(sn)), "y", num(top+plotH+16), "text-anchor", "middle")
	}
	for k, s := range series {
		colour := palette[k%len(palette)]
		pts := make([]string, 0, len(s.Points))
		for _, pt := range s.Points {
			pts = append(pts, num(xOf(pt.Session))+","+num(yOf(pt.Value)))
		}
		if len(pts) > 1 {
			p.el("polyline", "", "points", strings.Join(pts, " "), "fill", "none", "stroke", colour, "stroke-width", "2")
		}
		for _, pt := range s.Points {
			cx, cy := num(xOf(pt.Session)), num(yOf(pt.Value))
			p.el("circle", "", "cx", cx, "cy", cy, "r", "3", "fill", colour)
			if pt.Flag {
				p.el("circle", "", "cx", cx, "cy", cy, "r", "7", "fill", "none", "stroke", colourRisk, "stroke-width", "2")
			}
		}
		ly := top + 16*float64(k)
		p.el("rect", "", "x", num(left+plotW+16), "y", num(ly), "width", "10", "height", "10", "fill", colour)
		p.el("text", s.Name, "x", num(left+plotW+32), "y", num(ly+9))
	}
	return p.done()
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
