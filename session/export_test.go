package session

// ApplyGeneral applies e by the general path only, never the one-pass turn
// path, so tests can check that the two agree.
func (s *Session) ApplyGeneral(e *Event) error {
	var r resolved
	if err := s.check(e, &r); err != nil {
		return &EventError{Index: s.nEvents, Type: e.Type, Err: err}
	}
	s.apply(e, &r)
	s.store(e, &r)
	return nil
}
