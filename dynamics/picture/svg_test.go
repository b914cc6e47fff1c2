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

	sc "github.com/groupwork/groupwork/internal/testkit/script"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/picture"
	"github.com/groupwork/groupwork/dynamics/stage"
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

func storyHistory(t *testing.T) *stage.History {
	h, err := stage.NewHistory(stage.Tuckman)
	require.NoError(t, err)
	for i, st := range []stage.Stage{stage.Forming, stage.Forming, stage.Storming, stage.Norming, stage.Storming, stage.Performing} {
		require.NoError(t, h.Estimated(i+1, sc.At(i*7*86400), stage.Estimate{Stage: st, Confidence: 0.2 + 0.1*float64(i)}))
	}
	require.NoError(t, h.Set(4, sc.At(3*7*86400), stage.Norming, "lee", "first \"we\" talk & real feedback"))
	return h
}

func TestPictures(t *testing.T) {
	s := sc.Story(t).SnapshotAt(sc.At(200))
	labels := picture.Options{Labels: map[session.Party]string{
		sc.Mem("ana"): "Ana María <Ortiz>", sc.Mem("ben"): "Ben", sc.Fac("lee"): "Lee Park",
	}}
	initials := labels
	initials.Initials = true

	two := sc.Run(t, sc.IDs("a", "b", "c", "d", "e", "f"), nil,
		sc.Turn(0, sc.Mem("a"), sc.Mem("b"), 5, 5), sc.Turn(10, sc.Mem("b"), sc.Mem("c"), 5, 5), sc.Turn(20, sc.Mem("c"), sc.Mem("a"), 5, 5),
		sc.Turn(30, sc.Mem("d"), sc.Mem("e"), 5, 5), sc.Turn(40, sc.Mem("e"), sc.Mem("f"), 5, 5), sc.Turn(50, sc.Mem("f"), sc.Mem("d"), 5, 5),
		sc.Turn(60, sc.Mem("c"), sc.Mem("d"), 5, 5), sc.Turn(70, sc.Mem("a"), sc.Mem("b"), 5, 5),
	).Snapshot()

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

	tests := []struct {
		name string
		draw func() string
	}{
		{"sociogram.svg", func() string { return picture.Sociogram(&s, labels) }},
		{"sociogram-initials.svg", func() string { return picture.Sociogram(&s, initials) }},
		{"sociogram-subgroups.svg", func() string { return picture.Sociogram(&two, picture.Options{}) }},
		{"participation.svg", func() string { return picture.ParticipationChart(&s, labels) }},
		{"stage-timeline.svg", func() string { return picture.StageTimeline(storyHistory(t)) }},
		{"trajectory.svg", func() string { return picture.TrajectoryChart("PHQ-9 total", 0, 27, series) }},
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
	s := sc.Run(t, sc.IDs("a"), nil).Snapshot()
	h, err := stage.NewHistory(stage.Yalom)
	require.NoError(t, err)
	for _, out := range []string{
		picture.Sociogram(&s, picture.Options{}),
		picture.ParticipationChart(&s, picture.Options{}),
		picture.StageTimeline(h),
		picture.TrajectoryChart("nothing", 5, 5, nil),
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
			require.Equal(t, want, picture.Initials(in))
		})
	}
}

// TestSociogramIDs: two sociograms on one HTML page must not share an id.
// By default the ids follow the snapshot's time; an app may set its own
// prefix, which is kept to characters that cannot break the markup.
func TestSociogramIDs(t *testing.T) {
	tr := sc.Story(t)
	a, b := tr.SnapshotAt(sc.At(100)), tr.SnapshotAt(sc.At(200))
	idOf := func(svg string) string {
		_, rest, ok := strings.Cut(svg, `<marker id="`)
		require.True(t, ok)
		id, _, _ := strings.Cut(rest, `"`)
		require.Contains(t, svg, `url(#`+id+`)`, "edges point at the marker")
		return id
	}
	require.NotEqual(t, idOf(picture.Sociogram(&a, picture.Options{})), idOf(picture.Sociogram(&b, picture.Options{})))
	require.Equal(t, "s6-x--arrow", idOf(picture.Sociogram(&a, picture.Options{IDPrefix: `s6-x"<`})))
}

// TestPicturesTellAbsentFromSilent: a member who never came is drawn apart
// from one who came and said nothing. Silence is a dynamic for the
// facilitator to work with; absence is not.
func TestPicturesTellAbsentFromSilent(t *testing.T) {
	s := sc.Run(t, sc.IDs("gone", "quiet", "x", "y"), nil,
		sc.Started(0, sc.IDs("quiet", "x", "y"), nil),
		sc.Turn(10, sc.Mem("x"), sc.Mem("y"), 5, 5), sc.Turn(20, sc.Mem("y"), sc.Mem("x"), 5, 5),
	).Snapshot()
	socio := picture.Sociogram(&s, picture.Options{})
	require.Contains(t, socio, `<title>member:gone: absent</title>`)
	require.Contains(t, socio, `<title>member:quiet: 0 turns, 0% of talk, 0 to the group</title>`)
	require.Equal(t, 1, strings.Count(socio, `class="node absent"`))

	chart := picture.ParticipationChart(&s, picture.Options{})
	require.Equal(t, 1, strings.Count(chart, `>absent</text>`))
	require.Equal(t, 3, strings.Count(chart, `height="14"`), "talk bars for the three who attended only")
}
