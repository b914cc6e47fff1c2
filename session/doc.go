// Package session models one meeting of a group: its agenda, what happens
// in the room, and the records it leaves.
//
// In group work a meeting has a plan and a course. The plan is an Agenda of
// Segments (opening, check-in, homework review, new material, practice,
// art-making, sharing, processing, break, homework, check-out, measures)
// whose shape depends on the modality: structured CBT, psychoeducational and
// skills groups run like a class with homework; support groups share openly;
// art therapy makes and then processes images; mindfulness classes practise
// and inquire; process groups have no fixed agenda. What the package knows
// of each modality's sessions is one row, a Shape: its typical agenda
// (Shape.Template, or Template for a built-in modality) and the rules an
// agenda is checked against (Shape.ValidateAgenda, Agenda.Validate), which
// report departures from practice as group.Finding values. An app adds a
// Shape for a modality of its own.
//
// The course is event-sourced. A Session is created from a Spec (profile,
// agenda, roster with names and recording consent, facilitators, scheduled
// start, late grace) by New. Every event, built by a command (Start,
// Arrive, Speak, Intervene, RaiseIncident, End, WriteNote, ...) or by an
// app, goes through Session.Apply, the one place state changes, and a
// rejected event leaves the session untouched. The state answers what a
// clinician asks: the current segment and overruns, who is present, open
// incidents (risk first), attendance statuses with billing and note flags,
// each member's participation. Session.Log gives the log with every event's
// sequence number and the session's identity; Encode and Decode write and
// read it as JSON lines with a schema version, refusing a line that is
// missing, repeated, moved or of another session; Replay rebuilds the
// session from it.
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
// into group metrics; session knows nothing of it. An app that also
// advises the facilitator uses the dynamics/advice package's Room, which
// holds a session and its monitor and records each event in both or in
// neither, with the same commands (Commands) as a Session.
//
// Sources: Bales (1950), Interaction Process Analysis; Corey, Corey &
// Corey, Groups: Process and Practice; Jacobs, Schimmel, Masson & Harvill,
// Group Counseling: Strategies and Skills; ACA Code of Ethics (2014),
// sections A.2, B.4-B.6 (consent, confidentiality in groups, records);
// Muñoz et al. (2000) and SAMHSA TIP 41 (2005) for structured sessions;
// Linehan (2015) for DBT skills sessions; see docs/reference/sessions.md
// and docs/reference/records.md.
//
// Place in the house: session imports group (profiles, IDs, facilitators,
// findings) and nothing above it; curriculum and dynamics import session.
package session
