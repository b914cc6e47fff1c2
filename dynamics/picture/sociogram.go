package picture

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/session"
)

// Sociogram draws the who-to-whom graph of a snapshot (Moreno's sociogram,
// drawn from observed turns rather than stated choices): the people on a
// circle, members of one subgroup side by side, then members in no
// subgroup, then the absent, then the facilitators; each disc's area grows
// with the person's share of all talk; members are coloured by subgroup,
// facilitators slate, and a member who did not attend is an empty dashed
// ring, apart from the silent (present, no turns), who are small discs. An
// arrow runs from speaker to addressee for each pair with turns, its width
// by the number of turns; a pair who spoke both ways gets two arrows side
// by side. Arrows stop at the edge of the discs. Turns to the whole group
// appear in each person's tooltip. A legend explains colour, width, size
// and ring, and a caption gives the modularity and the number of
// subgroups.
//
// Labels are placed greedily, one person at a time in circle order: the
// first of a few positions just outside the disc, turned a little either
// way and then stepped outwards, whose box meets no disc, arrow or label
// already placed. Text widths are estimates (see the package doc), and the
// picture grows to hold its labels. Obstacles sit in a grid of cells, so
// placing a label looks only at what is near it and the layout runs in
// time close to linear in the people and pairs.
//
// The output is deterministic SVG with a <title> and a <desc> that lists
// the subgroups, the absent and the busiest pairs for screen readers.
func Sociogram(s *dynamics.Snapshot, opt Options) string {
	g := layOutGraph(s, opt)
	w := math.Max(g.box.x1-g.box.x0+16, 360)
	items := g.legendItems(s)
	leg := layLegend(items, w-16)
	caption := subgroupCaption(s)
	w = math.Max(w, textWidth("Who spoke to whom", 14)+16)
	gh := g.box.y1 - g.box.y0
	h := headingH + gh + 12 + leg.height() + 22
	ox := (w-(g.box.x1-g.box.x0))/2 - g.box.x0
	oy := headingH + 4 - g.box.y0

	p := newSVG(w, h, opt.prefix(defaultPrefix(s))+"sociogram-", "Who spoke to whom", g.describe(s, opt))
	p.heading("Who spoke to whom")
	p.raw(`<g class="edges" fill="` + colourEdge + `" stroke="` + colourEdge + `">` + "\n")
	for _, e := range g.edges {
		e.draw(p, ox, oy, g)
	}
	p.raw("</g>\n<g class=\"nodes\">\n")
	for k, nd := range g.nodes {
		nd.draw(p, ox, oy, g.labels[k])
	}
	p.raw("</g>\n")
	leg.draw(p, 8, headingH+gh+12)
	p.el("text", caption, "x", "8", "y", num(h-8), "font-size", num(legendSize), "fill", colourMuted)
	return p.done()
}

const colourEdge = "#546e7a"

// defaultPrefix is the id prefix of a session's pictures: the snapshot's
// time, which differs between two sessions' pictures.
func defaultPrefix(s *dynamics.Snapshot) string {
	return "gw" + strconv.FormatInt(s.At.Unix(), 36) + "-"
}

// node is one person of the sociogram.
type node struct {
	party          session.Party
	name, full     string // the label drawn, and the name for tooltips
	x, y, r        float64
	fill           string
	absent, member bool
	subgroup       int
	tip            string
}

// placed is a label's centre.
type placed struct{ x, y float64 }

// edge is one speaker-addressee pair with turns; from and to index the
// nodes.
type edge struct {
	from, to, turns int
	width           float64
	// ax, ay .. bx, by is the line; the arrowhead runs from the line's end
	// to the tip tx, ty, with half-width hw.
	ax, ay, bx, by, tx, ty, hw float64
}

// graph is the laid-out sociogram around the origin.
type graph struct {
	nodes    []node
	edges    []edge
	labels   []placed
	box      rect
	maxTurns int
}

func layOutGraph(s *dynamics.Snapshot, opt Options) graph {
	var g graph
	g.nodes = orderedNodes(s, opt)
	n := len(g.nodes)
	index := make(map[session.Party]int, n)
	circ := 0.0
	for k, nd := range g.nodes {
		index[nd.party] = k
		circ += 2*nd.r + 14
	}
	radius := math.Max(115, circ/(2*math.Pi))
	for k := range g.nodes {
		a := -math.Pi/2 + 2*math.Pi*float64(k)/float64(max(n, 1))
		g.nodes[k].x, g.nodes[k].y = radius*math.Cos(a), radius*math.Sin(a)
	}

	g.maxTurns = 1
	pair := map[[2]int]int{}
	s.Interactions.Pairs(func(sp, ad session.Party, turns int, _ time.Duration) bool {
		i, ok1 := index[sp]
		j, ok2 := index[ad]
		if ad.Kind == session.PartyGroup || !ok1 || !ok2 || i == j {
			return true
		}
		pair[[2]int{i, j}] = len(g.edges)
		g.edges = append(g.edges, edge{from: i, to: j, turns: turns})
		g.maxTurns = max(g.maxTurns, turns)
		return true
	})
	for k := range g.edges {
		e := &g.edges[k]
		e.width = edgeWidth(e.turns, g.maxTurns)
		offset := 0.0
		if r, ok := pair[[2]int{e.to, e.from}]; ok {
			offset = math.Max(e.width, edgeWidth(g.edges[r].turns, g.maxTurns))/2 + 1.5
		}
		e.place(g.nodes[e.from], g.nodes[e.to], offset)
	}
	g.placeLabels()
	return g
}

// edgeWidth is the stroke width of a pair with turns turns: 1 to 5.
func edgeWidth(turns, maxTurns int) float64 {
	return 1 + 4*float64(turns)/float64(max(maxTurns, 1))
}

// orderedNodes returns the people in circle order, with their discs'
// sizes and colours.
func orderedNodes(s *dynamics.Snapshot, opt Options) []node {
	out := make([]node, 0, len(s.Members)+len(s.Facilitators))
	for _, m := range s.Members {
		p := session.MemberParty(m.ID)
		nd := node{party: p, name: opt.label(p), full: opt.name(p), member: true, absent: !m.Attended, fill: colourNone}
		if m.Attended && m.Subgroup > 0 {
			nd.subgroup = m.Subgroup
			nd.fill = subgroupPalette[(m.Subgroup-1)%len(subgroupPalette)]
		}
		nd.r = discRadius(m.Talk, s.Talk)
		nd.tip = tip(s, p, opt.name(p), m.Turns, m.Talk)
		if nd.absent {
			nd.tip = opt.name(p) + ": absent"
		}
		out = append(out, nd)
	}
	// Members of a subgroup side by side, in subgroup order, then members
	// in none, then the absent; the sort is stable, so each keeps ID order.
	rank := func(nd node) int {
		switch {
		case nd.absent:
			return math.MaxInt
		case nd.subgroup == 0:
			return math.MaxInt - 1
		}
		return nd.subgroup
	}
	slices.SortStableFunc(out, func(a, b node) int { return rank(a) - rank(b) })
	for _, f := range s.Facilitators {
		p := session.FacilitatorParty(f.ID)
		out = append(out, node{party: p, name: opt.label(p), full: opt.name(p), fill: colourFacilitator,
			r: discRadius(f.Talk, s.Talk), tip: tip(s, p, opt.name(p), f.Turns, f.Talk)})
	}
	return out
}

// discRadius gives a disc an area in proportion to a share of all talk,
// on top of a small disc for everyone.
func discRadius(talk, all time.Duration) float64 {
	return 8 + 24*math.Sqrt(ratio(float64(talk), float64(all)))
}

// tip is a person's tooltip: their turns, share of talk and turns to the
// whole group.
func tip(s *dynamics.Snapshot, p session.Party, name string, turns int, talk time.Duration) string {
	return name + ": " + plural(turns, "turn", "turns") + ", " + pct(ratio(float64(talk), float64(s.Talk))) +
		" of talk, " + strconv.Itoa(s.Interactions.Acts(p, session.WholeGroup(), dynamics.AllTurns)) + " to the group"
}

// place sets the edge's line and arrowhead from disc a to disc b, shifted
// sideways by offset (to its left as it runs) so that the two arrows of a
// pair who spoke both ways run side by side.
func (e *edge) place(a, b node, offset float64) {
	dx, dy := b.x-a.x, b.y-a.y
	d := math.Hypot(dx, dy)
	if d == 0 {
		return
	}
	ux, uy := dx/d, dy/d
	nx, ny := uy, -ux
	inA := math.Sqrt(math.Max(a.r*a.r-offset*offset, 0)) + 1
	inB := math.Sqrt(math.Max(b.r*b.r-offset*offset, 0)) + 2
	e.hw = 2.5 + 0.6*e.width
	head := 5 + 1.4*e.width
	e.ax, e.ay = a.x+ux*inA+nx*offset, a.y+uy*inA+ny*offset
	e.tx, e.ty = b.x-ux*inB+nx*offset, b.y-uy*inB+ny*offset
	e.bx, e.by = e.tx-ux*head, e.ty-uy*head
}

func (e edge) draw(p *svg, ox, oy float64, g graph) {
	if e.ax == e.tx && e.ay == e.ty {
		return
	}
	from, to := g.nodes[e.from], g.nodes[e.to]
	p.raw(`<g class="edge" data-turns="` + strconv.Itoa(e.turns) + `">`)
	p.el("title", from.full+" to "+to.full+": "+plural(e.turns, "turn", "turns"))
	p.el("line", "", "x1", num(e.ax+ox), "y1", num(e.ay+oy), "x2", num(e.bx+ox), "y2", num(e.by+oy),
		"stroke-width", num(e.width))
	ux, uy := e.tx-e.bx, e.ty-e.by
	d := math.Hypot(ux, uy)
	nx, ny := uy/d*e.hw, -ux/d*e.hw
	p.el("path", "", "d", "M"+num(e.tx+ox)+","+num(e.ty+oy)+"L"+num(e.bx+nx+ox)+","+num(e.by+ny+oy)+
		"L"+num(e.bx-nx+ox)+","+num(e.by-ny+oy)+"Z", "stroke", "none")
	p.raw("</g>\n")
}

func (nd node) draw(p *svg, ox, oy float64, at placed) {
	cx, cy := num(nd.x+ox), num(nd.y+oy)
	if nd.absent {
		// Absent is not silent: an empty dashed ring, so the picture does
		// not show a member who was not there as one who said nothing.
		p.raw(`<g class="node absent">`)
		p.el("title", nd.tip)
		p.el("circle", "", "cx", cx, "cy", cy, "r", num(nd.r), "fill", "#fff", "stroke", colourNone,
			"stroke-width", "2", "stroke-dasharray", "3 2")
		p.label(nd.name, at.x+ox, at.y+oy, fontSize, "middle", "fill", colourMuted)
		p.raw("</g>\n")
		return
	}
	p.raw(`<g class="node">`)
	p.el("title", nd.tip)
	p.el("circle", "", "cx", cx, "cy", cy, "r", num(nd.r), "fill", nd.fill, "stroke", "#fff", "stroke-width", "1.5")
	p.label(nd.name, at.x+ox, at.y+oy, fontSize, "middle")
	p.raw("</g>\n")
}

// subgroupCaption is the line under the legend: the modularity of the
// partition and how many subgroups it has.
func subgroupCaption(s *dynamics.Snapshot) string {
	if len(s.Subgroups) == 0 {
		return "no subgroups found"
	}
	return plural(len(s.Subgroups), "subgroup", "subgroups") + " (modularity " + strconv.FormatFloat(s.Modularity, 'f', 2, 64) + ")"
}

// legendItems explains what the sociogram shows: the subgroups' colours,
// then the other kinds of disc, arrow width and disc size.
func (g graph) legendItems(s *dynamics.Snapshot) []legendItem {
	var items []legendItem
	for k := range s.Subgroups {
		items = append(items, legendItem{"subgroup " + strconv.Itoa(k+1), 12, swatch(subgroupPalette[k%len(subgroupPalette)])})
	}
	var none, facilitators, absent bool
	for _, nd := range g.nodes {
		none = none || nd.member && !nd.absent && nd.subgroup == 0
		facilitators = facilitators || !nd.member
		absent = absent || nd.absent
	}
	if none && len(s.Subgroups) > 0 {
		items = append(items, legendItem{"in no subgroup", 12, swatch(colourNone)})
	}
	if facilitators {
		items = append(items, legendItem{"facilitator", 12, swatch(colourFacilitator)})
	}
	if absent {
		items = append(items, legendItem{"absent", 12, func(p *svg, x, cy float64) {
			p.el("circle", "", "cx", num(x+6), "cy", num(cy), "r", "5", "fill", "#fff", "stroke", colourNone,
				"stroke-width", "2", "stroke-dasharray", "3 2")
		}})
	}
	arrow := func(turns int) func(p *svg, x, cy float64) {
		return func(p *svg, x, cy float64) {
			w := edgeWidth(turns, g.maxTurns)
			hw, head := 2.5+0.6*w, 5+1.4*w
			p.el("line", "", "x1", num(x), "y1", num(cy), "x2", num(x+26-head), "y2", num(cy), "stroke", colourEdge, "stroke-width", num(w))
			p.el("path", "", "d", "M"+num(x+26)+","+num(cy)+"L"+num(x+26-head)+","+num(cy-hw)+"L"+num(x+26-head)+","+num(cy+hw)+"Z", "fill", colourEdge)
		}
	}
	items = append(items, legendItem{"1 turn", 26, arrow(1)})
	if g.maxTurns > 1 {
		items = append(items, legendItem{plural(g.maxTurns, "turn", "turns"), 26, arrow(g.maxTurns)})
	}
	items = append(items, legendItem{"disc area: share of talk", 22, func(p *svg, x, cy float64) {
		p.el("circle", "", "cx", num(x+3), "cy", num(cy+3), "r", "3", "fill", colourNone)
		p.el("circle", "", "cx", num(x+15), "cy", num(cy), "r", "7", "fill", colourNone)
	}})
	return items
}

// describe is the <desc> of the sociogram: what it shows, its subgroups,
// the absent, and the three busiest pairs.
func (g graph) describe(s *dynamics.Snapshot, opt Options) string {
	var b strings.Builder
	b.WriteString("Arrows from speaker to addressee among " + plural(len(g.nodes), "person", "people") +
		" on a circle, wider for more turns; disc area shows each person's share of talk.")
	for k, sg := range s.Subgroups {
		names := make([]string, len(sg.Members))
		for i, m := range sg.Members {
			names[i] = opt.name(session.MemberParty(m))
		}
		b.WriteString(" Subgroup " + strconv.Itoa(k+1) + ": " + andList(names) + ".")
	}
	var absent []string
	for _, nd := range g.nodes {
		if nd.absent {
			absent = append(absent, nd.full)
		}
	}
	if len(absent) > 0 {
		b.WriteString(" Absent: " + andList(absent) + ".")
	}
	busiest := slices.Clone(g.edges)
	slices.SortStableFunc(busiest, func(a, b edge) int { return b.turns - a.turns })
	for k, e := range busiest[:min(3, len(busiest))] {
		if k == 0 {
			b.WriteString(" Most turns:")
		} else {
			b.WriteString(";")
		}
		b.WriteString(" " + g.nodes[e.from].full + " to " + g.nodes[e.to].full + ", " + plural(e.turns, "turn", "turns"))
	}
	if len(busiest) > 0 {
		b.WriteString(".")
	}
	return b.String()
}
