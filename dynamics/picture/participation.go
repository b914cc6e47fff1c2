package picture

import (
	"math"
	"strconv"
	"strings"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/session"
)

// ParticipationChart draws each member's share of members' talk time (the
// upper, thicker bar) and of their turns (the lower bar) on a percentage
// axis, with the fair share (1 / members attending) as a dashed line
// across all rows: the picture of monopolizing and silence. A member who
// did not attend gets the word "absent" instead of bars. A legend names
// the two bars and the line.
//
// Each bar carries its percentage at its end; a percentage that would sit
// on the fair-share line moves to the line's far side, and the line's own
// label sits above the rows, so no text crosses the line.
//
// The output is deterministic SVG with a <title> and a <desc> that gives
// every member's figures for screen readers.
func ParticipationChart(s *dynamics.Snapshot, opt Options) string {
	const (
		plotW  = 300.0
		pitch  = 36.0 // one member's row
		talkH  = 12.0
		turnH  = 8.0
		turnY  = 16.0 // the turns bar's top within a row
		labelS = 11.0 // the size of the talk percentages
		turnS  = 10.0 // the size of the turns percentages
		title  = "Share of talk and turns"
	)
	names := make([]string, len(s.Members))
	nameW := 0.0
	for i, m := range s.Members {
		names[i] = opt.label(session.MemberParty(m.ID))
		nameW = math.Max(nameW, textWidth(names[i], fontSize))
	}
	left := 8 + nameW + 10
	w := math.Max(left+plotW+48, textWidth(title, 14)+16)

	fair := "fair share " + pct(s.FairShare)
	items := []legendItem{
		{"talk time", 14, func(p *svg, x, cy float64) {
			p.el("rect", "", "x", num(x), "y", num(cy-talkH/2), "width", "14", "height", num(talkH), "fill", palette[0])
		}},
		{"turns", 14, func(p *svg, x, cy float64) {
			p.el("rect", "", "x", num(x), "y", num(cy-turnH/2), "width", "14", "height", num(turnH), "fill", palette[1])
		}},
	}
	if s.FairShare > 0 {
		items = append(items, legendItem{"fair share: an equal split among the " + strconv.Itoa(s.Attending) + " attending", 10,
			func(p *svg, x, cy float64) {
				p.el("line", "", "x1", num(x+5), "y1", num(cy-7), "x2", num(x+5), "y2", num(cy+7),
					"stroke", colourInk, "stroke-width", "1.5", "stroke-dasharray", "4 2")
			}})
	}
	leg := layLegend(items, w-16)
	top := headingH + leg.height() + 26 // room above the rows for the fair share's label
	bottom := top + pitch*float64(len(s.Members))
	h := bottom + 26

	maxShare := s.FairShare
	for _, m := range s.Members {
		maxShare = math.Max(maxShare, math.Max(m.TalkShare, m.TurnShare))
	}
	step := niceStep(math.Max(maxShare, 0.01), 5)
	axisMax := math.Max(step, math.Ceil(maxShare/step-1e-9)*step)
	xOf := func(share float64) float64 { return left + plotW*math.Min(share, axisMax)/axisMax }
	fx := xOf(s.FairShare)

	p := newSVG(w, h, opt.prefix(defaultPrefix(s))+"participation-", title, describeParticipation(s, names))
	p.heading(title)
	leg.draw(p, 8, headingH)
	for _, v := range ticks(0, axisMax, step) {
		x := xOf(v)
		p.el("line", "", "x1", num(x), "y1", num(top-4), "x2", num(x), "y2", num(bottom), "stroke", colourGrid)
		p.label(pct(v), x, bottom+12, legendSize, "middle", "fill", colourMuted)
	}
	// clear returns where a label of width lw wants to start (at x) so as
	// not to sit on the fair-share line.
	clear := func(x, lw float64) float64 {
		if s.FairShare > 0 && fx > x-4 && fx < x+lw+4 {
			return fx + 5
		}
		return x
	}
	for i, m := range s.Members {
		y := top + pitch*float64(i) + 4
		p.raw(`<g class="member">`)
		p.label(names[i], left-8, y+talkH, fontSize, "end")
		if !m.Attended {
			// Absent, not silent: no bars, and the word instead of 0%.
			p.label("absent", clear(left+4, textWidth("absent", fontSize)), y+talkH, fontSize, "start", "fill", colourMuted)
			p.raw("</g>\n")
			continue
		}
		talk, turn := pct(m.TalkShare), pct(m.TurnShare)
		p.el("rect", "", "x", num(left), "y", num(y), "width", num(xOf(m.TalkShare)-left), "height", num(talkH), "fill", palette[0])
		p.el("rect", "", "x", num(left), "y", num(y+turnY), "width", num(xOf(m.TurnShare)-left), "height", num(turnH), "fill", palette[1])
		p.label(talk, clear(xOf(m.TalkShare)+4, textWidth(talk, labelS)), y+talkH/2, labelS, "start")
		p.label(turn, clear(xOf(m.TurnShare)+4, textWidth(turn, turnS)), y+turnY+turnH/2, turnS, "start", "fill", colourMuted)
		p.raw("</g>\n")
	}
	if s.FairShare > 0 {
		p.el("line", "", "class", "fair-share", "x1", num(fx), "y1", num(top-10), "x2", num(fx), "y2", num(bottom),
			"stroke", colourInk, "stroke-width", "1.5", "stroke-dasharray", "5 3")
		lw := textWidth(fair, legendSize)
		p.label(fair, math.Max(lw/2+4, math.Min(fx, w-lw/2-4)), top-18, legendSize, "middle")
	}
	return p.done()
}

// describeParticipation is the chart's <desc>: the fair share and every
// member's figures.
func describeParticipation(s *dynamics.Snapshot, names []string) string {
	var b strings.Builder
	b.WriteString("Each member's share of members' talk time and of their turns")
	if s.FairShare > 0 {
		b.WriteString(", against the fair share of " + pct(s.FairShare) + " (1 of " + strconv.Itoa(s.Attending) + " attending)")
	}
	b.WriteString(".")
	for i, m := range s.Members {
		b.WriteString(" " + names[i] + ": ")
		if !m.Attended {
			b.WriteString("absent.")
			continue
		}
		b.WriteString(pct(m.TalkShare) + " of talk, " + pct(m.TurnShare) + " of turns.")
	}
	return b.String()
}
