// Package group models who meets and why: the kinds of therapy and support
// group, the people who lead them, and the people who join them.
//
// In the field, a group is defined first by its modality (a peer support
// group, a psychoeducational series, a CBT or mindfulness-based program, an
// art therapy group, an interpersonal process group, a skills group such as
// DBT skills). The modality decides who may lead it, how structured it is,
// how large and how long it should be, whom it admits and when, whether
// members are screened, and whether clinical records apply. Around that sit
// the facilitators and their credentials, the membership of each person
// from referral to ending, the screening that decides who joins, the
// composition of the roster, and the group agreement each member signs.
//
// # Entry points
//
//   - BuiltinProfiles, BuiltinCatalog and Catalog: the modality catalogue,
//     which apps extend with their own profiles and numbers.
//   - Spec and New: a validated *Group. Hard invariants are errors reported
//     all at once; clinical guidance comes back from Group.Findings as
//     Finding values with a severity, a stable code and a source.
//   - Refer, StartScreening, Admit, Waitlist, Withdraw, Complete and the
//     other commands: membership episodes with explicit times, enforcing
//     screening, capacity, the membership policy and consent.
//   - Screen: a screening decision with reasons, from fixed rules for risk
//     and from ScreeningRules, rows a profile can re-rule.
//     RecordScreening puts a screening on the member's episode, where it
//     binds Admit; RecordClinicianDecision records a licensed clinician's
//     decision to admit regardless.
//   - LeadershipOf: whether the room is co-led, solo or peer-led, from the
//     facilitators present and their credentials.
//   - AssessComposition and Group.Composition: guidance on a roster.
//   - StandardAgreement, SignAgreement, RecordingAllowed: agreement and consent.
//
// # Sources
//
// The catalogue numbers are typical values from SAMHSA TIP 41 (2005),
// Substance Abuse Treatment: Group Therapy; Yalom & Leszcz (2005), The
// Theory and Practice of Group Psychotherapy (5th ed.); Linehan (2015) for
// DBT skills; the MBSR and MBCT literature; and AATA for art therapy; the
// ASGW specializations come from the ASGW Professional Standards (2000).
// Screening follows the ACA Code of Ethics (2014) A.9.a and A.9.b, Yalom &
// Leszcz ch. 8 (criteria for exclusion), Kroenke, Spitzer & Williams (2001)
// for PHQ-9 item 9, SAMHSA (2020) on crisis care for the urgent handoff,
// TIP 41 ch. 4 on risk to others, Treleaven (2018) on trauma-sensitive
// mindfulness and Emblad & Mukaetova-Ladinska (2021) on art therapy in
// dementia care; composition, agreements and consent follow Yalom & Leszcz
// ch. 9-10 and the ACA Code of Ethics (2014) B.2, B.4.a and B.6.c;
// leadership follows the AGPA Practice Guidelines for Group Psychotherapy
// (2007) and SAMHSA's Core Competencies for Peer Workers (2015). Every
// rule's doc comment names its source; where the sources give no number
// (the co-leader threshold, the homogeneity threshold), the comment says the
// number is a heuristic, the library's own. The numbers are typical values,
// not clinical advice: apps can override them.
//
// # Place in the house
//
// group is the base of the library; of the library's packages it imports
// only measure (for the PHQ-9 item 9 answer, which may be missing). session,
// curriculum and dynamics build on it and reuse Finding and Severity for
// their own guidance. Everything is pure: no I/O, no clock, no randomness;
// the same commands in the same order give the same group, which is how a
// Group round-trips through JSON. The one exception is reading a Spec from
// JSON, which loads its time zone by name with time.LoadLocation (the
// system's zone database, or the one embedded by importing time/tzdata).
package group
