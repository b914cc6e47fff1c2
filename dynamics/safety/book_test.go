package safety_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

var onCall = safety.Step{Action: session.StepConsult, Role: group.RoleLead, Text: "call the clinic's on-call line", Source: "the clinic's procedure"}

// TestLocalSteps checks that local steps go in at their defined points,
// after any local steps already there, in the variants named, and that
// the core steps keep their order.
func TestLocalSteps(t *testing.T) {
	form := safety.Step{Action: session.StepDocument, Role: group.RoleLead, Text: "fill in the clinic's incident form", Source: "the clinic's procedure"}
	book, err := safety.NewBook(safety.Spec{Local: []safety.LocalStep{
		{Protocol: safety.ProtocolRiskToSelf, After: session.StepConsult, Step: onCall},
		{Protocol: safety.ProtocolRiskToSelf, After: session.StepConsult, Step: form},
		{Protocol: safety.ProtocolRiskToSelf, Variant: group.LeadershipSolo, Step: form},
	}})
	require.NoError(t, err)
	p, ok := book.Protocol(safety.ProtocolRiskToSelf)
	require.True(t, ok)
	core, _ := safety.DefaultBook().Protocol(safety.ProtocolRiskToSelf)

	co := p.Steps(group.LeadershipCoLed)
	i := slices.IndexFunc(co, func(s safety.Step) bool { return s.Action == session.StepConsult && !s.Local })
	require.Equal(t, "call the clinic's on-call line", co[i+1].Text)
	require.Equal(t, "fill in the clinic's incident form", co[i+2].Text)
	require.True(t, co[i+1].Local && co[i+2].Local)
	require.Equal(t, core.CoLed, slices.DeleteFunc(slices.Clone(co), func(s safety.Step) bool { return s.Local }), "the core steps keep their order")

	solo := p.Steps(group.LeadershipSolo)
	require.Equal(t, "fill in the clinic's incident form", solo[len(solo)-1].Text, "at the end of the solo variant only")
	require.Len(t, solo, len(core.Solo)+3)
	require.Len(t, p.Steps(group.LeadershipPeerLed), len(core.PeerLed)+2)
	require.Equal(t, core, mustProtocol(t, safety.DefaultBook(), safety.ProtocolRiskToSelf), "the default book is unchanged")

	// The spec round-trips, so a clinic keeps it in a file.
	b, err := json.Marshal(book.Spec())
	require.NoError(t, err)
	var spec safety.Spec
	require.NoError(t, json.Unmarshal(b, &spec))
	again, err := safety.NewBook(spec)
	require.NoError(t, err)
	require.Equal(t, p, mustProtocol(t, again, safety.ProtocolRiskToSelf))
}

func mustProtocol(t *testing.T, b *safety.Book, id safety.ProtocolID) safety.Protocol {
	t.Helper()
	p, ok := b.Protocol(id)
	require.True(t, ok, id)
	return p
}

// TestCoreStepsStay checks that an app's version of a built-in protocol
// may add local steps but may not remove, change or reorder a core step,
// drop a core task or change the rank: each is ErrCoreStep.
func TestCoreStepsStay(t *testing.T) {
	core := mustProtocol(t, safety.DefaultBook(), safety.ProtocolAbuseDisclosed)
	extended := core.Clone()
	local := onCall
	local.Local = true
	extended.Solo = slices.Insert(extended.Solo, 2, local)
	_, err := safety.NewBook(safety.Spec{Protocols: []safety.Protocol{extended}})
	require.NoError(t, err, "adding a local step is allowed")

	for _, tc := range []struct {
		name string
		edit func(p *safety.Protocol)
	}{
		{"a core step removed", func(p *safety.Protocol) { p.CoLed = slices.Delete(p.CoLed, 0, 1) }},
		{"two core steps swapped", func(p *safety.Protocol) { p.Solo[0], p.Solo[1] = p.Solo[1], p.Solo[0] }},
		{"a core step's text changed", func(p *safety.Protocol) { p.PeerLed[0].Text = "ask for details" }},
		{"a step added unmarked", func(p *safety.Protocol) { p.Solo = append(p.Solo, onCall) }},
		{"a core task dropped", func(p *safety.Protocol) { p.Tasks = p.Tasks[1:] }},
		{"the rank lowered", func(p *safety.Protocol) { p.Rank = 99 }},
		{"a whole variant emptied", func(p *safety.Protocol) { p.PeerLed = nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := core.Clone()
			tc.edit(&p)
			_, err := safety.NewBook(safety.Spec{Protocols: []safety.Protocol{p}})
			require.ErrorIs(t, err, safety.ErrCoreStep)
			var fe *safety.FieldError
			require.ErrorAs(t, err, &fe)
		})
	}
}

// TestNewBookErrors checks the other problems NewBook reports, all at once.
func TestNewBookErrors(t *testing.T) {
	bad := safety.USFederal()
	bad.Emergency.Number = ""
	mine := mustProtocol(t, safety.DefaultBook(), safety.ProtocolRiskUnknown)
	mine.ID = "clinic-own"
	_, err := safety.NewBook(safety.Spec{
		Jurisdiction: &bad,
		Protocols:    []safety.Protocol{mine, mine},
		Local: []safety.LocalStep{
			{Protocol: "no-such", Step: onCall},
			{Protocol: safety.ProtocolRiskToSelf, After: session.StepSafeTransport, Step: onCall},
			{Protocol: safety.ProtocolRiskToSelf, Step: safety.Step{Action: session.StepConsult, Role: group.RoleLead, Text: "call {pager}", Source: "x"}},
		},
	})
	require.ErrorIs(t, err, safety.ErrInvalidJurisdiction)
	require.ErrorIs(t, err, safety.ErrUnknownProtocol)
	require.ErrorIs(t, err, safety.ErrInvalidProtocol)

	book, err := safety.NewBook(safety.Spec{Protocols: []safety.Protocol{mine}})
	require.NoError(t, err, "an app adds a protocol of its own")
	require.True(t, book.Has("clinic-own"))
	_, err = book.Respond(safety.Episode{Protocol: "no-such"})
	require.ErrorIs(t, err, safety.ErrUnknownProtocol)
}

// TestRespond checks that a response fills the jurisdiction's numbers and
// agencies into the steps and computes each task's due time from the
// episode's time.
func TestRespond(t *testing.T) {
	eng := safety.England()
	book, err := safety.NewBook(safety.Spec{Jurisdiction: &eng})
	require.NoError(t, err)
	at := time.Date(2026, 3, 4, 19, 30, 0, 0, time.UTC)
	next := at.AddDate(0, 0, 7)

	r, err := book.Respond(safety.Episode{Protocol: safety.ProtocolRiskToSelf, Member: "ana", At: at, Leadership: group.LeadershipSolo, NextSession: next})
	require.NoError(t, err)
	require.Equal(t, group.LeadershipSolo, r.Leadership)
	require.Equal(t, "GB-ENG", r.Jurisdiction)
	plan := r.Steps[slices.IndexFunc(r.Steps, func(s safety.Step) bool { return s.Action == session.StepSafetyPlan })]
	require.Contains(t, plan.Text, "NHS 111, mental health option (111) or Samaritans (116 123)")
	require.Contains(t, r.Steps[3].Text, "999 (emergency services)")
	type due struct {
		Kind  safety.TaskKind
		Owner group.Role
		Due   time.Time
	}
	var got []due
	for _, tk := range r.Tasks {
		got = append(got, due{tk.Kind, tk.Owner, tk.Due})
		require.Equal(t, safety.StatusRequested, tk.Status)
		require.Equal(t, group.MemberID("ana"), tk.Member)
		require.Equal(t, at, tk.Authored)
	}
	midnight := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	if diff := cmp.Diff([]due{
		{safety.TaskClinicianReview, group.RoleLead, midnight},
		{safety.TaskDocument, group.RoleLead, midnight},
		{safety.TaskNotifyTherapist, group.RoleLead, midnight},
		{safety.TaskCheckIn, group.RoleLead, at.Add(48 * time.Hour)},
	}, got); diff != "" {
		t.Errorf("tasks (-want +got):\n%s", diff)
	}

	// A peer-led room: clinical tasks go to the supervisor.
	r, _ = book.Respond(safety.Episode{Protocol: safety.ProtocolRiskToSelf, Member: "ana", At: at, Leadership: group.LeadershipPeerLed})
	require.Equal(t, group.RoleSupervisor, r.Tasks[0].Owner)
	// Unspecified leadership takes the peer-led variant.
	u, _ := book.Respond(safety.Episode{Protocol: safety.ProtocolRiskToSelf, At: at})
	require.Equal(t, r.Steps, u.Steps)
}

// TestRespondReports checks the report tasks: one per duty that applies,
// due by the jurisdiction's deadlines; every duty when the victim is not
// known; a note when the jurisdiction records none.
func TestRespondReports(t *testing.T) {
	us := safety.USFederal()
	book, err := safety.NewBook(safety.Spec{Jurisdiction: &us})
	require.NoError(t, err)
	at := time.Date(2026, 3, 4, 19, 30, 0, 0, time.UTC)
	reports := func(r safety.Response) (out []string) {
		for _, tk := range r.Tasks {
			if tk.Kind == safety.TaskOralReport || tk.Kind == safety.TaskWrittenReport {
				out = append(out, tk.Kind.String()+" "+tk.Victim.String()+" "+tk.Due.Sub(at).String())
			}
		}
		return out
	}
	r, err := book.Respond(safety.Episode{Protocol: safety.ProtocolAbuseDisclosed, Member: "bo", At: at, Leadership: group.LeadershipCoLed, Victims: []safety.Victim{safety.VictimChild}})
	require.NoError(t, err)
	require.Equal(t, []string{"oral-report child 0s", "written-report child 48h0m0s"}, reports(r))
	report := r.Steps[slices.IndexFunc(r.Steps, func(s safety.Step) bool { return s.Action == session.StepReport })]
	require.Equal(t, "make the report the law asks: for a child: report to child protective services (the state's child abuse hotline) or the police at once, and in writing within 48 hours", report.Text)

	r, _ = book.Respond(safety.Episode{Protocol: safety.ProtocolAbuseDisclosed, At: at, Leadership: group.LeadershipCoLed})
	require.Len(t, reports(r), 6, "victim not known: every duty, for the clinician to cancel those that do not apply")

	au := safety.Australia()
	book, err = safety.NewBook(safety.Spec{Jurisdiction: &au})
	require.NoError(t, err)
	r, _ = book.Respond(safety.Episode{Protocol: safety.ProtocolAbuseDisclosed, At: at, Leadership: group.LeadershipSolo, Victims: []safety.Victim{safety.VictimElder}})
	require.Empty(t, reports(r))
	report = r.Steps[slices.IndexFunc(r.Steps, func(s safety.Step) bool { return s.Action == session.StepReport })]
	require.Contains(t, report.Text, "records no reporting duty; consult")

	// No jurisdiction: an oral report due at once, and no number anywhere.
	r, _ = safety.DefaultBook().Respond(safety.Episode{Protocol: safety.ProtocolAbuseDisclosed, At: at, Leadership: group.LeadershipSolo, Victims: []safety.Victim{safety.VictimChild}})
	require.Equal(t, []string{"oral-report unspecified 0s"}, reports(r))
	for _, s := range r.Steps {
		require.False(t, strings.ContainsAny(s.Text, "0123456789{}"), s.Text)
	}
}

// TestDutyToWarnText checks that the warn step says what each kind of
// jurisdiction asks.
func TestDutyToWarnText(t *testing.T) {
	for _, tc := range []struct {
		duty safety.DutyToWarn
		want string
	}{
		{safety.WarnMandatory, "requires action"},
		{safety.WarnPermissive, "permits disclosure"},
		{safety.WarnNone, "no statute"},
		{safety.WarnVaries, "find the local rule"},
	} {
		j := safety.USFederal()
		j.Code, j.Name, j.Warn = "X", "Somewhere", tc.duty
		book, err := safety.NewBook(safety.Spec{Jurisdiction: &j})
		require.NoError(t, err)
		r, err := book.Respond(safety.Episode{Protocol: safety.ProtocolRiskToOthers, Leadership: group.LeadershipCoLed})
		require.NoError(t, err)
		warn := r.Steps[slices.IndexFunc(r.Steps, func(s safety.Step) bool { return s.Action == session.StepWarnOrProtect })]
		require.Contains(t, warn.Text, tc.want, tc.duty)
	}
}

// FuzzSpecJSON checks that any JSON either fails to decode or build a book
// with an error, or builds a book whose spec round-trips through JSON and
// builds the same book again.
func FuzzSpecJSON(f *testing.F) {
	us := safety.USFederal()
	for _, s := range []safety.Spec{
		{},
		{Jurisdiction: &us},
		{Local: []safety.LocalStep{{Protocol: safety.ProtocolRiskToSelf, After: session.StepConsult, Step: onCall}}},
		{Protocols: []safety.Protocol{mustProtocolOf(safety.ProtocolRiskUnknown)}},
	} {
		b, _ := json.Marshal(s)
		f.Add(b)
	}
	f.Add([]byte(`{"local":[{"protocol":"risk-to-self","after":"teleport","step":{}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var spec safety.Spec
		if err := json.Unmarshal(b, &spec); err != nil {
			return
		}
		book, err := safety.NewBook(spec)
		if err != nil {
			return
		}
		out, err := json.Marshal(book.Spec())
		require.NoError(t, err)
		var back safety.Spec
		require.NoError(t, json.Unmarshal(out, &back))
		again, err := safety.NewBook(back)
		require.NoError(t, err)
		require.Equal(t, book.Protocols(), again.Protocols())
	})
}

func mustProtocolOf(id safety.ProtocolID) safety.Protocol {
	p, _ := safety.DefaultBook().Protocol(id)
	p.ID = "clinic-" + id
	return p
}
