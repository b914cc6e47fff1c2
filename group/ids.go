package group

// MemberID identifies a group member. It is chosen by the app (a record
// number, a UUID) and must be non-empty; the library never invents one.
type MemberID string

// FacilitatorID identifies a facilitator (a leader, co-leader, peer
// facilitator, trainee or supervisor). It is chosen by the app and must be
// non-empty.
type FacilitatorID string
