// Package picture draws a session, a group's history and its outcomes as
// deterministic SVG for clinicians to read: the sociogram (who talks to
// whom, and how much), the participation chart (each member's share of
// talk and turns against the fair share), the stage timeline of a group's
// history, and trajectory charts of an outcome measure over the
// instrument's severity bands.
//
// Main entry points: Sociogram and ParticipationChart draw a
// dynamics.Snapshot; StageTimeline draws a stage.History; TrajectoryChart
// draws Series (SeriesOf makes one from a measure.Trajectory) on the bands
// and the caseness cut-off of the instrument's measure.Definition, so an
// instrument an app adds to its catalogue is drawn with its own bands.
// Options give people their display names (or initials) and the ids'
// prefix.
//
// What every picture shares:
//
//   - Text is escaped (encoding/xml), so a name cannot inject markup; the
//     output holds no script and no reference outside itself.
//   - Each <svg> has a <title> and a <desc>, named by its role, aria-labelledby
//     and aria-describedby attributes, so a screen reader announces the
//     picture and reads its figures; every mark has a tooltip.
//   - A legend explains colours, widths, rings and lines, and lines and
//     points are labelled directly where a label reads better than a key.
//   - Colours come from the colour-blind-safe palette of Okabe and Ito
//     (2008), and no reading rests on colour alone.
//   - A picture has a viewBox and scales to its container; its width and
//     height attributes give its natural size.
//   - Axes are marked at round numbers: 1, 2 or 5 times a power of ten.
//   - Labels keep clear of each other and of the lines that matter. The
//     layout estimates text widths from per-character widths close to
//     DejaVu Sans, the widest common sans-serif face, so text drawn in
//     another face takes less room than planned, never more. Where labels
//     could collide (a sociogram's names, direct labels, band names), they
//     are placed greedily or spread apart in one linear pass; see each
//     function.
//   - The same input gives the same bytes, and the work is close to linear
//     in the input. Pictures with a session axis draw at most MaxSessions
//     sessions; a later session is an error (ErrTooLong).
//
// Place in the house: picture imports dynamics, stage, measure and session;
// nothing imports it. The package holds no state: every function is pure
// and safe for concurrent use.
package picture
