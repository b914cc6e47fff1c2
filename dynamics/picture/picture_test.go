package picture_test

import (
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/picture"
	"github.com/groupwork/groupwork/dynamics/stage"
	sc "github.com/groupwork/groupwork/internal/testkit/script"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// element is one element of a parsed picture: its name, attributes, the
// text directly inside it and the classes of the groups around it.
type element struct {
	name  string
	attr  map[string]string
	text  string
	under []string // the class attributes of the enclosing elements, outermost first
}

// parse reads a picture as XML (the root must be <svg>) and returns its
// elements in document order.
func parse(t testing.TB, out string) []element {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(out))
	var all []element
	var open []int
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "not well-formed XML")
		switch x := tok.(type) {
		case xml.StartElement:
			e := element{name: x.Name.Local, attr: map[string]string{}}
			for _, a := range x.Attr {
				e.attr[a.Name.Local] = a.Value
			}
			for _, k := range open {
				if c := all[k].attr["class"]; c != "" {
					e.under = append(e.under, c)
				}
			}
			open = append(open, len(all))
			all = append(all, e)
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			if len(open) > 0 {
				all[open[len(open)-1]].text += string(x)
			}
		}
	}
	require.NotEmpty(t, all)
	require.Equal(t, "svg", all[0].name)
	return all
}

// texts returns the text of the <text> elements inside a group of class
// within (all of them when within is empty).
func texts(els []element, within string) []string {
	var out []string
	for _, e := range els {
		if e.name == "text" && (within == "" || contains(e.under, within)) {
			out = append(out, e.text)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// checkGolden compares out with testdata/name, rewriting it under -update.
func checkGolden(t *testing.T, name, out string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create the golden file")
	if diff := cmp.Diff(string(want), out); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
	}
}

func storyHistory(t testing.TB) *stage.History {
	h, err := stage.NewHistory(stage.Tuckman)
	require.NoError(t, err)
	for i, st := range []stage.Stage{stage.Forming, stage.Forming, stage.Storming, stage.Norming, stage.Storming, stage.Performing} {
		require.NoError(t, h.Estimated(i+1, sc.At(i*7*86400), stage.Estimate{Stage: st, Confidence: 0.2 + 0.1*float64(i)}))
	}
	require.NoError(t, h.Set(4, sc.At(3*7*86400), stage.Norming, "lee", "first \"we\" talk & real feedback"))
	return h
}

// twoTriangles is a session of six members in two subgroups of three.
func twoTriangles(t testing.TB) dynamics.Snapshot {
	return sc.Run(t, sc.IDs("a", "b", "c", "d", "e", "f"), nil,
		sc.Turn(0, sc.Mem("a"), sc.Mem("b"), 5, 5), sc.Turn(10, sc.Mem("b"), sc.Mem("c"), 5, 5), sc.Turn(20, sc.Mem("c"), sc.Mem("a"), 5, 5),
		sc.Turn(30, sc.Mem("d"), sc.Mem("e"), 5, 5), sc.Turn(40, sc.Mem("e"), sc.Mem("f"), 5, 5), sc.Turn(50, sc.Mem("f"), sc.Mem("d"), 5, 5),
		sc.Turn(60, sc.Mem("c"), sc.Mem("d"), 5, 5), sc.Turn(70, sc.Mem("a"), sc.Mem("b"), 5, 5), sc.Turn(80, sc.Mem("b"), sc.Mem("a"), 5, 5),
	).Snapshot()
}

func phq9(t testing.TB) *measure.Definition {
	d, err := measure.BuiltinCatalog().Lookup(measure.InstrumentPHQ9)
	require.NoError(t, err)
	return &d
}

func TestPictures(t *testing.T) {
	s := sc.Story(t).SnapshotAt(sc.At(200))
	labels := picture.Options{Labels: map[session.Party]string{
		sc.Mem("ana"): "Ana María <Ortiz>", sc.Mem("ben"): "Ben", sc.Fac("lee"): "Lee Park",
	}}
	initials := labels
	initials.Initials = true
	two := twoTriangles(t)

	phq := measure.Trajectory{Member: "ana", Instrument: measure.InstrumentPHQ9, Points: []measure.Point{
		{Session: 1, Total: 16, Complete: true},
		{Session: 0, Total: 3, Complete: true}, // outside a session: left out
		{Session: 4, Total: 12, Complete: true, Risk: measure.RiskFlag{Status: measure.RiskRaised}},
		{Session: 6, Total: 4, Complete: false},                                                     // incomplete: left out
		{Session: 7, Total: 5, Complete: false, Risk: measure.RiskFlag{Status: measure.RiskRaised}}, // kept for its flag
		{Session: 8, Total: 7, Complete: true},
	}}
	series := []picture.Series{picture.SeriesOf(phq), {Name: "ben", Points: []picture.SeriesPoint{{Session: 1, Value: 10}, {Session: 8, Value: 30}}}}
	if diff := cmp.Diff(picture.Series{Name: "ana", Points: []picture.SeriesPoint{
		{Session: 1, Value: 16}, {Session: 4, Value: 12, Flag: true}, {Session: 7, Value: 5, Flag: true}, {Session: 8, Value: 7},
	}}, series[0]); diff != "" {
		t.Errorf("series (-want +got):\n%s", diff)
	}
	k10, err := measure.BuiltinCatalog().Lookup(measure.InstrumentK10)
	require.NoError(t, err)

	must := func(out string, err error) string {
		require.NoError(t, err)
		return out
	}
	tests := []struct {
		name string
		draw func() string
	}{
		{"sociogram.svg", func() string { return picture.Sociogram(&s, labels) }},
		{"sociogram-initials.svg", func() string { return picture.Sociogram(&s, initials) }},
		{"sociogram-subgroups.svg", func() string { return picture.Sociogram(&two, picture.Options{}) }},
		{"participation.svg", func() string { return picture.ParticipationChart(&s, labels) }},
		{"stage-timeline.svg", func() string { return must(picture.StageTimeline(storyHistory(t), labels)) }},
		{"trajectory.svg", func() string { return must(picture.TrajectoryChart(phq9(t), series, labels)) }},
		{"trajectory-k10.svg", func() string {
			return must(picture.TrajectoryChart(&k10, []picture.Series{{Name: "cy", Points: []picture.SeriesPoint{{Session: 1, Value: 31}, {Session: 2, Value: 24}}}}, picture.Options{}))
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := tc.draw()
			require.Equal(t, out, tc.draw(), "deterministic")
			els := parse(t, out)
			// Every picture has a title and a description, named for
			// screen readers by the svg element.
			require.Equal(t, "title", els[1].name)
			require.Equal(t, "desc", els[2].name)
			require.NotEmpty(t, els[1].text)
			require.NotEmpty(t, els[2].text)
			require.Equal(t, "img", els[0].attr["role"])
			require.Equal(t, els[1].attr["id"], els[0].attr["aria-labelledby"])
			require.Equal(t, els[2].attr["id"], els[0].attr["aria-describedby"])
			require.NotEmpty(t, els[0].attr["viewBox"], "the picture scales")
			checkGolden(t, tc.name, out)
		})
	}
}

func TestPicturesOfNothing(t *testing.T) {
	// Empty inputs still draw well-formed pictures.
	s := sc.Run(t, sc.IDs("a"), nil).Snapshot()
	h, err := stage.NewHistory(stage.Yalom)
	require.NoError(t, err)
	timeline, err := picture.StageTimeline(h, picture.Options{})
	require.NoError(t, err)
	chart, err := picture.TrajectoryChart(phq9(t), nil, picture.Options{})
	require.NoError(t, err)
	for _, out := range []string{picture.Sociogram(&s, picture.Options{}), picture.ParticipationChart(&s, picture.Options{}), timeline, chart} {
		parse(t, out)
	}
	var none dynamics.Snapshot
	parse(t, picture.Sociogram(&none, picture.Options{}))
	parse(t, picture.ParticipationChart(&none, picture.Options{}))
}

func TestInitials(t *testing.T) {
	tests := map[string]string{
		"Ana María Ortiz": "AO",
		"ben":             "B",
		"lee-park":        "LP",
		"éva  nagy":       "ÉN",
		"":                "",
		"j.r.r. tolkien":  "JT",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			require.Equal(t, want, picture.Initials(in))
		})
	}
}

// TestIDs: pictures on one HTML page must not share an id. By default a
// session's pictures take their ids from the snapshot's time and the
// others from the model or instrument; an app may set its own prefix,
// which is kept to characters that cannot break the markup.
func TestIDs(t *testing.T) {
	tr := sc.Story(t)
	a, b := tr.SnapshotAt(sc.At(100)), tr.SnapshotAt(sc.At(200))
	ids := map[string]bool{}
	add := func(out string) {
		for _, e := range parse(t, out) {
			if id := e.attr["id"]; id != "" {
				require.False(t, ids[id], "id %q used twice", id)
				ids[id] = true
			}
		}
	}
	timeline, err := picture.StageTimeline(storyHistory(t), picture.Options{})
	require.NoError(t, err)
	chart, err := picture.TrajectoryChart(phq9(t), nil, picture.Options{})
	require.NoError(t, err)
	for _, out := range []string{
		picture.Sociogram(&a, picture.Options{}), picture.Sociogram(&b, picture.Options{}),
		picture.ParticipationChart(&a, picture.Options{}), picture.ParticipationChart(&b, picture.Options{}),
		timeline, chart,
	} {
		add(out)
	}
	require.Len(t, ids, 12, "a title and a desc each")

	els := parse(t, picture.Sociogram(&a, picture.Options{IDPrefix: `s6-x"<`}))
	require.Equal(t, "s6-x--sociogram-title", els[1].attr["id"])
}

// TestMarkupInjection: a name is text wherever a picture shows it, never
// markup.
func TestMarkupInjection(t *testing.T) {
	evil := `</text><script>alert("x")</script><text a='&amp;'>`
	s := sc.Story(t).SnapshotAt(sc.At(200))
	opt := picture.Options{Labels: map[session.Party]string{sc.Mem("ana"): evil, sc.Fac("lee"): evil}, IDPrefix: evil}
	h := storyHistory(t)
	timeline, err := picture.StageTimeline(h, opt)
	require.NoError(t, err)
	chart, err := picture.TrajectoryChart(phq9(t), []picture.Series{{Name: evil, Points: []picture.SeriesPoint{{Session: 1, Value: 3}}}}, opt)
	require.NoError(t, err)
	for _, out := range []string{picture.Sociogram(&s, opt), picture.ParticipationChart(&s, opt), timeline, chart} {
		els := parse(t, out)
		found := false
		for _, e := range els {
			require.NotEqual(t, "script", e.name)
			found = found || strings.Contains(e.text, evil)
		}
		require.True(t, found, "the name is shown as text")
	}
}

// TestPicturesTellAbsentFromSilent: a member who never came is drawn apart
// from one who came and said nothing. Silence is a dynamic for the
// facilitator to work with; absence is not.
func TestPicturesTellAbsentFromSilent(t *testing.T) {
	s := sc.Run(t, sc.IDs("gone", "quiet", "x", "y"), nil,
		sc.Started(0, sc.IDs("quiet", "x", "y"), nil),
		sc.Turn(10, sc.Mem("x"), sc.Mem("y"), 5, 5), sc.Turn(20, sc.Mem("y"), sc.Mem("x"), 5, 5),
	).Snapshot()
	socio := picture.Sociogram(&s, picture.Options{Labels: map[session.Party]string{sc.Mem("gone"): "Gwen"}})
	require.Contains(t, socio, `<title>Gwen: absent</title>`)
	require.Contains(t, socio, `<title>quiet: 0 turns, 0% of talk, 0 to the group</title>`)
	require.Equal(t, 1, strings.Count(socio, `class="node absent"`))

	bars := 0
	for _, e := range parse(t, picture.ParticipationChart(&s, picture.Options{})) {
		if e.name == "rect" && contains(e.under, "member") {
			bars++
		}
	}
	require.Equal(t, 6, bars, "talk and turn bars for the three who attended only")
	require.Contains(t, texts(parse(t, picture.ParticipationChart(&s, picture.Options{})), "member"), "absent")
}
