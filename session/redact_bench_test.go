package session_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// benchRoster returns n members whose names mix scripts, as a large
// clinic's roster might.
func benchRoster(n int) []session.Participant {
	first := []string{"Alice", "José", "Jürgen", "Γιάννης", "Мария", "محمد", "דוד", "अर्जुन", "Søren", "Łukasz", "İpek", "Chiara"}
	last := []string{"Moreau", "Ångström", "Strauß", "Παπαδόπουλος", "Иванова", "حسن", "כהן", "शर्मा", "Nowak", "Okafor", "Işık", "Lopez"}
	spaceless := []string{"王小明", "田中花子", "สมชาย", "김민준"}
	out := make([]session.Participant, n)
	for i := range out {
		var name string
		switch {
		case i%5 == 4:
			name = fmt.Sprintf("%s%d", spaceless[i%len(spaceless)], i) // distinct by a number
		default:
			name = fmt.Sprintf("%s %s%c", first[i%len(first)], last[(i/len(first))%len(last)], 'a'+rune(i%26))
		}
		out[i] = session.Participant{ID: group.MemberID(fmt.Sprintf("m%d", i+1)), Name: name, Aliases: []string{fmt.Sprintf("Nick%d", i)}}
	}
	return out
}

// benchNote returns a note of about size bytes naming members of roster
// here and there among ordinary sentences in English, Russian and Chinese.
func benchNote(roster []session.Participant, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		p := roster[(i*7)%len(roster)]
		fmt.Fprintf(&b, "%s said the week was hard; the group (symptoms, analysis, tomorrow's plan) listened and @%s replied. ",
			p.Name, strings.ToLower(strings.Fields(p.Name)[0]))
		b.WriteString("Members practised a thought record and reviewed homework without naming anyone at all. ")
		b.WriteString("Группа обсудила домашнее задание. 大家一起复习了作业。 ")
	}
	return b.String()
}

// BenchmarkRedact redacts a 100 KB note for one member of a 200-member
// roster: one pass over the note for all the names.
func BenchmarkRedact(b *testing.B) {
	roster := benchRoster(200)
	r, err := session.NewRedactor(roster, session.DefaultRedactionRules())
	if err != nil {
		b.Fatal(err)
	}
	note := benchNote(roster, 100<<10)
	b.SetBytes(int64(len(note)))
	b.ReportAllocs()
	for b.Loop() {
		r.Redact("m1", note)
	}
}

// BenchmarkNewRedactor builds the redactor of a 200-member roster.
func BenchmarkNewRedactor(b *testing.B) {
	roster := benchRoster(200)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := session.NewRedactor(roster, session.DefaultRedactionRules()); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSession is an ended session of 200 members, all present, with a
// group note of 100 KB and a progress note for one member.
func benchSession(b *testing.B) *session.Session {
	spec := specFor(b, group.ModalitySupport, 60*time.Minute, 8)
	spec.Profile.ClinicalRecords = true
	spec.Roster = benchRoster(200)
	s := newSession(b, spec)
	if err := s.Start(at(0), []group.FacilitatorID{"f1"}, ids(spec.Roster), false); err != nil {
		b.Fatal(err)
	}
	if err := s.End(at(60)); err != nil {
		b.Fatal(err)
	}
	note := benchNote(spec.Roster, 100<<10)
	if _, err := s.WriteNote(at(61), session.Note{Kind: session.NoteGroup, Author: "f1", Text: note}); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkProgressNotes200 fans a 100 KB group note out to the progress
// notes of 200 members, each with every other member redacted: the
// redactor is built and the note scanned once per call.
func BenchmarkProgressNotes200(b *testing.B) {
	s := benchSession(b)
	b.ReportAllocs()
	for b.Loop() {
		if n := len(s.ProgressNotes()); n != 200 {
			b.Fatalf("%d notes", n)
		}
	}
}

// BenchmarkMemberExport200 is one member's export from the same session.
func BenchmarkMemberExport200(b *testing.B) {
	s := benchSession(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.MemberExport("m1"); err != nil {
			b.Fatal(err)
		}
	}
}
