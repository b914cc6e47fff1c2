// Package safety holds what a group does when someone's safety is at risk:
// one protocol per safety situation, the jurisdiction whose numbers and
// duties fill them, and the follow-up tasks an episode leaves.
//
// The field treats each safety situation on its own terms. A member at risk
// of suicide is assessed in private by a clinician and leaves with a safety
// plan (Stanley & Brown 2012); a threat against an identifiable person is
// assessed and, where the law asks it, leads to a warning or protection
// (Tarasoff 1976; the states differ, NCSL); a disclosure of abuse is not
// investigated but reported to the agency the law names, by its deadline
// (Child Welfare Information Gateway), and never runs the suicide protocol
// unless risk to self is recorded too. Dissociation is met with grounding
// and choice, never force (SAMHSA TIP 57); intoxication always ends with a
// safe way home (SAMHSA TIP 47). Who is in the room changes who does what:
// with two leaders one attends to the member while the other stays with the
// group; a solo clinician pauses the group; peer facilitators support the
// person and hand clinical decisions to professionals (SAMHSA 2015).
//
// Main entry points:
//
//   - BuiltinProtocols returns the ten built-in protocols, each with a
//     co-led, a solo and a peer-led variant of typed steps (a
//     session.SafetyStep, the group.Role who takes it, the text, the
//     source), its follow-up task rules and its rank among protocols that
//     run at once.
//   - Jurisdiction is the law and services of a place as data: the
//     emergency number, the crisis lines, who reports which abuse to whom
//     and by when, and the duty to warn (mandatory, permissive, none, or
//     varying within). USFederal, England, Canada and Australia are
//     built-ins with their sources and a note on what to verify locally.
//   - Book holds the protocols a clinic follows, with its local steps
//     (LocalStep: its on-call number, its form, at defined points) and its
//     jurisdiction. NewBook refuses a version of a protocol that drops or
//     reorders a core step (ErrCoreStep): safety can be extended, never
//     suppressed. A Book is immutable and shared by every room.
//   - Book.Respond applies a protocol to an Episode: the variant for the
//     room's group.Leadership, the steps with the jurisdiction's numbers
//     and agencies, and the Tasks with due times computed from the
//     episode's time. Overdue lists the tasks past due at a given time.
//
// The advice package raises these protocols from a live session and
// attaches each Response to its recommendation; an app may also use them
// directly. Nothing here is clinical or legal advice: the protocols encode
// published guidance, each step names its source, and where no source
// prescribes a step for a group the step says it is this library's
// heuristic. See docs/reference/safety.md and docs/guides/jurisdiction.md.
//
// Sources: AGPA (2007), Practice Guidelines for Group Psychotherapy; SAMHSA
// TIP 42 (2020), TIP 47 (2006), TIP 50 (2009) and TIP 57
// (2014); Stanley & Brown (2012); NICE NG225 (2022) and NG10 (2015); ACA
// Code of Ethics (2014), B.2.a and B.4.a; Tarasoff v. Regents of the
// University of California (1976); NCSL, Mental Health Professionals' Duty
// to Warn; Child Welfare Information Gateway, Mandatory Reporting of Child
// Abuse and Neglect; and, for each jurisdiction, the sources it names.
//
// Place in the house: safety imports session and group; the advice package
// imports it. Books, Protocols, Jurisdictions and Tasks are values safe for
// concurrent reading.
package safety
