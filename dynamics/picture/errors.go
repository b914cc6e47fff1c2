package picture

import (
	"errors"
	"strconv"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// The shared vocabulary, the same in every package of the library (see
// group.FieldError): input a picture cannot draw is a *FieldError wrapping
// ErrInvalid, and ErrTooLong when it lies beyond a picture's bounds.
type (
	// FieldError reports one problem with what a picture was asked to
	// draw; Path names it ("series[1].points[3].session"). It is
	// group.FieldError.
	FieldError = fault.FieldError
)

var (
	// ErrInvalid is wrapped by every *FieldError. It is group.ErrInvalid.
	ErrInvalid = fault.ErrInvalid
	// ErrTooLong marks a session number beyond MaxSessions: a picture of
	// sessions along an axis draws at most that many.
	ErrTooLong = errors.New("picture: beyond the sessions a picture draws")
)

// MaxSessions is the highest session number the pictures with a session
// axis (StageTimeline, TrajectoryChart) draw: ten years of weekly
// sessions. A longer history is better drawn as a window of it. The bound
// keeps the work and the picture's width bounded whatever the input.
const MaxSessions = 520

// problems returns a collector of the package's field errors.
func problems() fault.List { return fault.List{Pkg: "picture"} }

// checkSession records a problem with a session number at path.
func checkSession(f *fault.List, path string, session int) {
	switch {
	case session < 1:
		f.Add(path, "session numbers start at 1", nil)
	case session > MaxSessions:
		f.Add(path, "session "+strconv.Itoa(session)+" is beyond the "+strconv.Itoa(MaxSessions)+" a picture draws", ErrTooLong)
	}
}
