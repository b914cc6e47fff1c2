package fhir

import (
	"errors"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

var (
	// ErrInvalid is wrapped by every *FieldError. It is group.ErrInvalid.
	ErrInvalid = fault.ErrInvalid
	// ErrUnknownValue is wrapped by every *ParseError. It is
	// group.ErrUnknownValue.
	ErrUnknownValue = fault.ErrUnknownValue
)

// Sentinel errors. Each is wrapped by a *FieldError that names the field
// or item at fault; the measure package's sentinels (measure.ErrUnknownItem,
// measure.ErrOutOfRange, measure.ErrUnknownInstrument...) come through
// unchanged where a response breaks the instrument's rules.
var (
	// ErrNoPatient marks a member for whom the app supplied no Patient
	// reference, or a response whose subject is no member's Patient.
	ErrNoPatient = errors.New("fhir: no patient reference for the member")
	// ErrDecode marks input that is not the JSON of the resource expected:
	// malformed JSON, another resource type, or an element of the wrong
	// JSON type.
	ErrDecode = errors.New("fhir: malformed resource json")
	// ErrUnknownQuestionnaire marks a QuestionnaireResponse whose
	// questionnaire is not one the catalogue's instruments are written
	// under (see Writer.Questionnaire).
	ErrUnknownQuestionnaire = errors.New("fhir: questionnaire of no known instrument")
	// ErrUnsupportedAnswer marks an answer of a type that no instrument
	// item takes (a string, a date), or an item with several answers.
	ErrUnsupportedAnswer = errors.New("fhir: unsupported answer")
	// ErrDuplicate marks two resources with the same id in one Bundle.
	ErrDuplicate = errors.New("fhir: duplicate resource")
)

// FieldError reports one problem with an input, naming the field in the
// JSON spelling of the input ("item[3].answer[0]", "patients[m01]"). It is
// the same type in every package of the library (group.FieldError).
type FieldError = fault.FieldError

// ParseError reports enum text that names no value. It is group.ParseError.
type ParseError = fault.ParseError
