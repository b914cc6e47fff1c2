package picture

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/measure"
)

// Series is one line of a trajectory chart: a member's totals by session
// number. A flagged point (a PHQ-9 item 9 risk flag, say) is ringed in
// red.
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
// risk flag, which must never be lost (a positive answer to a risk item
// calls for follow-up whatever the total; Kroenke, Spitzer & Williams
// 2001 for the PHQ-9's item 9); such a point is drawn at its lower-bound
// total. Points outside a session are left out.
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

// TrajectoryChart draws the totals of one instrument by session, one line
// per series, on the definition's range of totals (0 to 27 for the PHQ-9).
// The definition's severity bands are shaded, a darker grey for a more
// severe band, and named in the margin; its caseness cut-off is a dashed
// line; the value axis is marked at round numbers (1, 2 or 5 times a power
// of ten). Each line has a colour of the Okabe-Ito palette and is labelled
// directly at its last point with the name and the last value, the labels
// spread apart where lines end close together. Flagged points are ringed
// in red. A legend explains the caseness line, the shading and the ring.
// The series carry their own names; opt sets the ids' prefix.
//
// The definition must have a total; every point's session must lie within
// 1 to MaxSessions and its value be a number (values outside the range
// are drawn at its edge). Otherwise the chart is a *FieldError wrapping
// ErrInvalid (and ErrTooLong for a session beyond MaxSessions), one per
// problem, joined.
//
// The output is deterministic SVG with a <title> and a <desc> that gives
// the bands, the cut-off and every series' values for screen readers.
func TrajectoryChart(d *measure.Definition, series []Series, opt Options) (string, error) {
	f := problems()
	if d == nil || !d.HasTotal() {
		f.Add("definition", "an instrument with a total is needed", nil)
		return "", f.Err()
	}
	lo, hi := d.TotalRange()
	if !(hi > lo) {
		f.Add("definition", "the total's range is empty", nil)
	}
	last := 1
	for i, s := range series {
		for k, pt := range s.Points {
			path := fault.Index(fault.Index("series", i)+".points", k)
			checkSession(&f, path+".session", pt.Session)
			if math.IsNaN(pt.Value) || math.IsInf(pt.Value, 0) {
				f.Add(path+".value", "not a number", nil)
			}
			last = max(last, pt.Session)
		}
	}
	if err := f.Err(); err != nil {
		return "", err
	}
	c := chart{d: d, lo: lo, hi: hi, last: last, series: series, opt: opt}
	return c.draw(), nil
}

// chart is a trajectory chart being laid out.
type chart struct {
	d      *measure.Definition
	lo, hi float64
	last   int
	series []Series
	opt    Options
	instr  string
	left   float64 // the plot's left edge
	top    float64 // the plot's top edge
	bandW  float64 // the width of the band names' column
}

const (
	plotW = 300.0
	plotH = 240.0
)

func (c *chart) xOf(sn int) float64 { return c.left + plotW*(float64(sn)-0.5)/float64(c.last) }

func (c *chart) yOf(v float64) float64 {
	v = math.Max(c.lo, math.Min(c.hi, v))
	return c.top + plotH*(1-(v-c.lo)/(c.hi-c.lo))
}

// bandSpan returns the values band k of the definition covers on the
// chart: from its Min (or the previous band's Max, when that is higher)
// to the next band's start, the last band to its Max.
func (c *chart) bandSpan(k int) (from, to float64) {
	b := c.d.Bands
	from = b[k].Min
	if k > 0 {
		from = math.Max(from, b[k-1].Max)
	}
	to = b[k].Max
	if k+1 < len(b) {
		to = math.Max(b[k+1].Min, b[k].Max)
	}
	return math.Max(from, c.lo), math.Min(to, c.hi)
}

func (c *chart) draw() string {
	c.instr = strings.ToUpper(c.d.Instrument.String())
	title := c.instr + " total by session"
	for k := range c.d.Bands {
		c.bandW = math.Max(c.bandW, textWidth(bandName(c.d.Bands[k]), legendSize))
	}
	step := niceStep(c.hi-c.lo, 6)
	tickW := 0.0
	for _, v := range ticks(c.lo, c.hi, step) {
		tickW = math.Max(tickW, textWidth(value(v), legendSize))
	}
	c.left = 8 + c.bandW + 8 + tickW + 8
	nameW := 0.0
	for _, s := range c.series {
		nameW = math.Max(nameW, textWidth(seriesLabel(s), fontSize))
	}
	w := math.Max(c.left+plotW+22+nameW+8, textWidth(title, 14)+16)

	var items []legendItem
	if !c.d.Caseness.IsZero() {
		items = append(items, legendItem{c.casenessText(), 24, func(p *svg, x, cy float64) {
			p.el("line", "", "x1", num(x), "y1", num(cy), "x2", num(x+24), "y2", num(cy), "stroke", colourInk, "stroke-width", "1.5", "stroke-dasharray", "5 3")
		}})
	}
	if len(c.d.Bands) > 0 {
		items = append(items, legendItem{"severity band, darker when more severe", 14, func(p *svg, x, cy float64) {
			p.el("rect", "", "x", num(x), "y", num(cy-6), "width", "14", "height", "12", "fill", "#000", "fill-opacity", "0.12")
		}})
	}
	if c.flagged() {
		items = append(items, legendItem{"risk flag raised", 16, func(p *svg, x, cy float64) {
			p.el("circle", "", "cx", num(x+8), "cy", num(cy), "r", "6", "fill", "none", "stroke", colourRisk, "stroke-width", "2")
		}})
	}
	leg := layLegend(items, w-16)
	c.top = headingH + leg.height() + 14
	h := c.top + plotH + 40

	p := newSVG(w, h, c.opt.prefix("gw-"+xmlID(c.d.Instrument.String())+"-")+"outcome-", title, c.describe())
	p.heading(title)
	leg.draw(p, 8, headingH)
	c.drawBands(p)
	c.drawAxes(p, step)
	c.drawSeries(p)
	return p.done()
}

// drawBands shades the severity bands, names them in the left margin
// (spread apart when bands are narrow), and draws the caseness line.
func (c *chart) drawBands(p *svg) {
	n := len(c.d.Bands)
	ys := make([]float64, n)
	p.raw(`<g class="bands">` + "\n")
	for k := range n {
		from, to := c.bandSpan(k)
		severity := float64(k) / float64(max(n-1, 1))
		if !c.d.HigherIsWorse {
			severity = 1 - severity
		}
		p.el("rect", "", "x", num(c.left), "y", num(c.yOf(to)), "width", num(plotW), "height", num(c.yOf(from)-c.yOf(to)),
			"fill", "#000", "fill-opacity", strconv.FormatFloat(math.Round((0.02+0.12*severity)*1000)/1000, 'f', -1, 64))
		ys[k] = (c.yOf(from) + c.yOf(to)) / 2
	}
	// The names run from the top of the chart down, so spread them in
	// that order.
	slices.Reverse(ys)
	spread(ys, 1.25*legendSize, c.top+legendSize/2, c.top+plotH-legendSize/2)
	slices.Reverse(ys)
	for k := range n {
		p.label(bandName(c.d.Bands[k]), 8+c.bandW, ys[k], legendSize, "end", "fill", colourMuted, "font-style", "italic")
	}
	p.raw("</g>\n")
	if !c.d.Caseness.IsZero() {
		y := c.yOf(c.d.Caseness.Value)
		p.el("line", "", "class", "caseness", "x1", num(c.left), "y1", num(y), "x2", num(c.left+plotW), "y2", num(y),
			"stroke", colourInk, "stroke-width", "1.5", "stroke-dasharray", "5 3")
	}
}

// drawAxes draws the value axis with round ticks and the session axis.
func (c *chart) drawAxes(p *svg, step float64) {
	bottom := c.top + plotH
	p.raw(`<g class="value-axis">` + "\n")
	for _, v := range ticks(c.lo, c.hi, step) {
		y := c.yOf(v)
		p.el("line", "", "x1", num(c.left-4), "y1", num(y), "x2", num(c.left), "y2", num(y), "stroke", colourMuted)
		p.label(value(v), c.left-7, y, legendSize, "end", "fill", colourMuted)
	}
	p.raw("</g>\n")
	p.el("line", "", "x1", num(c.left), "y1", num(c.top), "x2", num(c.left), "y2", num(bottom), "stroke", colourMuted)
	p.el("line", "", "x1", num(c.left), "y1", num(bottom), "x2", num(c.left+plotW), "y2", num(bottom), "stroke", colourMuted)
	sstep := max(1, int(niceStep(float64(c.last), int(plotW)/24)))
	p.raw(`<g class="session-axis">` + "\n")
	p.label("1", c.xOf(1), bottom+11, legendSize, "middle", "fill", colourMuted)
	for sn := sstep; sn <= c.last; sn += sstep {
		if sn > 1 {
			p.label(strconv.Itoa(sn), c.xOf(sn), bottom+11, legendSize, "middle", "fill", colourMuted)
		}
	}
	p.raw("</g>\n")
	p.label("session", c.left+plotW/2, bottom+29, legendSize, "middle", "fill", colourMuted)
}

// drawSeries draws the lines, their points and rings, and the direct
// labels at the right, spread apart in the order of their last points.
func (c *chart) drawSeries(p *svg) {
	type end struct {
		k    int
		x, y float64
	}
	var ends []end
	for k, s := range c.series {
		colour := palette[k%len(palette)]
		p.raw(`<g class="series">`)
		p.el("title", s.Name)
		if len(s.Points) > 1 {
			pts := make([]string, 0, len(s.Points))
			for _, pt := range s.Points {
				pts = append(pts, num(c.xOf(pt.Session))+","+num(c.yOf(pt.Value)))
			}
			p.el("polyline", "", "points", strings.Join(pts, " "), "fill", "none", "stroke", colour, "stroke-width", "2")
		}
		for _, pt := range s.Points {
			cx, cy := num(c.xOf(pt.Session)), num(c.yOf(pt.Value))
			p.el("circle", "", "cx", cx, "cy", cy, "r", "3", "fill", colour)
			if pt.Flag {
				p.el("circle", "", "cx", cx, "cy", cy, "r", "7", "fill", "none", "stroke", colourRisk, "stroke-width", "2")
			}
		}
		p.raw("</g>\n")
		if n := len(s.Points); n > 0 {
			ends = append(ends, end{k, c.xOf(s.Points[n-1].Session), c.yOf(s.Points[n-1].Value)})
		}
	}
	slices.SortStableFunc(ends, func(a, b end) int { return cmp.Compare(a.y, b.y) })
	ys := make([]float64, len(ends))
	for i, e := range ends {
		ys[i] = e.y
	}
	spread(ys, 1.25*fontSize, c.top+fontSize/2, c.top+plotH-fontSize/2)
	lx := c.left + plotW + 22
	p.raw(`<g class="direct-labels">` + "\n")
	for i, e := range ends {
		s := c.series[e.k]
		p.el("line", "", "x1", num(e.x+5), "y1", num(e.y), "x2", num(lx-4), "y2", num(ys[i]),
			"stroke", palette[e.k%len(palette)], "stroke-width", "1.5")
		p.label(seriesLabel(s), lx, ys[i], fontSize, "start")
	}
	p.raw("</g>\n")
}

// flagged reports whether any point carries a risk flag.
func (c *chart) flagged() bool {
	for _, s := range c.series {
		for _, pt := range s.Points {
			if pt.Flag {
				return true
			}
		}
	}
	return false
}

// seriesLabel is a series' direct label: its name and last value.
func seriesLabel(s Series) string {
	if len(s.Points) == 0 {
		return s.Name
	}
	return s.Name + " " + value(s.Points[len(s.Points)-1].Value)
}

func (c *chart) casenessText() string {
	cut := c.d.Caseness
	op := " ≥ "
	switch {
	case c.d.HigherIsWorse && cut.Strict:
		op = " > "
	case !c.d.HigherIsWorse && cut.Strict:
		op = " < "
	case !c.d.HigherIsWorse:
		op = " ≤ "
	}
	return cut.Name + op + value(cut.Value)
}

// bandName is a band's label as the chart writes it.
func bandName(b measure.Band) string { return strings.ReplaceAll(b.Label, "-", " ") }

// value formats a total with at most two decimals, a whole number with
// none; a number of a million or more (no instrument's total, but a series
// may hold anything) in exponent form, so that it stays short.
func value(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // not -0
	}
	if math.Abs(v) >= 1e6 {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// describe is the chart's <desc>: the bands, the cut-off and each series.
func (c *chart) describe() string {
	var b strings.Builder
	b.WriteString(c.d.Name + " (" + c.instr + ") totals by session, on " + value(c.lo) + " to " + value(c.hi) + ".")
	if len(c.d.Bands) > 0 {
		bands := make([]string, len(c.d.Bands))
		for k, band := range c.d.Bands {
			bands[k] = bandName(band) + " " + value(band.Min) + " to " + value(band.Max)
		}
		b.WriteString(" Severity bands: " + strings.Join(bands, ", ") + ".")
	}
	if !c.d.Caseness.IsZero() {
		b.WriteString(" Dashed line: " + c.casenessText() + ".")
	}
	for _, s := range c.series {
		b.WriteString(" " + s.Name + ":")
		for k, pt := range s.Points {
			if k > 0 {
				b.WriteString(",")
			}
			b.WriteString(" " + value(pt.Value) + " at session " + strconv.Itoa(pt.Session))
			if pt.Flag {
				b.WriteString(" (risk flag)")
			}
		}
		b.WriteString(".")
	}
	return b.String()
}
