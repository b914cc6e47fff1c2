package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/factor"
	"github.com/groupwork/groupwork/examples/internal/golden"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// trainer runs the program with the given standard input and flags.
func trainer(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, run(strings.NewReader(stdin), &buf, args))
	return buf.String()
}

// scoreRows returns the rows of the score table: moment, situation, who,
// choice and marks.
func scoreRows(out string) []string {
	_, table, _ := strings.Cut(out, "Your score\n")
	table, _, _ = strings.Cut(table, "  by situation:")
	var rows []string
	for _, l := range strings.Split(table, "\n") {
		if f := strings.Fields(l); len(f) >= 6 && f[0] != "" && f[0][0] >= '0' && f[0][0] <= '9' {
			rows = append(rows, strings.Join(f[:len(f)-3], " "))
		}
	}
	return rows
}

// TestAutoGolden is the smoke test: -auto with the default seed matches its
// golden file, and the story's key facts hold.
func TestAutoGolden(t *testing.T) {
	out := trainer(t, "", "-auto")
	golden.Check(t, "trainer-auto.golden", []byte(out))

	lines := strings.Count(out, "\n")
	require.True(t, lines >= 100 && lines <= 250, "default output is %d lines", lines)
	// Every behaviour profile shows and is detected for its member.
	for _, want := range []string{
		"monopolizing, Marcus", "silence, Nina", "hostility, Victor",
		"band-aiding, Rosa", "intellectualizing, Owen", "leader-challenge, Victor -> you",
	} {
		require.Contains(t, out, ": "+want+" [", "a moment for %s", want)
	}
	// -auto takes the top recommendation, so every moment gets full marks.
	require.Contains(t, out, "overall: 14 of 14 marks (100%)")
	require.NotContains(t, out, "no marks")
	// Hostility in a process group follows the modality's rule, not the
	// general one, and the reason and source are shown.
	require.Contains(t, out, `(rule "hostility-process")`)
	require.Contains(t, out, "source: Yalom & Leszcz (2005)")
	require.Contains(t, out, "source: Jacobs, Schimmel, Masson & Harvill")
	// The factors come from the library's mapping for the skills chosen.
	for _, f := range factor.FactorsFostered(session.SkillDrawingOut) {
		require.Regexp(t, regexp.MustCompile(`(?m)^  `+f.String()+` .*drawing-out`), out)
	}
}

// TestScriptedStdin answers the menus from a script: two partial answers,
// "other" with a mistyped and then a real but wrong skill, an out-of-range
// number and a partial answer; then the input ends and the trainer goes on
// as -auto.
func TestScriptedStdin(t *testing.T) {
	script := "4\n8\n9\nlinking-others\nrounds\n12\n6\n"
	out := trainer(t, script)
	golden.Check(t, "trainer-stdin.golden", []byte(out))

	want := []string{
		"1 18:20 monopolizing Marcus facilitating 1/2",
		"2 18:22 silence Nina dyads 1/2",
		"3 18:32 intellectualizing Owen rounds 0/2",
		"4 18:39 hostility Victor giving-feedback 1/2",
	}
	rows := scoreRows(out)
	require.GreaterOrEqual(t, len(rows), len(want))
	if diff := cmp.Diff(want, rows[:len(want)]); diff != "" {
		t.Errorf("scripted choices (-want +got):\n%s", diff)
	}
	require.Contains(t, out, `"linking-others" is not a leader skill`)
	require.Contains(t, out, `"12" is not on the menu`)
	require.Equal(t, 1, strings.Count(out, "(no more input: choosing the top recommendation"))
	require.Contains(t, out, "overall: 9 of 14 marks (64%)")
}

// TestEmptyStdinIsAuto: with neither flag and nothing on standard input,
// the trainer says so and makes the -auto choices.
func TestEmptyStdinIsAuto(t *testing.T) {
	out := trainer(t, "")
	require.Contains(t, out, "(no more input: choosing the top recommendation from here on, as -auto does)")
	require.Equal(t, scoreRows(trainer(t, "", "-auto")), scoreRows(out))
}

// TestSeeds: the same seed and choices give the same session and output;
// another seed gives another session.
func TestSeeds(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"auto", []string{"-auto"}},
		{"choices", []string{"-choices", "supporting,blocking,cutting-off"}},
		{"other seed", []string{"-auto", "-seed", "7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, trainer(t, "", tt.args...), trainer(t, "", tt.args...))
		})
	}
	a, b := trainer(t, "", "-auto"), trainer(t, "", "-auto", "-seed", "7")
	require.NotEqual(t, scoreRows(a), scoreRows(b), "another seed, another session")
}

// TestChoices: -choices are taken in order and scored; when they run out,
// the trainer says so and goes on as -auto.
func TestChoices(t *testing.T) {
	out := trainer(t, "", "-choices", "cutting-off, supporting")
	rows := scoreRows(out)
	require.GreaterOrEqual(t, len(rows), 3)
	require.Equal(t, "1 18:20 monopolizing Marcus cutting-off 2/2", rows[0])
	require.True(t, strings.HasSuffix(rows[1], "supporting 0/2"), rows[1])
	require.Contains(t, out, "(-choices has run out")
}

func TestBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		is   error // a sentinel the error wraps, if any
	}{
		{"unknown skills", []string{"-choices", "cutting-off,hugging,shouting"}, session.ErrUnknownValue},
		{"both modes", []string{"-auto", "-choices", "cutting-off"}, nil},
		{"stray argument", []string{"-auto", "extra"}, nil},
		{"bad seed", []string{"-seed", "minus-one"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := run(strings.NewReader(""), &buf, tt.args)
			require.Error(t, err)
			if tt.is != nil {
				require.ErrorIs(t, err, tt.is)
			}
		})
	}
	// Every unknown skill is reported, not only the first.
	_, err := parseChoices("cutting-off,hugging,shouting")
	var pe *session.ParseError
	require.ErrorAs(t, err, &pe)
	require.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 2)
}

// TestGrade scores choices against a real recommendation: the advisor's
// for a monopolizing member (Jacobs et al., the chronic talker: cutting
// off first, then linking, facilitating, rounds, giving feedback).
func TestGrade(t *testing.T) {
	a, err := advice.NewAdvisor(nil)
	require.NoError(t, err)
	rec, ok := a.Recommend(advice.Context{Modality: group.ModalityProcess, Stage: supervised},
		advice.Detection{Situation: advice.SituationMonopolizing, Members: []group.MemberID{"marcus"}, Confidence: 1})
	require.True(t, ok)
	require.Equal(t, session.SkillCuttingOff, rec.Interventions[0], "precondition: the first preferred intervention")
	tests := []struct {
		name  string
		skill session.Skill
		want  int
	}{
		{"first preferred", session.SkillCuttingOff, fullMarks},
		{"second preferred", session.SkillLinking, partialMarks},
		{"last preferred", session.SkillGivingFeedback, partialMarks},
		{"not recommended", session.SkillSupporting, 0},
		{"recommended for another situation", session.SkillDrawingOut, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := grade(rec, tt.skill)
			require.Equal(t, tt.want, got)
			require.NotEmpty(t, why)
		})
	}
}

// TestMenu: the menu holds every recommended skill, fills up to menuSize
// with others, and lists them in skill order so the position gives no hint.
func TestMenu(t *testing.T) {
	for _, sit := range []advice.Situation{advice.SituationMonopolizing, advice.SituationSilence, advice.SituationBandAiding} {
		t.Run(sit.String(), func(t *testing.T) {
			def, ok := advice.BuiltinDefinitions().For(sit)
			require.True(t, ok)
			rec := advice.Recommendation{Situation: sit, Interventions: def.Interventions}
			m := menu(rec)
			require.Len(t, m, menuSize)
			for _, k := range rec.Interventions {
				require.Contains(t, m, k)
			}
			require.IsIncreasing(t, m)
		})
	}
}

// TestIntervene: a chosen skill is recorded in the session as an
// intervention aimed at the member, and a member whose profile yields to
// it follows the eased profile; one that does not carries on.
func TestIntervene(t *testing.T) {
	tests := []struct {
		name      string
		skill     session.Skill
		member    group.MemberID
		wantEased bool
	}{
		{"monopolizer cut off", session.SkillCuttingOff, "marcus", true},
		{"monopolizer merely supported", session.SkillSupporting, "marcus", false},
		{"silent member drawn out", session.SkillDrawingOut, "nina", true},
		{"rescuer blocked", session.SkillBlocking, "rosa", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSim(t)
			resp, err := s.intervene(tt.skill, []group.MemberID{tt.member})
			require.NoError(t, err)
			log := s.room.Session().Events()
			iv := log[len(log)-2] // the intervention, then the leader's turn that carries it
			require.Equal(t, session.EventIntervention, iv.Type)
			want := session.Intervention{Facilitator: trainee, Skill: tt.skill, Target: session.MemberParty(tt.member)}
			if diff := cmp.Diff(&want, iv.Intervention); diff != "" {
				t.Errorf("intervention (-want +got):\n%s", diff)
			}
			require.Len(t, resp, 1)
			require.Equal(t, tt.wantEased, resp[0].Yielded)
			i, ok := s.index(tt.member)
			require.True(t, ok)
			require.Equal(t, tt.wantEased, s.members[i].current() != s.members[i].Profile)
		})
	}
}

// newTestSim returns a simulation of the cast with the session started.
func newTestSim(t *testing.T) *sim {
	t.Helper()
	prof, ok := group.BuiltinProfile(group.ModalityProcess)
	require.True(t, ok)
	agenda, err := session.Template(prof, sessionLength, len(cast))
	require.NoError(t, err)
	spec := session.Spec{Profile: prof, Agenda: agenda, Facilitators: []group.Facilitator{{ID: trainee, Name: "You", Role: group.RoleLead}}}
	var ids []group.MemberID
	for _, c := range cast {
		spec.Roster = append(spec.Roster, session.Participant{ID: c.ID, Name: c.Name})
		ids = append(ids, c.ID)
	}
	room, err := newRoom(spec, config())
	require.NoError(t, err)
	s := newSim(defaultSeed, room, trainee, time.Date(2026, 3, 10, 18, 0, 0, 0, time.UTC))
	require.NoError(t, room.Start(s.at, []group.FacilitatorID{trainee}, ids, false))
	return s
}
