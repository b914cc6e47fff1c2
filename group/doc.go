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
//     capacity, the membership policy and consent.
//   - Screen: a screening decision with reasons.
//   - AssessComposition and Group.Composition: guidance on a roster.
//   - StandardAgreement, SignAgreement, RecordingAllowed: agreement and consent.
//
// # Sources
//
// The catalogue numbers come from DOMAIN.md section 1: SAMHSA TIP 41 (2005),
// Yalom & Leszcz (2005), Linehan (2015) for DBT skills, the MBSR/MBCT
// literature, and the seed texts; the ASGW specializations from the ASGW
// Professional Standards (2000). Screening, composition, agreement and
// consent rules come from DOMAIN.md section 6: ACA Code of Ethics (2014)
// A.9.a and B.4.a, Yalom & Leszcz ch. 9-10, and Kroenke et al. (2001) for
// PHQ-9 item 9. Every rule's doc comment names its source; where DOMAIN.md
// gives no number (the co-leader threshold, the homogeneity threshold), the
// comment says what the code relies on. The numbers are typical values, not
// clinical advice: apps can override them.
//
// # Place in the house
//
// group is the base of the library and imports nothing of ours (the PHQ-9
// item 9 answer arrives as a plain number). session, curriculum and dynamics
// build on it and reuse Finding and Severity for their own guidance.
// Everything is pure: no I/O, no clock, no randomness; the same commands in
// the same order give the same group, which is how a Group round-trips
// through JSON.
package group
