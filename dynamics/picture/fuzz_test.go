package picture_test

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/picture"
	"github.com/groupwork/groupwork/dynamics/stage"
	sc "github.com/groupwork/groupwork/internal/testkit/script"
	"github.com/groupwork/groupwork/session"
)

// FuzzPictures draws every picture from input an app could pass on from a
// user: a name of any bytes, a session number and a value of any size, any
// number of points. Each picture is well-formed XML with the name as text,
// or an error (never a panic), and its size stays within a bound linear in
// the input.
func FuzzPictures(f *testing.F) {
	f.Add("Ana María", "new members joined", 12, 13.5, uint8(3))
	f.Add("</text><script>x</script>", "\x00\xff", picture.MaxSessions, math.Inf(1), uint8(40))
	f.Add("", "", -1, math.NaN(), uint8(0))
	f.Add("森田 さくら", "a\nb", picture.MaxSessions+1, -1e300, uint8(255))
	s := sc.Story(f).SnapshotAt(sc.At(200))
	d := phq9(f)
	f.Fuzz(func(t *testing.T, name, reason string, sn int, value float64, n uint8) {
		opt := picture.Options{Labels: map[session.Party]string{sc.Mem("ana"): name, sc.Fac("lee"): name}}
		// The bound: a fixed picture, plus each piece of text a few times
		// over (label, tooltip, description), escaped.
		bound := func(base, texts int) int { return base + 4*6*texts }

		out := picture.Sociogram(&s, opt)
		parse(t, out)
		require.LessOrEqual(t, len(out), bound(20_000, 4*len(name)))
		out = picture.ParticipationChart(&s, opt)
		parse(t, out)
		require.LessOrEqual(t, len(out), bound(10_000, 2*len(name)))

		h, err := stage.NewHistory(stage.Tuckman)
		require.NoError(t, err)
		if err := h.Set(max(sn, 1), sc.At(0), stage.Norming, "lee", reason); err == nil {
			out, err := picture.StageTimeline(h, opt)
			if sn > picture.MaxSessions {
				require.ErrorIs(t, err, picture.ErrTooLong)
			} else {
				require.NoError(t, err)
				parse(t, out)
				require.LessOrEqual(t, len(out), bound(14_000, 2*(len(name)+len(reason))))
			}
		}

		series := []picture.Series{{Name: name}}
		for k := range int(n) {
			series[0].Points = append(series[0].Points, picture.SeriesPoint{Session: sn + k, Value: value, Flag: k%2 == 0})
		}
		out, err = picture.TrajectoryChart(d, series, opt)
		if err != nil {
			require.True(t, errors.Is(err, picture.ErrInvalid))
			return
		}
		parse(t, out)
		require.LessOrEqual(t, len(out), bound(12_000+250*int(n), 2*len(name)))
	})
}
