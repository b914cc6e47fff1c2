// Package factor holds Yalom's eleven therapeutic factors, the mechanisms
// by which group work helps, in their canonical order; the benefits of
// group work in a member's words, each mapped onto the factors; and which
// leader skills foster which factor.
//
// Main entry points: Factors and Factor (with its text form and Parse);
// Benefits and Benefit.Factors; FactorsFostered and SkillsFostering.
//
// Source: Yalom & Leszcz (2005), The Theory and Practice of Group
// Psychotherapy, 5th ed., ch. 1; the benefit and skill mappings are the
// library's own reading (heuristic, the library's own; see
// docs/reference/factors.md).
//
// Place in the house: factor imports session (leader skills) and nothing
// else of ours. Every value is an immutable enum or a fresh slice, safe for
// concurrent use.
package factor
