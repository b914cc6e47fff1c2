package advice_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

// fired is one recommendation a monitor gave while a script played.
type fired struct {
	rec  advice.Recommendation
	at   time.Duration
	line int
}

// key is the episode the recommendation stands for (see expectation.key).
func (f fired) key() string {
	e := expectation{situation: f.rec.Situation, members: slices.Clone(f.rec.Members), facilitators: f.rec.Facilitators}
	if f.rec.Situation != advice.SituationLeaderChallenge {
		e.facilitators = nil
	}
	slices.Sort(e.members)
	return e.key()
}

// play runs a script through a monitor as a live app would: every event
// fed, a check after each and every minute of a wait.
func play(t *testing.T, s corpusScript) []fired {
	t.Helper()
	spec := advice.MonitorSpec{Members: s.members, Facilitators: s.leaders, Modality: s.modality, Session: s.number}
	if !s.peerLed { // the leaders of a group a clinician leads are licensed; a peer-led group's are not
		for _, id := range s.leaders {
			spec.Leaders = append(spec.Leaders, group.Facilitator{ID: id, Name: string(id), Role: group.RoleLead,
				Credentials: []group.Credential{group.CredentialLicensedClinician}})
		}
	}
	m, err := advice.NewMonitor(spec)
	require.NoError(t, err, s.name)
	var out []fired
	for _, st := range s.steps {
		switch {
		case st.event != nil:
			require.NoError(t, m.Observe(*st.event), "%s:%d", s.name, st.source)
		case st.phq9 != "":
			flag := measure.RiskFlag{Instrument: measure.InstrumentPHQ9, Status: measure.RiskClear, Item: 9, Answer: measure.Answered(float64(st.item9))}
			if st.item9 > 0 {
				flag.Status, flag.Kind = measure.RiskRaised, measure.RiskToSelf
			}
			require.NoError(t, m.FlagRisk(st.at, st.phq9, flag))
		default:
			for _, r := range m.Advise(st.check, s.stage) {
				out = append(out, fired{rec: r, at: st.check.Sub(corpusStart), line: st.source})
			}
		}
	}
	return out
}

// score is the tally of one situation across the corpus.
type score struct {
	expected, raised, tp, fp, fn int
	agree, judged                int // urgency and expectedness as a supervisor would have them
}

func ratioText(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// TestCalibration scores the monitor against the calibration corpus
// (testdata/calibration, format in its README): per situation, how many of
// the recommendations it gave a supervisor would expect (precision) and how
// many of the expected ones it gave (recall), and how often it speaks in
// ordinary, balanced sessions, per session-hour. It fails on any
// recommendation in a balanced session and on any safety situation missed.
func TestCalibration(t *testing.T) {
	files, err := filepath.Glob("testdata/calibration/*.session")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 24, "the corpus holds at least 24 sessions")
	defs := advice.BuiltinDefinitions()
	scores := map[advice.Situation]*score{}
	tally := func(s advice.Situation) *score {
		if scores[s] == nil {
			scores[s] = &score{}
		}
		return scores[s]
	}
	modalities := map[group.Modality]bool{}
	var balanced int
	var balancedTime time.Duration
	var balancedRecs []string
	var problems []string
	for _, file := range files {
		f, err := os.Open(file)
		require.NoError(t, err)
		s, err := decodeScript(filepath.Base(file), f)
		f.Close()
		require.NoError(t, err)
		require.True(t, s.none || len(s.expect) > 0, "%s says what a supervisor expects (expect none for nothing)", s.name)
		modalities[s.modality] = true
		got := play(t, s)
		if s.balanced || s.none {
			require.Empty(t, s.expect, "%s: a session that expects nothing lists no advice", s.name)
		}
		if s.balanced {
			balanced++
			balancedTime += s.length
			for _, g := range got {
				balancedRecs = append(balancedRecs, fmt.Sprintf("%s at %s (line %d): %s %v", s.name, g.at, g.line, g.rec.Situation, g.rec.Members))
			}
		}
		// An episode listed n times is expected to fire n times (it
		// comes back after an intervention, say); any more is noise.
		want := map[string]expectation{}
		times := map[string]int{}
		for _, e := range s.expect {
			want[e.key()] = e
			times[e.key()]++
			tally(e.situation).expected++
		}
		seen := map[string]int{}
		for _, g := range got {
			sc := tally(g.rec.Situation)
			sc.raised++
			k := g.key()
			e, ok := want[k]
			if !ok || seen[k] == times[k] {
				sc.fp++
				problems = append(problems, fmt.Sprintf("%s: raised %s at %s (line %d)", s.name, k, g.at, g.line))
				continue
			}
			seen[k]++
			sc.tp++
			if e.urgency.IsValid() {
				sc.judged++
				if e.urgency == g.rec.Urgency && e.expected == g.rec.Expected {
					sc.agree++
				} else {
					problems = append(problems, fmt.Sprintf("%s: %s at %s, expected %v; a supervisor: %s, expected %v",
						s.name, k, g.rec.Urgency, g.rec.Expected, e.urgency, e.expected))
				}
			}
		}
		for k, e := range want {
			for range times[k] - seen[k] {
				tally(e.situation).fn++
				problems = append(problems, fmt.Sprintf("%s: missed %s", s.name, k))
				if d, ok := advice.Definitions(defs).For(e.situation); ok && d.Class == advice.ClassSafety {
					t.Errorf("%s: missed the safety situation %s", s.name, k)
				}
			}
		}
	}

	// The table: every built-in situation in the table's order.
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-24s %8s %6s %4s %4s %4s %9s %6s %7s\n", "situation", "expected", "raised", "tp", "fp", "fn", "precision", "recall", "advice")
	var all score
	for _, d := range defs {
		sc := tally(d.Situation)
		note := ""
		if d.Detect == nil && len(d.Incidents) == 0 {
			note = "  (no detector: a facilitator raises it)"
		}
		fmt.Fprintf(&b, "%-24s %8d %6d %4d %4d %4d %9s %6s %7s%s\n", d.Situation, sc.expected, sc.raised, sc.tp, sc.fp, sc.fn,
			ratioText(sc.tp, sc.tp+sc.fp), ratioText(sc.tp, sc.tp+sc.fn), fmt.Sprintf("%d/%d", sc.agree, sc.judged), note)
		all.expected, all.raised, all.tp, all.fp, all.fn = all.expected+sc.expected, all.raised+sc.raised, all.tp+sc.tp, all.fp+sc.fp, all.fn+sc.fn
		all.agree, all.judged = all.agree+sc.agree, all.judged+sc.judged
	}
	fmt.Fprintf(&b, "%-24s %8d %6d %4d %4d %4d %9s %6s %7s\n", "all", all.expected, all.raised, all.tp, all.fp, all.fn,
		ratioText(all.tp, all.tp+all.fp), ratioText(all.tp, all.tp+all.fn), fmt.Sprintf("%d/%d", all.agree, all.judged))
	hours := balancedTime.Hours()
	fmt.Fprintf(&b, "%d sessions in %d modalities; %d balanced sessions, %.1f session-hours: %d recommendations, %.2f per session-hour\n",
		len(files), len(modalities), balanced, hours, len(balancedRecs), float64(len(balancedRecs))/hours)
	for _, p := range problems {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	t.Log(b.String())

	require.Len(t, modalities, len(group.Modalities()), "every modality")
	require.GreaterOrEqual(t, balanced, 8, "at least eight balanced sessions")
	for _, d := range defs {
		if d.Class == advice.ClassBehaviour || d.Class == advice.ClassPattern {
			require.Positive(t, scores[d.Situation].expected, "no session shows %s", d.Situation)
		}
	}
	if len(balancedRecs) > 0 {
		t.Errorf("false alarms in balanced sessions:\n  %s", strings.Join(balancedRecs, "\n  "))
	}
}
