package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/golden"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// TestQuickstartGolden is the program's smoke test: its output matches the
// golden file (regenerate with go test ./examples/quickstart -update), is
// the same on every run, and keeps to the length of a readable walkthrough.
func TestQuickstartGolden(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run(&first, nil))
	golden.Check(t, "quickstart.golden", first.Bytes())
	require.NoError(t, run(&second, nil))
	require.Equal(t, first.String(), second.String(), "deterministic")
	lines := strings.Count(first.String(), "\n")
	require.True(t, lines >= 200 && lines <= 450, "output has %d lines, want 200-450", lines)
	for _, pkg := range []string{"group.", "curriculum.", "session.", "dynamics.", "measure."} {
		require.Contains(t, first.String(), pkg, "the walkthrough names the package doing the work")
	}
}

// TestQuickstartReport checks the -out flag: the same walkthrough plus a
// self-contained, well-formed page with the pictures as inline SVG.
func TestQuickstartReport(t *testing.T) {
	var plain bytes.Buffer
	require.NoError(t, run(&plain, nil))
	dir := filepath.Join(t.TempDir(), "out")
	var buf bytes.Buffer
	require.NoError(t, run(&buf, []string{"-out", dir}))
	path := filepath.Join(dir, "report.html")
	require.Equal(t, plain.String()+"\nreport written to "+path+"\n", buf.String())

	page, err := os.ReadFile(path)
	require.NoError(t, err)
	golden.Check(t, "report.golden.html", page)

	svgs, problems, err := inspect(page)
	require.NoError(t, err, "the page parses as XML (polyglot HTML5/XHTML)")
	require.Empty(t, problems, "no external references")
	// Two sociograms and two participation charts (sessions 1 and 6), the
	// stage timeline and the PHQ-9 and GAD-7 trajectories.
	require.Equal(t, 7, svgs)
	for _, name := range []string{"Priya", "Owen", "Dr. Nadia Reyes", "reliable recovery", "Jacobson &amp; Truax",
		"GAD-7", "leader-challenge"} {
		require.Contains(t, string(page), name)
	}
	ids := regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(string(page), -1)
	require.Len(t, ids, 14, "a title and a description for each picture")
	seen := map[string]bool{}
	for _, id := range ids {
		require.False(t, seen[id[1]], "id %q is used twice on the page", id[1])
		seen[id[1]] = true
	}
}

// TestInspect shows that the report checks can fail: each page here breaks
// one rule.
func TestInspect(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		problems   int
		bad        bool // does not parse
	}{
		{name: "clean", page: `<html xmlns="http://www.w3.org/1999/xhtml"><body><svg xmlns="http://www.w3.org/2000/svg"><line marker-end="url(#a)"/></svg><a href="#top">top</a></body></html>`},
		{name: "remote image", page: `<html><img src="https://example.org/x.png"/></html>`, problems: 1},
		{name: "protocol-relative link", page: `<html><link href="//cdn.example.org/x.css"/></html>`, problems: 1},
		{name: "local file", page: `<html><a href="notes.html">notes</a></html>`, problems: 1},
		{name: "css url in a style element", page: `<html><style>body { background: url("bg.png") }</style></html>`, problems: 1},
		{name: "css url in an attribute", page: `<html><div style="background: url(http://x/y)"/></html>`, problems: 1},
		{name: "svg xlink", page: `<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="sprites.svg#a"/></svg>`, problems: 1},
		{name: "script", page: `<html><script>1</script></html>`, problems: 1},
		{name: "unclosed element", page: `<html><br></html>`, bad: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems, err := inspect([]byte(tc.page))
			if tc.bad {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Len(t, problems, tc.problems, "%q", problems)
		})
	}
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]*)`)

// inspect parses page strictly as XML with HTML's named entities and
// returns the number of svg elements and every reference that leaves the
// page: src and href attributes and CSS url() values that are not
// fragments of the page itself, and script elements.
func inspect(page []byte) (svgs int, problems []string, err error) {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	local := func(ref string) bool { return strings.HasPrefix(strings.TrimSpace(ref), "#") }
	css := func(where, text string) {
		for _, m := range cssURL.FindAllStringSubmatch(text, -1) {
			if !local(m[1]) {
				problems = append(problems, where+": url("+m[1]+")")
			}
		}
	}
	var open []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return svgs, problems, nil
		}
		if err != nil {
			return 0, nil, err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			open = append(open, x.Name.Local)
			switch x.Name.Local {
			case "svg":
				svgs++
			case "script":
				problems = append(problems, "a script element")
			}
			for _, a := range x.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue // a namespace name, not a reference
				}
				if (a.Name.Local == "src" || a.Name.Local == "href") && !local(a.Value) {
					problems = append(problems, x.Name.Local+" "+a.Name.Local+"="+a.Value)
				}
				css(x.Name.Local+" "+a.Name.Local, a.Value)
			}
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			if len(open) > 0 && open[len(open)-1] == "style" {
				css("style", string(x))
			}
		}
	}
}

// TestQuickstartFacts checks the story's key facts on the values the
// library returned, not only on the printed text.
func TestQuickstartFacts(t *testing.T) {
	o, err := story(io.Discard)
	require.NoError(t, err)
	ref := func(id group.MemberID) referral {
		for _, r := range o.referrals {
			if r.member.ID == id {
				return r
			}
		}
		t.Fatalf("no referral %s", id)
		return referral{}
	}

	t.Run("the group: cbt profile, two facilitators, the standard agreement", func(t *testing.T) {
		spec := o.group.Spec()
		require.Equal(t, group.ModalityCBT, spec.Modality)
		require.Equal(t, group.StandardAgreement(1), spec.Agreement)
		fs := o.group.Facilitators()
		require.Len(t, fs, 2)
		require.Equal(t, group.RoleLead, fs[0].Role)
		require.True(t, fs[0].Has(group.CredentialLicensedClinician) && fs[0].Has(group.CredentialCBTTrained))
		require.Equal(t, group.RoleCoLead, fs[1].Role)
		require.Equal(t, 8, o.group.Capacity())
	})

	t.Run("three screening outcomes", func(t *testing.T) {
		require.Len(t, o.referrals, 10)
		declined := ref(kofi)
		require.Equal(t, group.OutcomeReferElsewhere, declined.screening.Outcome)
		require.Equal(t, "substance-use", declined.screening.Reasons[0].Code)
		require.NotEmpty(t, declined.screening.Reasons[0].Source)
		require.Equal(t, group.StatusDeclined, declined.status)

		review := ref(dmitri)
		require.Equal(t, group.OutcomeNeedsClinicianReview, review.screening.Outcome)
		require.Equal(t, "phq9-item9", review.screening.Reasons[0].Code)
		require.Equal(t, group.StatusActive, review.status, "admitted after the same-day review")

		full := ref(hana)
		require.Equal(t, group.OutcomeSuitable, full.screening.Outcome)
		require.ErrorIs(t, full.admitErr, group.ErrGroupFull)
		require.Equal(t, group.StatusWaitlisted, full.status)
		require.Equal(t, []group.MemberID{hana}, o.group.Waiting())
		require.Len(t, o.group.ActiveMembers(), 8)
	})

	t.Run("the calendar crosses the end of daylight saving and skips Thanksgiving", func(t *testing.T) {
		require.Len(t, o.calendar.Occurrences, 12)
		for _, oc := range o.calendar.Occurrences {
			require.Equal(t, "18:00", clock(oc.Start), "session %d keeps its wall-clock time", oc.Session)
		}
		s6, _ := o.calendar.Session(6)
		s7, _ := o.calendar.Session(7)
		_, off6 := s6.Start.Zone()
		_, off7 := s7.Start.Zone()
		require.Equal(t, -4*3600, off6, "EDT")
		require.Equal(t, -5*3600, off7, "EST")
		require.Len(t, o.calendar.Excluded, 1)
		require.Equal(t, "2025-11-27", o.calendar.Excluded[0].Start.Format(time.DateOnly))
		require.Equal(t, "FREQ=WEEKLY;INTERVAL=1;COUNT=13", o.calendar.Recurrence().Rule)
	})

	require.Len(t, o.sessions, 2)
	one, six := o.sessions[0], o.sessions[1]

	t.Run("session 1 is forming, session 6 storming", func(t *testing.T) {
		require.Equal(t, stage.Forming, one.estimate.Stage)
		require.Equal(t, stage.Storming, six.estimate.Stage)
		require.Positive(t, six.evidence.Climate.Answered, "the estimate read the GCQ-S climate")
		require.Equal(t, 8, six.evidence.Attendance.Expected)
		require.Equal(t, 7, six.evidence.Attendance.Present)
	})

	t.Run("session 6 advises on monopolizing, silence, conflict and the challenge", func(t *testing.T) {
		type fired struct {
			Situation    advice.Situation
			Members      []group.MemberID
			Facilitators []group.FacilitatorID
		}
		var got []fired
		for _, m := range six.moments {
			for _, r := range m.fired {
				require.NotEmpty(t, r.Rationale, "%s has a reason", r.Situation)
				require.NotEmpty(t, r.Source, "%s has a source", r.Situation)
				require.NotEmpty(t, r.Interventions, "%s says what to do", r.Situation)
				got = append(got, fired{r.Situation, r.Members, r.Facilitators})
			}
		}
		want := []fired{
			{advice.SituationMonopolizing, []group.MemberID{owen}, nil},
			{advice.SituationLeaderChallenge, []group.MemberID{grace}, []group.FacilitatorID{reyes}},
			{advice.SituationMemberConflict, []group.MemberID{jonah, marcus}, nil},
			{advice.SituationSilence, []group.MemberID{elena}, nil},
		}
		for _, w := range want {
			require.True(t, slices.ContainsFunc(got, func(g fired) bool { return cmp.Equal(w, g) }),
				"want %v among %v", w, got)
		}
	})

	t.Run("notes are written, signed and complete", func(t *testing.T) {
		for _, pl := range []*played{one, six} {
			for _, n := range pl.room.Session().Notes() {
				require.True(t, n.Signed, "session %d note %d", pl.n, n.Note.ID)
			}
			for _, f := range pl.room.Session().Findings() {
				require.NotContains(t, []string{session.CodeGroupNoteMissing, session.CodeProgressNoteMissing,
					session.CodeNoteUnsigned, session.CodeIdenticalNotes}, f.Code)
			}
			require.Len(t, pl.room.Session().ProgressNotes(), pl.room.Session().ParticipantCount(), "one per attending member")
		}
		for _, n := range six.room.Session().ProgressNotes() {
			require.NotEqual(t, priya, n.Member, "the absent member gets no progress note")
		}
	})

	t.Run("session 1 has no homework to review; session 6 reviews it", func(t *testing.T) {
		codes := func(pl *played) []string {
			var out []string
			for _, f := range pl.room.Session().Findings() {
				out = append(out, f.Code)
			}
			return out
		}
		require.NotContains(t, codes(one), session.CodeHomeworkReviewMissing, "the spec carries the plan's number")
		require.Equal(t, 1, one.room.Session().Spec().Number)
		require.NotContains(t, codes(six), session.CodeHomeworkReviewMissing)
	})

	t.Run("member notes name no other member", func(t *testing.T) {
		names := o.names()
		for _, pl := range []*played{one, six} {
			require.Len(t, pl.shown, 2)
			for _, n := range pl.room.Session().ProgressNotes() {
				text := strings.ToLower(strings.Join([]string{n.Narrative, n.GoalProgress,
					n.Group.Theme, n.Group.Process, n.Group.Content}, "\n"))
				for id, name := range names {
					if id == n.Member {
						continue
					}
					require.NotContains(t, text, strings.ToLower(name), "session %d, %s's note", pl.n, n.Member)
					require.NotContains(t, text, string(id), "session %d, %s's note", pl.n, n.Member)
				}
			}
			for _, n := range pl.shown {
				// The group note names other members: their names became
				// the redaction mark, and the member's own name stayed.
				require.Contains(t, n.Group.Process, session.Redacted)
				require.Contains(t, n.Group.Process, names[n.Member])
			}
		}
	})

	t.Run("the PHQ-9 and GAD-7 at every session, from every member present", func(t *testing.T) {
		every := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
		require.Equal(t, every, o.program.MeasuresAt(measure.InstrumentPHQ9))
		require.Equal(t, every, o.program.MeasuresAt(measure.InstrumentGAD7))
		// The absences per session the stage evidence counts (offscreen), and
		// the played sessions' own attendance: Priya away at session 6.
		counts := [12]int{0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0}
		for n := 1; n <= 12; n++ {
			require.Len(t, away(n), counts[n-1], "session %d", n)
		}
		for _, pl := range o.sessions {
			var absent []group.MemberID
			for _, a := range pl.room.Session().Attendance() {
				if !a.Status.Attended() {
					absent = append(absent, a.Member)
				}
			}
			require.ElementsMatch(t, away(pl.n), absent, "session %d", pl.n)
		}
		type key struct {
			inst measure.Instrument
			id   group.MemberID
			n    int
		}
		got := map[key]measure.Administration{}
		for _, a := range o.forms {
			k := key{a.Instrument, group.MemberID(a.Member), a.Session}
			require.NotContains(t, got, k, "one form each")
			got[k] = a
		}
		cat := measure.BuiltinCatalog()
		for n := 1; n <= 12; n++ {
			occ, _ := o.calendar.Session(n)
			for _, m := range o.group.ActiveMembers() {
				for _, inst := range []measure.Instrument{measure.InstrumentPHQ9, measure.InstrumentGAD7} {
					a, ok := got[key{inst, m.ID, n}]
					require.Equal(t, !slices.Contains(away(n), m.ID), ok, "%s's %s at session %d", m.ID, inst, n)
					if !ok {
						continue
					}
					require.LessOrEqual(t, a.At.Sub(occ.Start), 15*time.Minute, "filled in as the session opens")
					r, err := cat.Score(a, measure.Options{})
					require.NoError(t, err)
					require.True(t, r.Complete)
					require.False(t, r.Risk.Raised(), "no risk answer")
					if inst == measure.InstrumentPHQ9 {
						require.Equal(t, measure.Answered(0), a.Answers[8], "item 9 stays 0: Dmitri's thoughts did not recur")
					}
				}
			}
		}
		// The story's PHQ-9 totals at sessions 1, 6 and 12 (-1: away).
		story := map[group.MemberID][3]int{
			priya: {16, -1, 8}, marcus: {14, 15, 12}, elena: {18, 14, 9}, dmitri: {19, 16, 12},
			jonah: {12, 10, 6}, grace: {15, 13, 11}, owen: {13, 12, 7}, farah: {17, 13, 10},
		}
		for id, want := range story {
			tot, ok := totals(measure.InstrumentPHQ9, id)
			require.True(t, ok)
			require.Equal(t, want, [3]int{tot[0], tot[5], tot[11]}, "%s", id)
		}
	})

	t.Run("Marcus and Grace are not on track from session 7", func(t *testing.T) {
		// Independently of the library: after each session, a member whose
		// latest total comes 6 or more sessions after their first (the
		// default OnTrackBy, half of a 12-session program) without a drop
		// of the reliable change, and is still a case, is not on track.
		// Cut-offs and reliable change from the NHS Talking Therapies for
		// anxiety and depression manual: PHQ-9 >= 10 and 6 points, GAD-7
		// >= 8 and 4 points.
		type first struct {
			id   group.MemberID
			inst measure.Instrument
			n    int
		}
		var want []first
		for _, m := range o.group.ActiveMembers() {
			for _, c := range []struct {
				inst            measure.Instrument
				caseness, relia int
			}{{measure.InstrumentPHQ9, 10, 6}, {measure.InstrumentGAD7, 8, 4}} {
				tot, _ := totals(c.inst, m.ID)
				raised := false
				for n := 1; n <= 12; n++ {
					latest := n
					for latest > 0 && tot[latest-1] < 0 {
						latest--
					}
					drop := tot[0] - tot[latest-1]
					fires := latest-1 >= 6 && drop < c.relia && -drop < c.relia && tot[latest-1] >= c.caseness
					if fires && !raised {
						want = append(want, first{m.ID, c.inst, n})
					}
					raised = fires
				}
			}
		}
		require.ElementsMatch(t, []first{{grace, measure.InstrumentPHQ9, 7}, {marcus, measure.InstrumentPHQ9, 7}}, want,
			"the scripted totals")
		var got []first
		for _, e := range o.alerts {
			a := e.first
			got = append(got, first{group.MemberID(a.Member), a.Instrument, a.Session})
			require.Equal(t, measure.AlertNotOnTrack, a.Kind)
			require.True(t, a.Heuristic)
			require.NotEmpty(t, a.Rule)
			require.NotEmpty(t, a.Source)
			require.Equal(t, measure.FollowUp{Action: measure.ActionReviewProgress, Actor: measure.ActorClinician,
				Within: measure.WindowBeforeNextSession}, a.FollowUp)
			require.Zero(t, e.cleared, "still raised at the end")
			require.Equal(t, 12, e.through)
		}
		require.ElementsMatch(t, want, got)
		i := slices.IndexFunc(o.alerts, func(e episode) bool { return e.first.Member == string(marcus) })
		require.GreaterOrEqual(t, i, 0)
		require.Equal(t, measure.Evidence{Baseline: 14, BaselineSession: 1, Latest: 15, LatestSession: 7, Change: 1,
			Threshold: 6, Sessions: 6}, o.alerts[i].first.Evidence, "Marcus: 14, then 15 at session 7")
	})

	t.Run("the group's outcomes under NHS Talking Therapies, Jacobson-Truax beside them", func(t *testing.T) {
		// Recomputed from the scripted totals with the published cut-offs
		// (NHS Talking Therapies for anxiety and depression manual: a case
		// is PHQ-9 >= 10 or GAD-7 >= 8; reliable change 6 and 4 points;
		// recovery is a case at the start below caseness on both at the
		// end; reliable recovery adds reliable improvement) and Jacobson &
		// Truax (1991) for each measure on its own.
		var cases, recovery, improved, worse, reliable, assessed int
		var jt [2][4]int // by measure: recovered, improved, unchanged, deteriorated
		for _, m := range o.group.ActiveMembers() {
			phq, _ := totals(measure.InstrumentPHQ9, m.ID)
			gad, _ := totals(measure.InstrumentGAD7, m.ID)
			require.Equal(t, 0, len(away(1))+len(away(12)), "everyone came to the first and last sessions")
			assessed++
			p0, p1, g0, g1 := phq[0], phq[11], gad[0], gad[11]
			caseStart, caseEnd := p0 >= 10 || g0 >= 8, p1 >= 10 || g1 >= 8
			up := p0-p1 >= 6 || g0-g1 >= 4
			down := p1-p0 >= 6 || g1-g0 >= 4
			ri := up && !down
			if caseStart {
				cases++
			}
			if caseStart && !caseEnd {
				recovery++
				if ri {
					reliable++
				}
			}
			if ri {
				improved++
			}
			if down && !up {
				worse++
			}
			for k, c := range []struct{ pre, post, cut, rc int }{{p0, p1, 10, 6}, {g0, g1, 8, 4}} {
				switch {
				case c.pre-c.post >= c.rc && c.pre >= c.cut && c.post < c.cut:
					jt[k][0]++
				case c.pre-c.post >= c.rc:
					jt[k][1]++
				case c.post-c.pre >= c.rc:
					jt[k][3]++
				default:
					jt[k][2]++
				}
			}
		}
		g := o.results
		rate := func(r measure.Rate) [2]int { return [2]int{r.Count, r.Of} }
		require.Equal(t, 8, g.Members)
		require.Equal(t, assessed, g.Assessed)
		require.Zero(t, g.InsufficientData)
		require.Equal(t, [2]int{cases, assessed}, rate(g.CaseAtStart))
		require.Equal(t, [2]int{recovery, cases}, rate(g.Recovery))
		require.Equal(t, [2]int{improved, assessed}, rate(g.ReliableImprovement))
		require.Equal(t, [2]int{reliable, cases}, rate(g.ReliableRecovery))
		require.Equal(t, [2]int{worse, assessed}, rate(g.ReliableDeterioration))
		// The figures the walkthrough prints.
		require.Equal(t, [5]int{8, 3, 7, 3, 0}, [5]int{cases, recovery, improved, reliable, worse})
		require.Len(t, g.JacobsonTruax, 2)
		for k, c := range g.JacobsonTruax {
			require.Equal(t, jt[k],
				[4]int{c.Recovered.Count, c.Improved.Count, c.Unchanged.Count, c.Deteriorated.Count}, "%s", c.Instrument)
		}
		require.Equal(t, [2][4]int{{4, 2, 2, 0}, {5, 2, 1, 0}}, jt)
		// Owen: Jacobson & Truax "recovered" on the PHQ-9, not recovered
		// for the programme, his GAD-7 still a case.
		owenOut, ok := memberOutcome(g, owen)
		require.True(t, ok)
		require.Equal(t, measure.ChangeRecovered, owenOut.Outcome.Depression.Category)
		require.False(t, owenOut.Outcome.Recovery)
		require.True(t, owenOut.Outcome.CaseAtEnd)
	})
}

// TestQuickstartFlags checks the flag handling.
func TestQuickstartFlags(t *testing.T) {
	require.Error(t, run(io.Discard, []string{"-no-such-flag"}))
	require.Error(t, run(io.Discard, []string{"stray"}))
}
