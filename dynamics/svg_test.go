package dynamics_test

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
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// checkSVG parses out as XML (the root must be <svg>) and compares it with
// testdata/name, rewriting the file under -update.
func checkSVG(t *testing.T, name, out string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(out))
	root := ""
	elements := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "not well-formed XML")
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Local
			}
			elements++
		}
	}
	require.Equal(t, "svg", root)
	require.Greater(t, elements, 3)

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

func storyHistory(t *testing.T) *dynamics.StageHistory {
	h, err := dynamics.NewStageHistory(dynamics.ModelTuckman)
	require.NoError(t, err)
	for i, st := range []dynamics.Stage{dynamics.StageForming, dynamics.StageForming, dynamics.StageStorming, dynamics.StageNorming, dynamics.StageStorming, dynamics.StagePerforming} {
		require.NoError(t, h.Estimated(i+1, at(i*7*86400), dynamics.Estimate{Stage: st, Confidence: 0.2 + 0.1*float64(i)}))
	}
	require.NoError(t, h.Set(4, at(3*7*86400), dynamics.StageNorming, "lee", "first \"we\" talk & real feedback"))
	return h
}

func TestPictures(t *testing.T) {
	s := story(t).SnapshotAt(at(200))
	labels := dynamics.PictureOptions{Labels: map[session.Party]string{
		mem("ana"): "Ana María <Ortiz>", mem("ben"): "Ben", fac("lee"): "Lee Park",
	}}
	initials := labels
	initials.Initials = true

	two := run(t, ids("a", "b", "c", "d", "e", "f"), nil,
		turn(0, mem("a"), mem("b"), 5, 5), turn(10, mem("b"), mem("c"), 5, 5), turn(20, mem("c"), mem("a"), 5, 5),
		turn(30, mem("d"), mem("e"), 5, 5), turn(40, mem("e"), mem("f"), 5, 5), turn(50, mem("f"), mem("d"), 5, 5),
		turn(60, mem("c"), mem("d"), 5, 5), turn(70, mem("a"), mem("b"), 5, 5),
	).Snapshot()

	phq := measure.Trajectory{Member: "ana", Instrument: measure.InstrumentPHQ9, Points: []measure.Point{
		{Session: 1, Total: 16, Complete: true},
		{Session: 0, Total: 3, Complete: true}, // outside a session: left out
		{Session: 4, Total: 12, Complete: true, Risk: measure.RiskFlag{Status: measure.RiskRaised}},
		{Session: 6, Total: 4, Complete: false},                                                     // incomplete: left out
		{Session: 7, Total: 5, Complete: false, Risk: measure.RiskFlag{Status: measure.RiskRaised}}, // kept for its flag
		{Session: 8, Total: 7, Complete: true},
	}}
	series := []dynamics.Series{dynamics.SeriesOf(phq), {Name: "ben", Points: []dynamics.SeriesPoint{{Session: 1, Value: 10}, {Session: 8, Value: 30}}}}
	if diff := cmp.Diff(dynamics.Series{Name: "ana", Points: []dynamics.SeriesPoint{
		{Session: 1, Value: 16}, {Session: 4, Value: 12, Flag: true}, {Session: 7, Value: 5, Flag: true}, {Session: 8, Value: 7},
	}}, series[0]); diff != "" {
		t.Errorf("series (-want +got):\n%s", diff)
	}

	tests := []struct {
		name string
		draw func() string
	}{
		{"sociogram.svg", func() string { return dynamics.Sociogram(&s, labels) }},
		{"sociogram-initials.svg", func() string { return dynamics.Sociogram(&s, initials) }},
		{"sociogram-subgroups.svg", func() string { return dynamics.Sociogram(&two, dynamics.PictureOptions{}) }},
		{"participation.svg", func() string { return dynamics.ParticipationChart(&s, labels) }},
		{"stage-timeline.svg", func() string { return dynamics.StageTimeline(storyHistory(t)) }},
		{"trajectory.svg", func() string { return dynamics.TrajectoryChart("PHQ-9 total", 0, 27, series) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := tc.draw()
			require.Equal(t, out, tc.draw(), "deterministic")
			checkSVG(t, tc.name, out)
		})
	}
}

func TestPicturesOfNothing(t *testing.T) {
	// Empty inputs still draw well-formed pictures.
	s := run(t, ids("a"), nil).Snapshot()
	h, err := dynamics.NewStageHistory(dynamics.ModelYalom)
	require.NoError(t, err)
	for _, out := range []string{
		dynamics.Sociogram(&s, dynamics.PictureOptions{}),
		dynamics.ParticipationChart(&s, dynamics.PictureOptions{}),
		dynamics.StageTimeline(h),
		dynamics.TrajectoryChart("nothing", 5, 5, nil),
	} {
		dec := xml.NewDecoder(strings.NewReader(out))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err)
		}
	}
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
			require.Equal(t, want, dynamics.Initials(in))
		})
	}
}

// TestSociogramIDs: two sociograms on one HTML page must not share an id.
// By default the ids follow the snapshot's time; an app may set its own
// prefix, which is kept to characters that cannot break the markup.
func TestSociogramIDs(t *testing.T) {
	tr := story(t)
	a, b := tr.SnapshotAt(at(100)), tr.SnapshotAt(at(200))
	idOf := func(svg string) string {
		_, rest, ok := strings.Cut(svg, `<marker id="`)
		require.True(t, ok)
		id, _, _ := strings.Cut(rest, `"`)
		require.Contains(t, svg, `url(#`+id+`)`, "edges point at the marker")
		return id
	}
	require.NotEqual(t, idOf(dynamics.Sociogram(&a, dynamics.PictureOptions{})), idOf(dynamics.Sociogram(&b, dynamics.PictureOptions{})))
	require.Equal(t, "s6-x--arrow", idOf(dynamics.Sociogram(&a, dynamics.PictureOptions{IDPrefix: `s6-x"<`})))
}

// TestPicturesTellAbsentFromSilent: a member who never came is drawn apart
// from one who came and said nothing. Silence is a dynamic for the
// facilitator to work with; absence is not.
func TestPicturesTellAbsentFromSilent(t *testing.T) {
	s := run(t, ids("gone", "quiet", "x", "y"), nil,
		started(0, ids("quiet", "x", "y"), nil),
		turn(10, mem("x"), mem("y"), 5, 5), turn(20, mem("y"), mem("x"), 5, 5),
	).Snapshot()
	socio := dynamics.Sociogram(&s, dynamics.PictureOptions{})
	require.Contains(t, socio, `<title>member:gone: absent</title>`)
	require.Contains(t, socio, `<title>member:quiet: 0 turns, 0% of talk, 0 to the group</title>`)
	require.Equal(t, 1, strings.Count(socio, `class="node absent"`))

	chart := dynamics.ParticipationChart(&s, dynamics.PictureOptions{})
	require.Equal(t, 1, strings.Count(chart, `>absent</text>`))
	require.Equal(t, 3, strings.Count(chart, `height="14"`), "talk bars for the three who attended only")
}
