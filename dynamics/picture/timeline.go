package picture

import (
	"math"
	"strconv"
	"strings"

	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/session"
)

// StageTimeline draws a stage history across sessions: one row per stage
// of the model, earliest stage on top, one mark per recorded session
// joined in session order by the line of the stage in force. An estimate
// is a disc, drawn paler the lower its confidence; a facilitator's setting
// is a square; a regression (a stage earlier than the previous session's)
// is ringed in red. A legend explains the marks, and each mark's tooltip
// says who decided it, why, or with what confidence; opt.Labels names the
// facilitators.
//
// The session axis runs from 1 to the latest recorded session, at most
// MaxSessions: a later session is a *FieldError wrapping ErrTooLong, as is
// a nil history one wrapping ErrInvalid. The picture is at most about 700
// wide whatever the number of sessions: columns narrow as sessions are
// added, and the axis labels session 1 and every session at a round step
// (1, 2, 5, 10, 20 or 50) that keeps the labels apart, so the work is
// linear in the recorded sessions, not in the session numbers.
//
// The output is deterministic SVG with a <title> and a <desc> that lists
// every session's stage for screen readers.
func StageTimeline(h *stage.History, opt Options) (string, error) {
	f := problems()
	if h == nil {
		f.Add("history", "must be set", nil)
		return "", f.Err()
	}
	entries := h.Entries()
	last := 1
	for i, e := range entries {
		checkSession(&f, fault.Index("history", i)+".session", e.Session)
		last = max(last, e.Session)
	}
	if err := f.Err(); err != nil {
		return "", err
	}
	stages := h.Model().Stages()
	model := capital(h.Model().String())
	title := "Stage by session (" + model + ")"

	const rowH = 30.0
	nameW := 0.0
	for _, st := range stages {
		nameW = math.Max(nameW, textWidth(stageName(st), fontSize))
	}
	left := 8 + nameW + 12
	plotW := math.Min(560, math.Max(300, 32*float64(last)))
	colW := plotW / float64(last)
	mark := math.Min(6, math.Max(1.5, colW*0.4))
	w := math.Max(left+plotW+16, textWidth(title, 14)+16)

	items := []legendItem{
		{"estimate, paler when less sure", 30, func(p *svg, x, cy float64) {
			for k, o := range []string{"1", "0.6", "0.3"} {
				p.el("circle", "", "cx", num(x+5+10*float64(k)), "cy", num(cy), "r", "4.5", "fill", palette[0], "fill-opacity", o)
			}
		}},
		{"set by a facilitator", 12, func(p *svg, x, cy float64) {
			p.el("rect", "", "x", num(x+1), "y", num(cy-5), "width", "10", "height", "10", "fill", colourFacilitator)
		}},
		{"regression", 14, func(p *svg, x, cy float64) {
			p.el("circle", "", "cx", num(x+7), "cy", num(cy), "r", "6", "fill", "none", "stroke", colourRisk, "stroke-width", "2")
		}},
		{"stage in force", 22, func(p *svg, x, cy float64) {
			p.el("line", "", "x1", num(x), "y1", num(cy), "x2", num(x+22), "y2", num(cy), "stroke", colourEdge, "stroke-width", "1.5")
		}},
	}
	leg := layLegend(items, w-16)
	top := headingH + leg.height() + 10
	bottom := top + rowH*float64(len(stages))
	ht := bottom + 40

	yOf := func(st stage.Stage) float64 { return top + rowH*(float64(st.Order())-0.5) }
	xOf := func(session int) float64 { return left + colW*(float64(session)-0.5) }

	p := newSVG(w, ht, opt.prefix("gw-"+xmlID(h.Model().String())+"-")+"timeline-", title, describeTimeline(entries, model, opt))
	p.heading(title)
	leg.draw(p, 8, headingH)
	for _, st := range stages {
		p.label(stageName(st), left-10, yOf(st), fontSize, "end")
		p.el("line", "", "x1", num(left), "y1", num(yOf(st)), "x2", num(left+plotW), "y2", num(yOf(st)), "stroke", colourGrid)
	}
	// Session 1, then every step-th session, at least 24 apart.
	step := max(1, int(niceStep(float64(last), max(1, int(plotW/24)))))
	p.raw(`<g class="session-axis">` + "\n")
	p.label("1", xOf(1), bottom+10, legendSize, "middle", "fill", colourMuted)
	for sn := step; sn <= last; sn += step {
		if sn > 1 {
			p.label(strconv.Itoa(sn), xOf(sn), bottom+10, legendSize, "middle", "fill", colourMuted)
		}
	}
	p.raw("</g>\n")
	p.label("session", left+plotW/2, bottom+28, legendSize, "middle", "fill", colourMuted)
	if len(entries) > 1 {
		pts := make([]string, 0, len(entries))
		for _, e := range entries {
			pts = append(pts, num(xOf(e.Session))+","+num(yOf(e.Stage)))
		}
		p.el("polyline", "", "points", strings.Join(pts, " "), "fill", "none", "stroke", colourEdge, "stroke-width", "1.5")
	}
	for _, e := range entries {
		cx, cy := xOf(e.Session), yOf(e.Stage)
		p.raw("<g>")
		p.el("title", entryText(e, opt))
		if e.Regression {
			p.el("circle", "", "cx", num(cx), "cy", num(cy), "r", num(mark+4), "fill", "none", "stroke", colourRisk, "stroke-width", "2")
		}
		if e.SetBy == stage.SetByFacilitator {
			p.el("rect", "", "x", num(cx-mark), "y", num(cy-mark), "width", num(2*mark), "height", num(2*mark), "fill", colourFacilitator)
		} else {
			p.el("circle", "", "cx", num(cx), "cy", num(cy), "r", num(mark), "fill", palette[0], "fill-opacity", num(0.25+0.75*e.Confidence))
		}
		p.raw("</g>\n")
	}
	return p.done(), nil
}

// stageName is a stage as the pictures write it.
func stageName(st stage.Stage) string { return strings.ReplaceAll(st.String(), "-", " ") }

// entryText says what a history entry records: the session, the stage and
// how it was decided.
func entryText(e stage.Entry, opt Options) string {
	t := "session " + strconv.Itoa(e.Session) + ": " + stageName(e.Stage)
	if e.SetBy == stage.SetByFacilitator {
		t += " (set by " + opt.name(session.FacilitatorParty(e.Facilitator)) + ": " + e.Reason + ")"
	} else {
		t += " (estimate, confidence " + strconv.FormatFloat(e.Confidence, 'f', 2, 64) + ")"
	}
	if e.Regression {
		t += ", a regression from " + stageName(e.From)
	}
	return t
}

// describeTimeline is the timeline's <desc>: every session's stage.
func describeTimeline(entries []stage.Entry, model string, opt Options) string {
	var b strings.Builder
	b.WriteString("The group's stage in the " + model + " model at each recorded session, and how it was decided.")
	for _, e := range entries {
		b.WriteString(" " + capital(entryText(e, opt)) + ".")
	}
	return b.String()
}
