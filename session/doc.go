// Package session models one meeting of a group: its agenda, what happens
// in the room, and the records it leaves.
//
// In group work a meeting has a plan and a course. The plan is an Agenda of
// Segments (opening, check-in, homework review, new material, practice,
// art-making, sharing, processing, break, homework, check-out, measures)
// whose shape depends on the modality: structured CBT, psychoeducational and
// skills groups run like a class with homework; support groups share openly;
// art therapy makes and then processes images; mindfulness classes practise
// and inquire; process groups have no fixed agenda. Template builds the
// typical agenda for a profile, a length and a member count; Agenda.Validate
// checks an agenda and reports departures from practice as group.Finding
// values.
//
// The course is event-sourced. A Session is created from a Spec (profile,
// agenda, roster with names and recording consent, facilitators, scheduled
// start, late grace) by New. Commands such as Start, Arrive, RecordTurn,
// Intervene, RaiseIncident, End and WriteNote build Events; every event goes
// through Session.Apply, the one place state changes, and a rejected event
// leaves the session untouched. The state answers what a clinician asks:
// the current segment and overruns, who is present, open incidents (risk
// first), attendance statuses with billing and note flags, each member's
// participation. Replay rebuilds a session from a log, and Encode and
// Decode write and read the log as JSON lines with a schema version.
//
// After the end, notes document the session: a group note (theme,
// interventions, process, shared content) fans out to one ProgressNote per
// attending member with every other member's name and ID redacted; signed
// notes change only by addenda; MemberExport gives a member what they may
// see, with nothing about anyone else.
//
// Turns carry Bales' Interaction Process Analysis categories (Act) and
// observation Tags; interventions name Corey's and Jacobs et al.'s leader
// skills or a crisis SafetyStep. The dynamics package folds the same events
// into group metrics; session knows nothing of it. An app that records
// through the commands passes each event on with Session.Last:
//
//	if err := s.RecordTurn(at, turn); err != nil {
//		return err
//	}
//	e, _ := s.Last() // the event RecordTurn built
//	return monitor.Observe(&e)
//
// Sources: DOMAIN.md sections 6 (safety, consent, notes), 8 (coding what
// happens: Bales 1950), 9 (session structure) and 11 (records: attendance,
// billing); Corey, Corey & Corey, Groups: Process and Practice; Jacobs,
// Schimmel, Masson & Harvill, Group Counseling: Strategies and Skills; ACA
// Code of Ethics (2014); Linehan (2015) for DBT skills sessions.
//
// Place in the house: session imports group (profiles, IDs, facilitators,
// findings) and nothing above it; curriculum and dynamics import session.
package session
