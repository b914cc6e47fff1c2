package session

import (
	"fmt"
	"time"

	"github.com/groupwork/groupwork/group"
)

// checkInPerMember is the time a check-in round gives each member: DOMAIN.md
// section 9 says about 1 to 1.5 minutes; templates use the middle, 75 s.
const checkInPerMember = 75 * time.Second

// Template returns the typical agenda for a session of the given length with
// the given number of members, following the profile's modality. The length
// must be whole minutes within the profile's SessionMinutes; members must be
// at least 1 (a number outside the profile's size range is fine: size is
// guidance for group, not for an agenda). Problems are joined *FieldError
// values; a length the profile does not allow wraps ErrLength.
//
// The shapes come from DOMAIN.md section 9:
//   - CBT, psychoeducational and skills groups: opening 5, check-in of
//     about 1.25 min per member (5 min at least, a fifth of the session at
//     most), homework review, new material, skill practice, a break from
//     120 min (5 min, 10 from 150), homework assignment 5, check-out 10
//     (5 under 90 min). Review, material and practice share the rest
//     25:25:30 as in the 120-minute split; skills groups (DBT) give homework
//     review about half of the session (Linehan 2015).
//   - Support groups: opening and guidelines, open sharing, closing.
//   - Art therapy: check-in, art-making, sharing and processing the
//     images (an equal share each), closing.
//   - Mindfulness: arriving, formal practice, inquiry into the practice,
//     teaching, home practice, closing; practice, inquiry and teaching share
//     the time 9:5:6 (our reading of a 45-minute practice in a 2-hour class).
//   - Process groups: no fixed agenda beyond open here-and-now work and a
//     closing reflection.
//
// The result validates against p without warnings.
func Template(p group.Profile, length time.Duration, members int) (Agenda, error) {
	fe := problems()
	if !p.Modality.IsValid() {
		fe.Add("profile.modality", "must be a specified modality", nil)
	}
	switch {
	case length <= 0 || length%time.Minute != 0:
		fe.Add("length", "must be a positive whole number of minutes, got "+length.String(), ErrLength)
	case !p.SessionLength(length):
		fe.Add("length", fmt.Sprintf("%s is outside the profile's session length of %s",
			minutes(length), minuteRange(p.SessionMinutes)), ErrLength)
	}
	if members < 1 {
		fe.Add("members", "must be at least 1", nil)
	}
	if err := fe.Err(); err != nil {
		return Agenda{}, err
	}

	m := time.Minute
	closing := 10 * m
	if length < 90*m {
		closing = 5 * m
	}
	var segs []Segment
	switch p.Modality {
	case group.ModalityCBT, group.ModalityPsychoeducational, group.ModalitySkills:
		checkIn := checkInLength(length, members)
		brk := time.Duration(0)
		if length >= breakThreshold {
			brk = 5 * m
			if length >= 150*m {
				brk = 10 * m
			}
		}
		rest := length - 5*m - checkIn - brk - 5*m - closing
		var review, material, practice time.Duration
		if p.Modality == group.ModalitySkills {
			review = max(length/2-5*m-checkIn, rest/3).Round(m)
			parts := split(rest-review, 1, 1)
			material, practice = parts[0], parts[1]
		} else {
			parts := split(rest, 25, 25, 30)
			review, material, practice = parts[0], parts[1], parts[2]
		}
		segs = []Segment{
			{Kind: SegmentOpening, Planned: 5 * m, Title: "agenda and a brief practice"},
			{Kind: SegmentCheckIn, Planned: checkIn, Title: "check-in round with a risk screen"},
			{Kind: SegmentHomeworkReview, Planned: review},
			{Kind: SegmentNewMaterial, Planned: material},
		}
		if brk > 0 {
			segs = append(segs, Segment{Kind: SegmentBreak, Planned: brk})
		}
		segs = append(segs,
			Segment{Kind: SegmentSkillPractice, Planned: practice, Title: "role-play, worksheet or exercise"},
			Segment{Kind: SegmentHomeworkAssignment, Planned: 5 * m},
			Segment{Kind: SegmentCheckOut, Planned: closing, Title: "check-out and session measures"},
		)
	case group.ModalitySupport:
		open := closing
		segs = []Segment{
			{Kind: SegmentOpening, Planned: open, Title: "welcome and guidelines"},
			{Kind: SegmentSharing, Planned: length - open - closing, Title: "open sharing"},
			{Kind: SegmentCheckOut, Planned: closing, Title: "closing"},
		}
	case group.ModalityArtTherapy:
		checkIn := checkInLength(length, members)
		parts := split(length-checkIn-closing, 1, 1)
		segs = []Segment{
			{Kind: SegmentCheckIn, Planned: checkIn},
			{Kind: SegmentArtMaking, Planned: parts[0]},
			{Kind: SegmentProcessing, Planned: parts[1], Title: "sharing and processing the images"},
			{Kind: SegmentCheckOut, Planned: closing, Title: "closing"},
		}
	case group.ModalityMindfulness:
		parts := split(length-5*m-10*m-5*m, 9, 5, 6)
		segs = []Segment{
			{Kind: SegmentOpening, Planned: 5 * m, Title: "arriving"},
			{Kind: SegmentMeditation, Planned: parts[0], Title: "formal practice"},
			{Kind: SegmentProcessing, Planned: parts[1], Title: "inquiry into the practice"},
			{Kind: SegmentNewMaterial, Planned: parts[2], Title: "teaching"},
			{Kind: SegmentHomeworkAssignment, Planned: 10 * m, Title: "home practice"},
			{Kind: SegmentCheckOut, Planned: 5 * m, Title: "closing"},
		}
	case group.ModalityProcess:
		segs = []Segment{
			{Kind: SegmentProcessing, Planned: length - closing, Title: "open here-and-now work"},
			{Kind: SegmentCheckOut, Planned: closing, Title: "closing reflection"},
		}
	}
	for i, s := range segs {
		if s.Planned < time.Minute {
			fe.Add("length", fmt.Sprintf("%s leaves no time for segment %d (%s)", minutes(length), i, s.Kind), ErrLength)
			return Agenda{}, fe.Err()
		}
	}
	return Agenda{Segments: segs}, nil
}

// checkInLength is checkInPerMember per member in whole minutes, at least 5
// minutes and at most a fifth of the session.
func checkInLength(length time.Duration, members int) time.Duration {
	d := (time.Duration(members) * checkInPerMember).Round(time.Minute)
	return min(max(d, 5*time.Minute), (length / 5).Truncate(time.Minute))
}

// split divides total into whole minutes in proportion to weights; the
// minutes lost to rounding go to the first parts, so the parts sum to total
// when total is whole minutes.
func split(total time.Duration, weights ...int) []time.Duration {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	mins := int(total / time.Minute)
	out := make([]time.Duration, len(weights))
	used := 0
	for i, w := range weights {
		n := mins * w / sum
		out[i] = time.Duration(n) * time.Minute
		used += n
	}
	for i := 0; used < mins; i = (i + 1) % len(out) {
		out[i] += time.Minute
		used++
	}
	return out
}
