package picture

import (
	"math"
	"unicode"
)

// The layout works on estimates, since a library without I/O cannot ask
// a font how wide a text is. textWidth estimates a text's advance width
// from per-character widths close to DejaVu Sans, the widest of the common
// sans-serif faces (and the one a Linux browser picks for sans-serif), so
// the faces of other systems draw the same text narrower, never wider. A
// text box is 1.2 em tall, centred on the line the label is placed at.

// asciiWidth holds the advance widths of ASCII 32 to 126 in em, rounded up
// from DejaVu Sans.
var asciiWidth = [95]float64{
	0.32, 0.40, 0.46, 0.84, 0.64, 0.95, 0.78, 0.28, 0.39, 0.39, 0.50, 0.84, 0.32, 0.37, 0.32, 0.34, // space to /
	0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84, 0.54, // 0 to ?
	1.00, 0.69, 0.69, 0.70, 0.77, 0.64, 0.58, 0.78, 0.76, 0.30, 0.30, 0.66, 0.56, 0.87, 0.75, 0.79, // @ to O
	0.61, 0.79, 0.70, 0.64, 0.62, 0.74, 0.69, 0.99, 0.69, 0.62, 0.69, 0.39, 0.34, 0.39, 0.84, 0.50, // P to _
	0.50, 0.62, 0.64, 0.56, 0.64, 0.62, 0.36, 0.64, 0.64, 0.28, 0.28, 0.58, 0.28, 0.98, 0.64, 0.62, // ` to o
	0.64, 0.64, 0.42, 0.53, 0.40, 0.64, 0.60, 0.82, 0.60, 0.60, 0.53, 0.64, 0.34, 0.64, 0.84, // p to ~
}

// textWidth estimates the advance width of s at font size size.
func textWidth(s string, size float64) float64 {
	em := 0.0
	for _, r := range s {
		switch {
		case r >= 32 && r <= 126:
			em += asciiWidth[r-32]
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r):
			// combining marks and format characters take no room
		case wide(r):
			em += 1.0
		case unicode.Is(unicode.Sm, r):
			em += 0.84 // mathematical symbols such as ≥
		default:
			em += 0.75 // accented Latin, Greek, Cyrillic and the like
		}
	}
	return em * size
}

// wide reports whether r is drawn a full em wide: the ideographs, kana,
// Hangul and the fullwidth forms.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0xFF00 && r <= 0xFF60 || r >= 0x3000 && r <= 0x303F
}

// rect is an axis-aligned box.
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) overlaps(o rect) bool {
	return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1
}

func (r rect) grow(d float64) rect { return rect{r.x0 - d, r.y0 - d, r.x1 + d, r.y1 + d} }

func (r rect) union(o rect) rect {
	return rect{math.Min(r.x0, o.x0), math.Min(r.y0, o.y0), math.Max(r.x1, o.x1), math.Max(r.y1, o.y1)}
}

// hitsDisc reports whether r comes within d of the disc at (cx, cy) of
// radius rad.
func (r rect) hitsDisc(cx, cy, rad, d float64) bool {
	nx := math.Max(r.x0, math.Min(cx, r.x1))
	ny := math.Max(r.y0, math.Min(cy, r.y1))
	return math.Hypot(cx-nx, cy-ny) < rad+d
}

// hitsSegment reports whether the segment from a to b, drawn half-width
// hw, touches r: the segment is clipped against r grown by hw
// (Liang-Barsky).
func (r rect) hitsSegment(ax, ay, bx, by, hw float64) bool {
	g := r.grow(hw)
	t0, t1 := 0.0, 1.0
	dx, dy := bx-ax, by-ay
	for _, c := range [4][2]float64{{-dx, ax - g.x0}, {dx, g.x1 - ax}, {-dy, ay - g.y0}, {dy, g.y1 - ay}} {
		p, q := c[0], c[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// niceStep returns a round step (1, 2 or 5 times a power of ten) that
// cuts span into at most max intervals.
func niceStep(span float64, max int) float64 {
	if !(span > 0) || max < 1 {
		return 1
	}
	raw := span / float64(max)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// ticks returns the multiples of step within lo..hi.
func ticks(lo, hi, step float64) []float64 {
	var out []float64
	for v := math.Ceil(lo/step-1e-9) * step; v <= hi+1e-9; v += step {
		out = append(out, math.Round(v/step)*step)
	}
	return out
}

// spread moves the centres ys (sorted ascending by the caller's order) so
// that neighbours are at least gap apart and all lie within lo..hi when
// they fit, keeping their order: a pass down pushes each below its
// predecessor, a pass up pulls the last ones back within hi. It runs in
// linear time and changes ys in place.
func spread(ys []float64, gap, lo, hi float64) {
	for i := range ys {
		if i == 0 {
			ys[i] = math.Max(ys[i], lo)
			continue
		}
		ys[i] = math.Max(ys[i], ys[i-1]+gap)
	}
	for i := len(ys) - 1; i >= 0; i-- {
		limit := hi
		if i < len(ys)-1 {
			limit = ys[i+1] - gap
		}
		ys[i] = math.Min(ys[i], limit)
	}
	// When they do not fit, the upward pass may have pushed the first ones
	// above lo: let them run past hi instead, never onto each other.
	for i := range ys {
		if i == 0 {
			ys[i] = math.Max(ys[i], lo)
			continue
		}
		ys[i] = math.Max(ys[i], ys[i-1]+gap)
	}
}

// flow lays out legend items in rows no wider than width: it returns each
// item's left x and row number. Item widths are estimates; gap separates
// items on a row.
func flow(widths []float64, width, gap float64) (xs []float64, rows []int) {
	xs, rows = make([]float64, len(widths)), make([]int, len(widths))
	x, row := 0.0, 0
	for i, w := range widths {
		if x > 0 && x+w > width {
			x, row = 0, row+1
		}
		xs[i], rows[i] = x, row
		x += w + gap
	}
	return xs, rows
}

// legendItem is one entry of a legend: a sample sampleW wide, drawn by
// sample with its vertical centre at cy, then the text.
type legendItem struct {
	text    string
	sampleW float64
	sample  func(p *svg, x, cy float64)
}

const legendRow = 18.0 // the height of a legend row

// legend is a legend flowed into rows.
type legend struct {
	items []legendItem
	xs    []float64
	rows  []int
}

// layLegend flows items into rows no wider than width.
func layLegend(items []legendItem, width float64) legend {
	widths := make([]float64, len(items))
	for i, it := range items {
		widths[i] = it.sampleW + 5 + textWidth(it.text, legendSize)
	}
	xs, rows := flow(widths, width, 16)
	return legend{items, xs, rows}
}

// height returns the height of the legend's rows.
func (l legend) height() float64 {
	if len(l.rows) == 0 {
		return 0
	}
	return float64(l.rows[len(l.rows)-1]+1) * legendRow
}

// draw writes the legend with its top left corner at x, y.
func (l legend) draw(p *svg, x, y float64) {
	p.raw(`<g class="legend">` + "\n")
	for i, it := range l.items {
		lx, cy := x+l.xs[i], y+float64(l.rows[i])*legendRow+legendRow/2
		it.sample(p, lx, cy)
		p.label(it.text, lx+it.sampleW+5, cy, legendSize, "start")
	}
	p.raw("</g>\n")
}

// swatch is a legend sample: a disc of colour fill.
func swatch(fill string) func(p *svg, x, cy float64) {
	return func(p *svg, x, cy float64) {
		p.el("circle", "", "cx", num(x+6), "cy", num(cy), "r", "5.5", "fill", fill)
	}
}

// heading writes a picture's visible heading at the top left.
func (p *svg) heading(text string) {
	p.el("text", text, "x", "8", "y", "19", "font-size", "14", "font-weight", "600")
}

const headingH = 28.0 // the room a heading takes at the top of a picture

// cell is the side of a cell of the obstacle grid.
const cell = 32.0

// obstacles is what a label must keep clear of, filed by grid cell.
type obstacles struct {
	g     *graph
	cells map[[2]int][]int32 // node k as k, edge k as -1-k
	boxes []rect             // labels placed so far
	boxAt map[[2]int][]int32
}

func cellOf(x, y float64) [2]int { return [2]int{int(math.Floor(x / cell)), int(math.Floor(y / cell))} }

// file records item in every cell that r touches.
func file(m map[[2]int][]int32, r rect, item int32) {
	a, b := cellOf(r.x0, r.y0), cellOf(r.x1, r.y1)
	for cx := a[0]; cx <= b[0]; cx++ {
		for cy := a[1]; cy <= b[1]; cy++ {
			m[[2]int{cx, cy}] = append(m[[2]int{cx, cy}], item)
		}
	}
}

func newObstacles(g *graph) *obstacles {
	o := &obstacles{g: g, cells: map[[2]int][]int32{}, boxAt: map[[2]int][]int32{}}
	for k, nd := range g.nodes {
		file(o.cells, rect{nd.x - nd.r, nd.y - nd.r, nd.x + nd.r, nd.y + nd.r}.grow(3), int32(k))
	}
	for k, e := range g.edges {
		// File the edge piece by piece, so that a long edge takes only the
		// cells along it.
		pieces := max(1, int(math.Hypot(e.tx-e.ax, e.ty-e.ay)/cell))
		for i := range pieces {
			t0, t1 := float64(i)/float64(pieces), float64(i+1)/float64(pieces)
			x0, y0 := e.ax+(e.tx-e.ax)*t0, e.ay+(e.ty-e.ay)*t0
			x1, y1 := e.ax+(e.tx-e.ax)*t1, e.ay+(e.ty-e.ay)*t1
			r := rect{math.Min(x0, x1), math.Min(y0, y1), math.Max(x0, x1), math.Max(y0, y1)}
			file(o.cells, r.grow(e.hw+2), int32(-1-k))
		}
	}
	return o
}

// free reports whether a label box r meets no disc, edge or label.
func (o *obstacles) free(r rect) bool {
	a, b := cellOf(r.x0, r.y0), cellOf(r.x1, r.y1)
	for cx := a[0]; cx <= b[0]; cx++ {
		for cy := a[1]; cy <= b[1]; cy++ {
			for _, it := range o.cells[[2]int{cx, cy}] {
				if it >= 0 {
					nd := o.g.nodes[it]
					if r.hitsDisc(nd.x, nd.y, nd.r, 3) {
						return false
					}
					continue
				}
				e := o.g.edges[-1-it]
				if r.hitsSegment(e.ax, e.ay, e.tx, e.ty, e.hw+2) {
					return false
				}
			}
			for _, k := range o.boxAt[[2]int{cx, cy}] {
				if r.overlaps(o.boxes[k].grow(2)) {
					return false
				}
			}
		}
	}
	return true
}

func (o *obstacles) add(r rect) {
	file(o.boxAt, r, int32(len(o.boxes)))
	o.boxes = append(o.boxes, r)
}

// labelTurns are the angles a label may turn from straight out of the circle,
// tried in order at each distance.
var labelTurns = [...]float64{0, 0.35, -0.35, 0.7, -0.7}

// placeLabels places each person's label greedily (see Sociogram) and
// sets the graph's bounding box.
func (g *graph) placeLabels() {
	o := newObstacles(g)
	g.labels = make([]placed, len(g.nodes))
	g.box = rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	h := 1.2 * fontSize
	limit := 4*len(g.nodes) + 60
	for k, nd := range g.nodes {
		w := textWidth(nd.name, fontSize)
		out := math.Atan2(nd.y, nd.x) // straight out of the circle
		var box rect
		var at placed
	search:
		for step := 0; step < limit; step++ {
			for _, turn := range labelTurns {
				vx, vy := math.Cos(out+turn), math.Sin(out+turn)
				d := nd.r + 5 + 5*float64(step)
				at = placed{nd.x + vx*(d+w/2), nd.y + vy*(d+h/2)}
				box = rect{at.x - w/2, at.y - h/2, at.x + w/2, at.y + h/2}
				if o.free(box) {
					break search
				}
			}
		}
		o.add(box)
		g.labels[k] = at
		g.box = g.box.union(box).union(rect{nd.x - nd.r, nd.y - nd.r, nd.x + nd.r, nd.y + nd.r})
	}
	if len(g.nodes) == 0 {
		g.box = rect{}
	}
}
