package measure

// Publications the CORE-10, K10 and WHO-5 definitions rest on.
const (
	srcCORE10      = "Barkham, Bewick, Mullin, Gilbody, Connell, Cahill, Mellor-Clark, Richards, Unsworth & Evans 2013, The CORE-10: a short measure of psychological distress for routine use in the psychological therapies, Counselling and Psychotherapy Research 13:3-13"
	srcCORE10Man   = "Connell & Barkham 2007, CORE-10 User Manual, version 1.0 (CORE System Trust): items 2 and 3 reverse scored; primary care sample M 19.7, SD 7.7"
	srcCORE10Bands = "CORE System Trust, CORE-OM and CORE-10 clinical-score bands: healthy, low, mild (from the clinical cut-off of 11, Barkham et al. 2013), moderate 15, moderately severe 20, severe 25; second-hand summaries differ by one point at the upper bounds"
	srcCORE10Miss  = "CORE System Trust, What's in a name (1): scoring CORE measures: the CORE-10 may be prorated when one item is missing, as the mean of the rest times 10"
	srcCORE10RC    = "Jacobson & Truax 1991 reliable change from the primary care SD 7.7 (Connell & Barkham 2007) and alpha .90 (Barkham et al. 2013)"
	srcCORE10Risk  = "Barkham et al. 2013: item 6, on plans to end one's life, is the CORE-10's risk item"
	licCORE        = "copyright CORE System Trust; free to copy unchanged for routine use; item wording not reproduced here, labels in our own words"

	srcK10      = "Kessler, Andrews, Colpe, Hiripi, Mroczek, Normand, Walters & Zaslavsky 2002, Short screening scales to monitor population prevalences and trends in non-specific psychological distress, Psychol Med 32:959-976"
	srcK10Bands = "Australian Bureau of Statistics 2012, Information Paper: Use of the Kessler Psychological Distress Scale in ABS Health Surveys (4817.0.55.001), table E, after Andrews & Slade 2001, Aust N Z J Public Health 25:494-497: low 10-15, moderate 16-21, high 22-29, very high 30-50"
	licK10      = "free to use without permission (Kessler, Harvard Medical School); item wording not reproduced here, labels in our own words"

	srcWHO5     = "World Health Organization Regional Office for Europe 1998, Wellbeing measures in primary health care: the DepCare project (the WHO-Five Well-Being Index)"
	srcWHO5Topp = "Topp, Østergaard, Søndergaard & Bech 2015, The WHO-5 Well-Being Index: a systematic review of the literature, Psychother Psychosom 84:167-176: raw score times 4; 50 or below poor well-being, 28 or below likely depression; a change of 10 percentage points is significant"
	licWHO5     = "free to use without permission (Psychiatric Research Unit, Mental Health Centre North Zealand); item wording not reproduced here, labels in our own words"
)

// core10Definition is the CORE-10 (Barkham et al. 2013): ten items 0-4
// over the last week, items 2 and 3 reverse scored, total 0-40 (the
// "clinical score"), clinical cut-off 11, item 6 a risk item.
func core10Definition() Definition {
	return Definition{
		Instrument: InstrumentCORE10, Name: "Clinical Outcomes in Routine Evaluation 10", Kind: KindOutcome,
		Construct: "psychological distress",
		Scale:     Scale{Min: 0, Max: 4, Step: 1, Labels: []string{"not at all", "only occasionally", "sometimes", "often", "most or all of the time"}},
		Items: []Item{
			{Number: 1, Label: "tense or anxious"},
			{Number: 2, Label: "someone to turn to", Reversed: true},
			{Number: 3, Label: "able to cope", Reversed: true},
			{Number: 4, Label: "talking too much to face"},
			{Number: 5, Label: "panic or terror"},
			{Number: 6, Label: "plans to end life"},
			{Number: 7, Label: "sleep trouble"},
			{Number: 8, Label: "despairing or hopeless"},
			{Number: 9, Label: "unhappy"},
			{Number: 10, Label: "distressing images or memories"},
		},
		Total: TotalSum, HigherIsWorse: true,
		Bands: []Band{
			{Label: "healthy", Min: 0, Max: 5},
			{Label: "low", Min: 6, Max: 10},
			{Label: "mild", Min: 11, Max: 14},
			{Label: "moderate", Min: 15, Max: 19},
			{Label: "moderately-severe", Min: 20, Max: 24},
			{Label: "severe", Min: 25, Max: 40},
		},
		Screens:  []Cutoff{{Name: "clinical range", Value: 11, Source: srcCORE10}},
		Caseness: Cutoff{Name: "clinical cut-off", Value: 11, Source: srcCORE10},
		ReliableChange: Threshold{Kind: ThresholdRCI, Points: RCI{SD: 7.7, Reliability: 0.90, Z: DefaultZ}.Points(),
			RCI: RCI{SD: 7.7, Reliability: 0.90, Z: DefaultZ}, Source: srcCORE10RC},
		Risk: []RiskItem{{
			Item: 6, AtLeast: 1, Kind: RiskToSelf,
			FollowUp: FollowUp{Action: ActionRiskAssessment, Actor: ActorClinician, Within: WindowSameDay},
			Source:   srcCORE10Risk,
		}},
		Missing:  MissingRule{MaxMissing: 10, MaxProrated: 1, Source: srcCORE10Miss},
		Citation: srcCORE10, Sources: []string{srcCORE10Man, srcCORE10Bands, srcCORE10Miss, srcCORE10RC},
		Licence: licCORE,
	}
}

// k10Definition is the K10 (Kessler et al. 2002) in its Australian scoring:
// ten items 1-5 over the last 30 days, total 10-50, banded as the ABS bands
// it.
func k10Definition() Definition {
	return Definition{
		Instrument: InstrumentK10, Name: "Kessler Psychological Distress Scale", Kind: KindOutcome,
		Construct: "non-specific psychological distress",
		Scale:     Scale{Min: 1, Max: 5, Step: 1, Labels: []string{"none of the time", "a little of the time", "some of the time", "most of the time", "all of the time"}},
		Items: []Item{
			{Number: 1, Label: "tired for no good reason"},
			{Number: 2, Label: "nervous"},
			{Number: 3, Label: "too nervous to calm"},
			{Number: 4, Label: "hopeless"},
			{Number: 5, Label: "restless or fidgety"},
			{Number: 6, Label: "too restless to sit still"},
			{Number: 7, Label: "depressed"},
			{Number: 8, Label: "everything an effort"},
			{Number: 9, Label: "too sad to cheer up"},
			{Number: 10, Label: "worthless"},
		},
		Total: TotalSum, HigherIsWorse: true,
		Bands: []Band{
			{Label: "low", Min: 10, Max: 15},
			{Label: "moderate", Min: 16, Max: 21},
			{Label: "high", Min: 22, Max: 29},
			{Label: "very-high", Min: 30, Max: 50},
		},
		Screens:  []Cutoff{{Name: "very high distress", Value: 30, Source: srcK10Bands}},
		Missing:  MissingRule{MaxMissing: 10},
		Citation: srcK10, Sources: []string{srcK10Bands},
		Licence: licK10,
	}
}

// who5Definition is the WHO-5 (WHO 1998; Topp et al. 2015): five items 0-5
// over the last two weeks, raw score 0-25 times 4 as a percentage 0-100,
// higher is better; 50 or below is poor well-being (the screen for
// depression), 28 or below likely depression.
func who5Definition() Definition {
	return Definition{
		Instrument: InstrumentWHO5, Name: "WHO-Five Well-Being Index", Kind: KindOutcome,
		Construct: "subjective well-being",
		Scale: Scale{Min: 0, Max: 5, Step: 1, Labels: []string{"at no time", "some of the time", "less than half of the time",
			"more than half of the time", "most of the time", "all of the time"}},
		Items: []Item{
			{Number: 1, Label: "cheerful"},
			{Number: 2, Label: "calm and relaxed"},
			{Number: 3, Label: "active and vigorous"},
			{Number: 4, Label: "fresh and rested"},
			{Number: 5, Label: "interesting daily life"},
		},
		Total: TotalScaled, Factor: 4, HigherIsWorse: false,
		Screens: []Cutoff{
			{Name: "poor well-being", Value: 50, Source: srcWHO5Topp},
			{Name: "likely depression", Value: 28, Source: srcWHO5Topp},
		},
		Caseness:       Cutoff{Name: "poor well-being", Value: 50, Source: srcWHO5Topp},
		ReliableChange: Threshold{Kind: ThresholdMCID, Points: 10, Inclusive: true, Source: srcWHO5Topp},
		Missing:        MissingRule{MaxMissing: 5},
		Citation:       srcWHO5, Sources: []string{srcWHO5Topp},
		Licence: licWHO5,
	}
}
