package measure

// PHQ9Score is a scored PHQ-9, the convenience shape of the built-in
// definition's Score with the PHQ-9's own fields. Band, ScreenPositive and
// the total are read only from complete (or prorated) forms, except that an
// incomplete form's lower-bound total can still prove a positive screen;
// SelfHarmRisk is read from item 9 alone and is set whatever the total,
// including a total of 0.
type PHQ9Score struct {
	// Total is the sum of the nine items, 0-27. For an incomplete form it is
	// the sum of the answered items, a lower bound; for a prorated form it is
	// nine times the mean of the answered items, rounded half up.
	Total int
	// Band is the severity band of Total, or the zero Band when incomplete.
	Band Band
	// ScreenPositive reports Total at or above the cut-off of 10.
	ScreenPositive bool
	// PHQ2 is the sum of items 1 and 2 (answered ones only); PHQ2Positive
	// reports PHQ2 at or above its cut-off of 3.
	PHQ2         int
	PHQ2Positive bool
	// Item9 is the answer to item 9, thoughts of being better off dead or of
	// self-harm, and Item9Missing reports it was not answered.
	Item9        int
	Item9Missing bool
	// SelfHarmRisk reports Item9 > 0. It is a separate flag that no total can
	// hide: a clinician must follow it up whatever the band (Kroenke,
	// Spitzer & Williams 2001).
	SelfHarmRisk bool
	// Answered counts answered items, Prorated the missing items filled by
	// proration, and Complete reports Answered+Prorated == 9.
	Answered, Prorated int
	Complete           bool
}

// GAD7Score is a scored GAD-7, the convenience shape of the built-in
// definition's Score. Band is read only from complete (or prorated) forms.
type GAD7Score struct {
	// Total is the sum of the seven items, 0-21, with the same conventions
	// for incomplete and prorated forms as PHQ9Score.Total.
	Total int
	// Band is the severity band of Total, or the zero Band when incomplete.
	Band Band
	// ScreenPositive reports Total at or above the cut-off of 10.
	ScreenPositive bool
	// GAD2 is the sum of items 1 and 2 (answered ones only); GAD2Positive
	// reports GAD2 at or above its cut-off of 3.
	GAD2         int
	GAD2Positive bool
	// Answered counts answered items, Prorated the missing items filled by
	// proration, and Complete reports Answered+Prorated == 7.
	Answered, Prorated int
	Complete           bool
}

// ScorePHQ9 scores a complete PHQ-9 with the built-in definition. Each
// answer must be 0-3; every bad answer is reported at once as an
// *AnswerError (errors.Join). It does not allocate unless it returns an
// error.
func ScorePHQ9(answers [9]int) (PHQ9Score, error) {
	var as [9]Answer
	for k, v := range answers {
		as[k] = Answered(float64(v))
	}
	return ScorePHQ9Answers(as[:], Options{})
}

// ScoreGAD7 scores a complete GAD-7 with the built-in definition. Each
// answer must be 0-3; every bad answer is reported at once. It does not
// allocate unless it returns an error.
func ScoreGAD7(answers [7]int) (GAD7Score, error) {
	var as [7]Answer
	for k, v := range answers {
		as[k] = Answered(float64(v))
	}
	return ScoreGAD7Answers(as[:], Options{})
}

// ScorePHQ9Answers scores a PHQ-9 given as nine Answers, some possibly
// missing, with the built-in definition. A wrong number of answers is a
// *CountError; out-of-range, NaN or fractional answers are *AnswerErrors,
// all reported at once. Missing items leave the score incomplete unless
// opts.Prorate allows filling them (two at most by default, the NHS Data
// Dictionary's rule).
func ScorePHQ9Answers(answers []Answer, opts Options) (out PHQ9Score, err error) {
	d := builtinPHQ9
	var s Score
	if err = d.scoreInto(&s, answers, opts); err != nil {
		return PHQ9Score{}, err
	}
	p2, _ := d.subscale(0, answers) // the PHQ-2 may miss both items: no error
	out.Total, out.Band, out.ScreenPositive = int(s.Raw), s.Band, s.Screen.Positive
	out.PHQ2, out.PHQ2Positive = int(p2.Score), p2.ScreenPositive
	out.SelfHarmRisk, out.Item9Missing = s.Risk.Raised(), !s.Risk.Known()
	out.Answered, out.Prorated, out.Complete = s.Answered, s.Prorated, s.Complete
	if v, ok := s.Risk.Answer.Value(); ok {
		out.Item9 = int(v)
	}
	return out, nil
}

// ScoreGAD7Answers scores a GAD-7 given as seven Answers, on the same terms
// as ScorePHQ9Answers (one prorated item at most by default).
func ScoreGAD7Answers(answers []Answer, opts Options) (GAD7Score, error) {
	d := builtinGAD7
	var s Score
	if err := d.scoreInto(&s, answers, opts); err != nil {
		return GAD7Score{}, err
	}
	g2, _ := d.subscale(0, answers) // the GAD-2 may miss both items: no error
	return GAD7Score{
		Total: int(s.Raw), Band: s.Band, ScreenPositive: s.Screen.Positive,
		GAD2: int(g2.Score), GAD2Positive: g2.ScreenPositive,
		Answered: s.Answered, Prorated: s.Prorated, Complete: s.Complete,
	}, nil
}
