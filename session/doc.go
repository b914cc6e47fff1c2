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
// # Redaction
//
// One member's record never names another member. Every text copied into
// a ProgressNote or a MemberExport (the group note, the member's own note,
// incidents, agenda titles, facilitator names) has each other roster
// member's ID, Name and Aliases replaced by Redacted, "***". A name is
// found:
//
//   - whatever its Unicode spelling: texts and names are compared after
//     compatibility decomposition (NFKD), full case folding and with
//     diacritics and invisible characters left out, so José, JOSE, Jose and
//     a decomposed José are one name, ß is ss, İ and ı are i, ς is σ,
//     full-width letters are letters; ø, ł, đ and æ read as o, l, d and ae,
//     and Arabic letter variants as one letter;
//   - as a whole word in scripts written with spaces, where a change of
//     script or between letters and digits is a word boundary too ("Tom"
//     stays in "symptoms" but not in "Tom2"); anywhere in a word in Han,
//     Hiragana, Katakana, Thai, Lao, Khmer and Myanmar, written without
//     spaces; anywhere in a handle or address (a run of text without white
//     space that starts with @ or # or holds an @: "mlopez@example.org");
//   - in part and in its forms: each part of a name of two letters or more,
//     the parts run together ("MariaLopez"), the inflected forms and
//     respellings of RedactionRules (plurals and genitives, Greek and Slavic
//     case endings, Hebrew and Arabic joined prefixes, Korean particles,
//     Mueller for Müller), and for a name in a spaceless script or Hangul
//     the given name without the family name.
//
// A member's own names stay in their record unless another member shares
// them. Where readability and the guarantee conflict, the guarantee wins: a
// member named Mark makes "marks" "***", and a name shared by two members
// is redacted from both their records. Limits: names are not
// transliterated between scripts (Мария is not Maria: give it as an
// alias), nor found when misspelt, cut to an initial, spelt out letter by
// letter or written with look-alike letters of another script; a name part
// of one letter is not redacted alone.
//
// Sessions redact with DefaultRedactionRules; a Redactor built by
// NewRedactor applies other rules to an app's own text. Either way the work
// is one pass over the text for all the roster's names at once (an
// Aho-Corasick automaton over the folded text), linear in the text and the
// names. RedactionAudit tells the clinic how many names each field of each
// member's record lost; the records themselves do not say.
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
// Linehan (2015) for DBT skills sessions; for redaction, the Unicode
// Standard (UAX #15 normalization, default case folding, UAX #29 word
// boundaries) and the grammars DefaultRedactionRules names; see
// docs/reference/sessions.md and docs/reference/records.md.
//
// Place in the house: session imports group (profiles, IDs, facilitators,
// findings) and nothing above it; curriculum and dynamics import session.
package session
