// Package fault is the one error vocabulary of groupwork's packages: the
// field error that validation reports, the parse error of enum text, the
// two sentinels they wrap, and a collector that joins every problem of one
// input. Each public package re-exports these under its own name (as
// type aliases and the same sentinel values), so errors.Is and errors.As
// work across the whole library: a *session.FieldError is a
// *group.FieldError, and session.ErrInvalid is group.ErrInvalid.
//
// The package is internal and sits below every public package; it imports
// only the standard library.
package fault

import (
	"errors"
	"strconv"
	"strings"
)

// The sentinels every package shares.
var (
	// ErrInvalid is wrapped by every *FieldError: structured input breaks a
	// hard invariant.
	ErrInvalid = errors.New("groupwork: invalid input")
	// ErrUnknownValue is wrapped by every *ParseError: text names no value
	// of an enum, or a value has no text form.
	ErrUnknownValue = errors.New("groupwork: unknown value")
)

// FieldError reports one broken invariant in structured input. Path names
// the field in JSON spelling with indexes ("segments[2].planned"). Every
// FieldError wraps ErrInvalid, and Err when it is set, so both
// errors.Is(err, ErrInvalid) and errors.Is(err, <a more specific sentinel>)
// work. Validation joins one FieldError per problem with errors.Join.
type FieldError struct {
	Pkg     string // the package that reported it, such as "session"; its message prefix
	Path    string // the offending field; empty when the problem concerns the whole
	Problem string // what is wrong, in lower case
	Err     error  // a more specific sentinel or typed error, or nil
}

// Error implements error.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(prefix(e.Pkg))
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Problem)
	return b.String()
}

// Unwrap returns ErrInvalid and, when set, Err.
func (e *FieldError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalid}
	}
	return []error{ErrInvalid, e.Err}
}

// ParseError reports text that names no value of an enum, or a value that
// has no text form. It wraps ErrUnknownValue.
type ParseError struct {
	Pkg  string // the package that reported it
	Type string // the enum's Go name, such as "Modality"
	Text string // the offending text
}

// Error implements error.
func (e *ParseError) Error() string {
	return prefix(e.Pkg) + "unknown " + e.Type + " " + strconv.Quote(e.Text)
}

// Unwrap returns ErrUnknownValue.
func (e *ParseError) Unwrap() error { return ErrUnknownValue }

// prefix returns the message prefix of a package: "session: ", or
// "groupwork: " when none is named.
func prefix(pkg string) string {
	if pkg == "" {
		return "groupwork: "
	}
	return pkg + ": "
}

// Trim returns err's message without its package prefix, for an error that
// wraps it and writes its own.
func Trim(err error) string {
	s := err.Error()
	if i := strings.Index(s, ": "); i > 0 && !strings.ContainsAny(s[:i], " \"") {
		return s[i+2:]
	}
	return s
}

// List collects the problems of one input, so that validation reports them
// all at once. The zero value collects for an unnamed package; set Pkg.
type List struct {
	Pkg  string
	errs []error
}

// Add records a problem at path, wrapping sentinel when it is not nil.
func (l *List) Add(path, problem string, sentinel error) {
	l.errs = append(l.errs, &FieldError{Pkg: l.Pkg, Path: path, Problem: problem, Err: sentinel})
}

// Append records err as it is; nil is ignored.
func (l *List) Append(err error) {
	if err != nil {
		l.errs = append(l.errs, err)
	}
}

// AddAll records the problems inside err (as validation joins them) under
// the path prefix: a *FieldError keeps its problem and sentinel with its
// path joined to prefix; any other error becomes a problem at prefix that
// wraps it.
func (l *List) AddAll(prefix string, err error) {
	for _, e := range Unjoin(err) {
		var fe *FieldError
		if errors.As(e, &fe) && e == error(fe) {
			l.errs = append(l.errs, &FieldError{Pkg: l.Pkg, Path: Join(prefix, fe.Path), Problem: fe.Problem, Err: fe.Err})
			continue
		}
		l.errs = append(l.errs, &FieldError{Pkg: l.Pkg, Path: prefix, Problem: Trim(e), Err: e})
	}
}

// Len returns the number of problems recorded.
func (l *List) Len() int { return len(l.errs) }

// Err returns the problems joined with errors.Join, or nil when there are none.
func (l *List) Err() error { return errors.Join(l.errs...) }

// Unjoin returns the errors inside an errors.Join result, err alone for
// any other error, and nil for nil.
func Unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if _, field := err.(*FieldError); !field {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			return j.Unwrap()
		}
	}
	return []error{err}
}

// Join joins a path prefix and a path with a dot, or directly when the
// path is an index ("[2]"); either may be empty.
func Join(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case strings.HasPrefix(path, "["):
		return prefix + path
	}
	return prefix + "." + path
}

// Index returns path[i].
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }
