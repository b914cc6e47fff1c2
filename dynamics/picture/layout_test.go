package picture_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/picture"
	"github.com/groupwork/groupwork/group"
	sc "github.com/groupwork/groupwork/internal/testkit/script"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// box is a label's box as the test estimates it: 0.45 em per character,
// narrower than the common sans-serif faces draw these names (Liberation
// Sans, the narrowest of them, takes about 0.48 em), so that the test never
// blames the layout for its own generosity; 1.2 em tall.
type box struct{ x0, y0, x1, y1 float64 }

func labelBox(e element) box {
	x, _ := strconv.ParseFloat(e.attr["x"], 64)
	y, _ := strconv.ParseFloat(e.attr["y"], 64)
	size := 12.0
	if s, ok := e.attr["font-size"]; ok {
		size, _ = strconv.ParseFloat(s, 64)
	}
	w := 0.45 * size * float64(len([]rune(e.text)))
	cy := y - 0.35*size
	x0 := x - w/2
	switch e.attr["text-anchor"] {
	case "start":
		x0 = x
	case "end":
		x0 = x - w
	}
	return box{x0, cy - 0.6*size, x0 + w, cy + 0.6*size}
}

func (b box) overlaps(o box) bool { return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1 }

// hitsSegment reports whether the segment a-b drawn with half-width hw
// crosses b, by sampling it every half unit.
func (b box) hitsSegment(ax, ay, bx, by, hw float64) bool {
	n := int(math.Hypot(bx-ax, by-ay)*2) + 1
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		x, y := ax+(bx-ax)*t, ay+(by-ay)*t
		if x > b.x0-hw && x < b.x1+hw && y > b.y0-hw && y < b.y1+hw {
			return true
		}
	}
	return false
}

func f(e element, name string) float64 {
	v, _ := strconv.ParseFloat(e.attr[name], 64)
	return v
}

// points reads the corners of an arrowhead path "Mx,yLx,yLx,yZ".
func points(d string) [][2]float64 {
	var out [][2]float64
	for _, p := range strings.FieldsFunc(d, func(r rune) bool { return r == 'M' || r == 'L' || r == 'Z' }) {
		x, y, _ := strings.Cut(p, ",")
		px, _ := strconv.ParseFloat(x, 64)
		py, _ := strconv.ParseFloat(y, 64)
		out = append(out, [2]float64{px, py})
	}
	return out
}

// randomSession plays a session of n members (some absent, some with long
// names) and two facilitators, with turns drawn from a seeded generator.
func randomSession(t testing.TB, n int, seed uint64) (dynamics.Snapshot, picture.Options) {
	r := rand.New(rand.NewPCG(seed, 1))
	ids := make([]group.MemberID, n)
	opt := picture.Options{Labels: map[session.Party]string{sc.Fac("f1"): "Dr. Abigail Featherstonehaugh", sc.Fac("f2"): "Sam Okafor"}}
	var present []group.MemberID
	for i := range ids {
		ids[i] = group.MemberID(fmt.Sprintf("m%02d", i))
		name := []string{"Al", "Beatriz Montenegro-Salazar", "Chen Wei", "Dmitri", "Oluwaseun Adeyemi"}[r.IntN(5)]
		opt.Labels[session.MemberParty(ids[i])] = name + " " + strconv.Itoa(i)
		if r.IntN(6) > 0 {
			present = append(present, ids[i])
		}
	}
	if len(present) == 0 {
		present = ids[:1]
	}
	people := []session.Party{sc.Fac("f1"), sc.Fac("f2")}
	for _, id := range present {
		people = append(people, session.MemberParty(id))
	}
	events := []session.Event{sc.Started(0, present, sc.FacIDs("f1", "f2"))}
	for k := range 4 * n {
		a, b := people[r.IntN(len(people))], people[r.IntN(len(people))]
		if a == b {
			b = session.WholeGroup()
		}
		events = append(events, sc.Turn(10*(k+1), a, b, 1+r.IntN(60), session.ActGivesOpinion))
	}
	return sc.Run(t, ids, sc.FacIDs("f1", "f2"), events...).Snapshot(), opt
}

// TestSociogramLayout draws random sessions of 2 to 40 members and checks
// the layout's promises: every label clear of the other labels, the discs
// and the arrows, and inside the picture; arrows that stop at the edges of
// the discs; the two arrows of a pair who spoke both ways apart.
func TestSociogramLayout(t *testing.T) {
	for _, n := range []int{2, 3, 5, 8, 12, 20, 40} {
		for seed := range uint64(3) {
			t.Run(fmt.Sprintf("%d members seed %d", n, seed), func(t *testing.T) {
				s, opt := randomSession(t, n, seed)
				els := parse(t, picture.Sociogram(&s, opt))
				vb := strings.Fields(els[0].attr["viewBox"])
				w, _ := strconv.ParseFloat(vb[2], 64)
				h, _ := strconv.ParseFloat(vb[3], 64)

				var labels []box
				var names []string
				type disc struct{ x, y, r float64 }
				var discs []disc
				type seg struct{ ax, ay, bx, by, hw float64 }
				var segs []seg
				arrows := map[string]seg{} // by title: "a to b: n turns"
				var tips [][2]float64
				title := ""
				for _, e := range els {
					switch {
					case e.name == "text" && contains(e.under, "nodes"):
						labels, names = append(labels, labelBox(e)), append(names, e.text)
					case e.name == "circle" && contains(e.under, "nodes"):
						discs = append(discs, disc{f(e, "cx"), f(e, "cy"), f(e, "r")})
					case e.name == "title" && contains(e.under, "edge"):
						title = e.text
					case e.name == "line" && contains(e.under, "edges"):
						sg := seg{f(e, "x1"), f(e, "y1"), f(e, "x2"), f(e, "y2"), f(e, "stroke-width") / 2}
						segs = append(segs, sg)
						arrows[title] = sg
					case e.name == "path" && contains(e.under, "edges"):
						p := points(e.attr["d"])
						require.Len(t, p, 3)
						for k := range 3 {
							segs = append(segs, seg{p[k][0], p[k][1], p[(k+1)%3][0], p[(k+1)%3][1], 0})
						}
						tips = append(tips, p[0])
					}
				}
				// Each arrow's tip stops at a disc's edge: outside every
				// disc, and within 3 of one.
				for _, tip := range tips {
					near := false
					for _, d := range discs {
						dist := math.Hypot(tip[0]-d.x, tip[1]-d.y)
						require.GreaterOrEqual(t, dist, d.r, "an arrow tip inside a disc")
						near = near || dist <= d.r+3
					}
					require.True(t, near, "an arrow tip at %v stops short of the disc", tip)
				}
				require.Len(t, labels, len(s.Members)+len(s.Facilitators))
				for i, a := range labels {
					require.True(t, a.x0 >= 0 && a.y0 >= 0 && a.x1 <= w && a.y1 <= h, "%q is cut off", names[i])
					for j := i + 1; j < len(labels); j++ {
						require.False(t, a.overlaps(labels[j]), "%q overlaps %q", names[i], names[j])
					}
					for _, d := range discs {
						nx, ny := math.Max(a.x0, math.Min(d.x, a.x1)), math.Max(a.y0, math.Min(d.y, a.y1))
						require.GreaterOrEqual(t, math.Hypot(d.x-nx, d.y-ny), d.r, "%q sits on a disc", names[i])
					}
					for _, sg := range segs {
						require.False(t, a.hitsSegment(sg.ax, sg.ay, sg.bx, sg.by, sg.hw), "%q sits on an arrow", names[i])
					}
				}
				for tl, a := range arrows {
					from, rest, _ := strings.Cut(tl, " to ")
					to, _, _ := strings.Cut(rest, ": ")
					for tl2, b := range arrows {
						if strings.HasPrefix(tl2, to+" to "+from+": ") {
							gap := math.Hypot((a.ax+a.bx)/2-(b.ax+b.bx)/2, (a.ay+a.by)/2-(b.ay+b.by)/2)
							require.Greater(t, gap, a.hw+b.hw, "%s and %s are drawn on each other", tl, tl2)
						}
					}
				}
			})
		}
	}
}

func TestSociogramSubgroupsCaption(t *testing.T) {
	caption := func(s dynamics.Snapshot) string {
		els := parse(t, picture.Sociogram(&s, picture.Options{}))
		return els[len(els)-1].text
	}
	require.Equal(t, "2 subgroups (modularity 0.36)", caption(twoTriangles(t)))
	require.Equal(t, "1 subgroup (modularity 0.00)", caption(sc.Story(t).SnapshotAt(sc.At(200))))
	require.Equal(t, "no subgroups found", caption(sc.Run(t, sc.IDs("a", "b"), nil).Snapshot()))
	legend := texts(parse(t, picture.Sociogram(new(twoTriangles(t)), picture.Options{})), "legend")
	require.Subset(t, legend, []string{"subgroup 1", "subgroup 2", "1 turn", "2 turns"})
}

// TestTrajectoryTicksAreRound: the value axis of each built-in instrument
// with a total is marked at round steps (1, 2 or 5 times a power of ten),
// from the range of its definition.
func TestTrajectoryTicksAreRound(t *testing.T) {
	want := map[measure.Instrument][]string{
		measure.InstrumentPHQ9:   {"0", "5", "10", "15", "20", "25"},
		measure.InstrumentGAD7:   {"0", "5", "10", "15", "20"},
		measure.InstrumentCORE10: {"0", "10", "20", "30", "40"},
		measure.InstrumentK10:    {"10", "20", "30", "40", "50"},
		measure.InstrumentWHO5:   {"0", "20", "40", "60", "80", "100"},
		measure.InstrumentPCL5:   {"0", "20", "40", "60", "80"},
		measure.InstrumentAUDITC: {"0", "2", "4", "6", "8", "10", "12"},
	}
	for inst, ticks := range want {
		t.Run(inst.String(), func(t *testing.T) {
			d, err := measure.BuiltinCatalog().Lookup(inst)
			require.NoError(t, err)
			out, err := picture.TrajectoryChart(&d, nil, picture.Options{})
			require.NoError(t, err)
			require.Equal(t, ticks, texts(parse(t, out), "value-axis"))
		})
	}
}

// TestTrajectoryReadsTheDefinition: the bands, their names and the
// caseness line come from the definition, so an app's own instrument is
// drawn with its own.
func TestTrajectoryReadsTheDefinition(t *testing.T) {
	d := phq9(t).Clone()
	d.Instrument = "my-scale"
	d.Bands = []measure.Band{{Label: "low", Min: 0, Max: 9}, {Label: "mid", Min: 10, Max: 19}, {Label: "very-high", Min: 20, Max: 27}}
	d.Caseness = measure.Cutoff{Name: "case", Value: 12}
	out, err := picture.TrajectoryChart(&d, nil, picture.Options{})
	require.NoError(t, err)
	els := parse(t, out)
	require.Equal(t, []string{"low", "mid", "very high"}, texts(els, "bands"))
	require.Contains(t, texts(els, "legend"), "case ≥ 12")
	require.Equal(t, "MY-SCALE total by session", els[1].text)
	var bands int
	var caseness float64
	tick := map[string]float64{}
	for k, e := range els {
		switch {
		case e.name == "rect" && contains(e.under, "bands"):
			bands++
		case e.attr["class"] == "caseness":
			caseness = f(e, "y1")
		case e.name == "line" && contains(e.under, "value-axis"):
			tick[els[k+1].text] = f(e, "y1") // each tick mark is followed by its label
		}
	}
	require.Equal(t, 3, bands)
	require.Less(t, caseness, tick["10"], "12 is drawn above 10")
	require.Greater(t, caseness, tick["15"], "and below 15")
}
