package advice_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

var updateSafety = flag.Bool("update-safety", false, "rewrite testdata/safety_rooms.golden")

// safetyRoom is a kind of room: who leads it and the modality.
type safetyRoom struct {
	name       string
	leadership group.Leadership
	modality   group.Modality
	facs       []group.Facilitator
	roles      []group.Role // the roles its steps may name
}

var safetyRooms = []safetyRoom{
	{"co-led", group.LeadershipCoLed, group.ModalityProcess, []group.Facilitator{fixture.Lead(), fixture.CoLead()},
		[]group.Role{group.RoleLead, group.RoleCoLead, group.RoleSupervisor}},
	{"solo", group.LeadershipSolo, group.ModalityProcess, []group.Facilitator{fixture.Lead()},
		[]group.Role{group.RoleLead, group.RoleSupervisor}},
	{"peer-led", group.LeadershipPeerLed, group.ModalitySupport, []group.Facilitator{fixture.Peer()},
		[]group.Role{group.RolePeerFacilitator, group.RoleSupervisor}},
}

// safetyCase is a safety situation and how a room raises it.
type safetyCase struct {
	situation advice.Situation
	incident  session.IncidentKind // 0: an unanswered risk item on a PHQ-9
}

var safetyCases = []safetyCase{
	{advice.SituationMedicalEmergency, session.IncidentMedical},
	{advice.SituationThreatOrAggression, session.IncidentThreatOrAggression},
	{advice.SituationRiskToSelf, session.IncidentRiskToSelf},
	{advice.SituationRiskToOthers, session.IncidentRiskToOthers},
	{advice.SituationLeftDistressed, session.IncidentLeftDistressed},
	{advice.SituationDissociation, session.IncidentDissociation},
	{advice.SituationIntoxication, session.IncidentIntoxication},
	{advice.SituationAbuseDisclosed, session.IncidentChildAbuse},
	{advice.SituationRiskUnknown, 0},
	{advice.SituationConfidentialityBreach, session.IncidentConfidentialityBreach},
}

var (
	safetyStart = time.Date(2026, 3, 3, 18, 0, 0, 0, time.UTC)
	safetyNext  = safetyStart.AddDate(0, 0, 7)
	safetyAt    = safetyStart.Add(20 * time.Minute) // when the situation arises
)

// englandBook is the book every room of these tests shares: the built-in
// protocols with England's numbers and duties.
func englandBook(t testing.TB) *safety.Book {
	t.Helper()
	eng := safety.England()
	b, err := safety.NewBook(safety.Spec{Jurisdiction: &eng})
	require.NoError(t, err)
	return b
}

// openSafetyRoom returns a started room of kind k, whose members are m01-m04.
func openSafetyRoom(t *testing.T, k safetyRoom, book *safety.Book) *advice.Room {
	t.Helper()
	prof, ok := group.BuiltinProfile(k.modality)
	require.True(t, ok)
	agenda, err := session.Template(prof, 90*time.Minute, 4)
	require.NoError(t, err)
	spec := session.Spec{Profile: prof, Agenda: agenda, Length: 90 * time.Minute, ScheduledStart: safetyStart, Facilitators: k.facs}
	var members []group.MemberID
	for i := 1; i <= 4; i++ {
		members = append(members, fixture.MemberID(i))
		spec.Roster = append(spec.Roster, session.Participant{ID: fixture.MemberID(i), Name: fmt.Sprintf("Member %d", i)})
	}
	// No leadership is set: the room derives it from the facilitators.
	r, err := advice.NewRoom(advice.RoomSpec{Session: spec, Safety: book, NextSession: safetyNext})
	require.NoError(t, err)
	var ids []group.FacilitatorID
	for _, f := range k.facs {
		ids = append(ids, f.ID)
	}
	require.NoError(t, r.Start(safetyStart, ids, members, false))
	require.NoError(t, r.Speak(safetyStart.Add(time.Minute), session.Turn{Speaker: session.MemberParty(members[0]),
		Addressee: session.WholeGroup(), Duration: 3 * time.Minute, Act: session.ActGivesOpinion}))
	return r
}

// raise raises case c about member m02 at safetyAt.
func raise(t *testing.T, r *advice.Room, c safetyCase) {
	t.Helper()
	if c.incident == 0 {
		flag := phq9Risk(t, append(measure.Answers(1, 1, 1, 1, 1, 1, 1, 1), measure.Missing())...)
		require.Equal(t, measure.RiskUnknown, flag.Status)
		require.NoError(t, r.FlagRisk(safetyAt, fixture.MemberID(2), flag))
		return
	}
	_, err := r.RaiseIncident(safetyAt, c.incident, fixture.MemberID(2), "as observed")
	require.NoError(t, err)
}

// TestSafetyInEveryRoom drives every safety situation through a Room in a
// co-led, a solo and a peer-led room (with no leadership set: each room
// derives it from its facilitators' credentials) in England, and checks the
// steps, their order, who takes each, the jurisdiction's numbers and the
// follow-up tasks with their due times. The full result is pinned in
// testdata/safety_rooms.golden (rewrite with -update-safety and read the
// diff); the invariants are checked here.
func TestSafetyInEveryRoom(t *testing.T) {
	book := englandBook(t)
	var out strings.Builder
	suicide := []session.SafetyStep{session.StepPrivateAssessment, session.StepSafetyPlan, session.StepMeansSafety}
	for _, c := range safetyCases {
		for _, k := range safetyRooms {
			t.Run(string(c.situation)+"/"+k.name, func(t *testing.T) {
				r := openSafetyRoom(t, k, book)
				raise(t, r, c)
				recs := r.Advise(safetyAt.Add(time.Minute), stage.Working)
				require.NotEmpty(t, recs)
				rec := recs[0]
				require.Equal(t, c.situation, rec.Situation, "safety ranks first")
				require.Equal(t, advice.ClassSafety, rec.Class)
				resp := rec.Safety
				require.NotNil(t, resp)
				require.Equal(t, k.leadership, resp.Leadership, "derived from who is in the room")
				require.Equal(t, "GB-ENG", resp.Jurisdiction)
				require.Equal(t, safetyAt, resp.At, "dated by the raising event")
				require.Equal(t, []group.MemberID{fixture.MemberID(2)}, rec.Members)
				p, ok := book.Protocol(safety.ProtocolID(c.situation))
				require.True(t, ok)
				require.Equal(t, p.Steps(k.leadership), unfill(resp.Steps, p.Steps(k.leadership)), "the variant's steps, in order")
				require.Equal(t, resp.Actions(), rec.Steps)
				for _, s := range resp.Steps {
					require.Contains(t, k.roles, s.Role, "%s: a %s room has no %s", s.Action, k.name, s.Role)
					require.NotContains(t, s.Text, "{", "every placeholder filled")
					require.NotContains(t, s.Text, "local emergency number", "the jurisdiction's number, not a generic one")
					if strings.Contains(s.Text, "call 999") || s.Action == session.StepCallEmergency {
						require.Contains(t, s.Text, "999 (emergency services)")
					}
				}
				if c.situation == advice.SituationAbuseDisclosed {
					for _, s := range suicide {
						require.NotContains(t, rec.Steps, s, "an abuse disclosure is not a suicide risk")
					}
				}
				require.NotEmpty(t, resp.Tasks)
				for _, task := range resp.Tasks {
					require.Equal(t, safetyAt, task.Authored)
					require.False(t, task.Due.Before(safetyAt), "%s due before the episode", task.Kind)
					require.Equal(t, safety.StatusRequested, task.Status)
					require.Equal(t, fixture.MemberID(2), task.Member)
					if k.leadership == group.LeadershipPeerLed {
						require.NotContains(t, []group.Role{group.RoleLead, group.RoleCoLead}, task.Owner, "a peer-led room's tasks go to its peers or the supervisor")
					}
				}
				require.Equal(t, resp.Tasks, r.Tasks(), "the room keeps the episode's tasks")
				require.Empty(t, r.Advise(safetyAt.Add(2*time.Minute), stage.Working), "fires once per episode")

				fmt.Fprintf(&out, "== %s, %s ==\n", c.situation, k.name)
				for i, s := range resp.Steps {
					fmt.Fprintf(&out, "%2d. %s (%s): %s\n", i+1, s.Action, s.Role, s.Text)
				}
				for _, task := range resp.Tasks {
					fmt.Fprintf(&out, "    task %s, %s, due %s\n", task.Kind, task.Owner, task.Due.Format("Mon Jan 2 15:04"))
				}
			})
		}
	}
	checkGolden(t, "safety_rooms.golden", out.String())
}

// unfill returns got with each step's text replaced by want's template, so
// that the rest of each step can be compared.
func unfill(got, want []safety.Step) []safety.Step {
	out := slices.Clone(got)
	for i := range out {
		if i < len(want) {
			out[i].Text = want[i].Text
		}
	}
	return out
}

// checkGolden compares got with testdata/name, or writes it with
// -update-safety.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateSafety {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run with -update-safety to create it")
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// onlySafety returns the safety recommendations of recs (a session with
// long silences raises silence too).
func onlySafety(recs []advice.Recommendation) []advice.Recommendation {
	return slices.DeleteFunc(recs, func(r advice.Recommendation) bool { return r.Class != advice.ClassSafety })
}

// TestTwoSituationsAtOnce: a member who discloses abuse gets the abuse
// protocol alone; one who also says she has thought of suicide gets both,
// risk to self first. Each keeps its own steps.
func TestTwoSituationsAtOnce(t *testing.T) {
	book := englandBook(t)
	r := openSafetyRoom(t, safetyRooms[0], book)
	_, err := r.RaiseIncident(safetyAt, session.IncidentAbuseDisclosure, fixture.MemberID(2), "says her father hits her mother and her little brother")
	require.NoError(t, err)
	recs := onlySafety(r.Advise(safetyAt, stage.Working))
	require.Len(t, recs, 1)
	require.Equal(t, advice.SituationAbuseDisclosed, recs[0].Situation)
	require.NotContains(t, recs[0].Steps, session.StepPrivateAssessment)
	report := recs[0].Safety.Steps[slices.Index(recs[0].Steps, session.StepReport)]
	require.Contains(t, report.Text, "for a child:", "whom it concerns is not recorded: every duty is listed")
	require.Contains(t, report.Text, "for an elder:")

	_, err = r.RaiseIncident(safetyAt.Add(time.Minute), session.IncidentRiskToSelf, fixture.MemberID(2), "and that she has thought of ending it")
	require.NoError(t, err)
	recs = onlySafety(r.Advise(safetyAt.Add(2*time.Minute), stage.Working))
	require.Len(t, recs, 1, "the abuse episode fired already")
	require.Equal(t, advice.SituationRiskToSelf, recs[0].Situation)

	// A fresh room told both at once runs both, the more urgent first.
	r = openSafetyRoom(t, safetyRooms[1], book)
	_, err = r.RaiseIncident(safetyAt, session.IncidentChildAbuse, fixture.MemberID(2), "")
	require.NoError(t, err)
	_, err = r.RaiseIncident(safetyAt, session.IncidentRiskToSelf, fixture.MemberID(2), "")
	require.NoError(t, err)
	recs = onlySafety(r.Advise(safetyAt, stage.Working))
	require.Len(t, recs, 2)
	require.Equal(t, advice.SituationRiskToSelf, recs[0].Situation)
	require.Equal(t, advice.SituationAbuseDisclosed, recs[1].Situation)
	require.NotContains(t, recs[1].Steps, session.StepSafetyPlan)
	overdue := r.Overdue(safetyAt.Add(time.Minute))
	require.NotEmpty(t, overdue)
	require.Equal(t, safety.TaskOralReport, overdue[0].Kind, "the report is due at once")
}

// TestSupportGroupTakesPeerVariants: a support group built through group,
// whose facilitator holds no clinical licence, gets the peer variants with
// no flag set; overriding the leadership is explicit.
func TestSupportGroupTakesPeerVariants(t *testing.T) {
	g := fixture.Group(t, fixture.SupportSpec(), 4)
	agenda, err := session.Template(g.Profile(), 90*time.Minute, 4)
	require.NoError(t, err)
	spec := session.SpecFromGroup(g, agenda, fixture.Start(), 90*time.Minute, 10*time.Minute)
	for _, override := range []group.Leadership{0, group.LeadershipSolo} {
		r, err := advice.NewRoom(advice.RoomSpec{Session: spec, Leadership: override})
		require.NoError(t, err)
		ids := []group.MemberID{fixture.MemberID(1), fixture.MemberID(2)}
		require.NoError(t, r.Start(fixture.Start(), []group.FacilitatorID{fixture.Peer().ID}, ids, false))
		_, err = r.RaiseIncident(fixture.Start().Add(time.Minute), session.IncidentRiskToSelf, ids[0], "")
		require.NoError(t, err)
		recs := r.Advise(fixture.Start().Add(time.Minute), stage.Unspecified)
		require.NotEmpty(t, recs)
		want := group.LeadershipPeerLed
		if override != 0 {
			want = override
		}
		require.Equal(t, want, recs[0].Safety.Leadership)
	}
}

// TestFlagRisk: a positive risk item raises its protocol whatever the
// total; an unanswered one a same-day review, which a later positive
// answer replaces; a clear form lowers nothing.
func TestFlagRisk(t *testing.T) {
	r := openSafetyRoom(t, safetyRooms[1], englandBook(t))
	m := fixture.MemberID(3)
	unknown := phq9Risk(t, append(measure.Answers(0, 0, 0, 0, 0, 0, 0, 0), measure.Missing())...)
	require.NoError(t, r.FlagRisk(safetyAt, m, unknown))
	recs := onlySafety(r.Advise(safetyAt, stage.Working))
	require.Len(t, recs, 1)
	require.Equal(t, advice.SituationRiskUnknown, recs[0].Situation)
	require.Contains(t, recs[0].Evidence[0].Note, "not answered")

	raised := phq9Risk(t, measure.Answers(0, 0, 0, 0, 0, 0, 0, 0, 2)...)
	require.NoError(t, r.FlagRisk(safetyAt.Add(time.Minute), m, raised))
	require.NoError(t, r.FlagRisk(safetyAt.Add(2*time.Minute), m, phq9Risk(t, measure.Answers(0, 0, 0, 0, 0, 0, 0, 0, 0)...)))
	recs = onlySafety(r.Advise(safetyAt.Add(3*time.Minute), stage.Working))
	require.Len(t, recs, 1)
	require.Equal(t, advice.SituationRiskToSelf, recs[0].Situation)
	require.Equal(t, safetyAt.Add(time.Minute), recs[0].Safety.At)
	require.Contains(t, recs[0].Evidence[0].Note, "item 9 answered")

	require.ErrorIs(t, r.FlagRisk(safetyAt, "zed", raised), group.ErrUnknownMember)
	bad := raised
	bad.Kind = 0
	require.ErrorIs(t, r.FlagRisk(safetyAt, m, bad), advice.ErrInvalid)
	require.NoError(t, r.FlagRisk(safetyAt, m, measure.RiskFlag{}), "an instrument without risk items raises nothing")
}

// TestObserveAllocatesNothing: feeding a turn to a room's monitor (and its
// session) allocates nothing, with the safety book and a jurisdiction set.
func TestObserveAllocatesNothing(t *testing.T) {
	r := openSafetyRoom(t, safetyRooms[0], englandBook(t))
	at := safetyStart.Add(5 * time.Minute)
	turn := session.Turn{Speaker: session.MemberParty(fixture.MemberID(3)), Addressee: session.MemberParty(fixture.MemberID(4)),
		Duration: time.Second, Act: session.ActAgrees}
	allocs := testing.AllocsPerRun(200, func() {
		at = at.Add(time.Second)
		if err := r.Speak(at, turn); err != nil {
			t.Fatal(err)
		}
	})
	require.Zero(t, allocs)
}
