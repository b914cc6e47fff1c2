package session

// ApplyGeneral applies e by the general path only, never the one-pass turn
// path, so tests can check that the two agree.
func (s *Session) ApplyGeneral(e *Event) error { return s.applyChecked(e) }
