package measure

// Publications the PHQ-9 and GAD-7 definitions rest on.
const (
	srcPHQ9     = "Kroenke, Spitzer & Williams 2001, The PHQ-9: validity of a brief depression severity measure, J Gen Intern Med 16:606-613"
	srcPHQ2     = "Kroenke, Spitzer & Williams 2003, The Patient Health Questionnaire-2: validity of a two-item depression screener, Med Care 41:1284-1292"
	srcPHQ9Cut  = "Kroenke, Spitzer & Williams 2001 (cut-off 10 for major depression); confirmed by Manea, Gilbody & McMillan 2012, CMAJ 184:E191-E196"
	srcGAD7     = "Spitzer, Kroenke, Williams & Löwe 2006, A brief measure for assessing generalized anxiety disorder: the GAD-7, Arch Intern Med 166:1092-1097"
	srcGAD2     = "Kroenke, Spitzer, Williams, Monahan & Löwe 2007, Anxiety disorders in primary care, Ann Intern Med 146:317-325"
	srcTT       = "NHS Talking Therapies for anxiety and depression manual (NHS England): caseness PHQ-9 >= 10 and GAD-7 >= 8; reliable change 6 and 4 points"
	srcPHQ9Miss = "NHS Data Dictionary, Patient Health Questionnaire-9: one or two missing items may be replaced by the mean of the answered items"
	srcGAD7Miss = "heuristic, the library's own: one missing GAD-7 item may be prorated, in proportion to the PHQ-9's two of nine"
	srcPHQ9Risk = "Kroenke, Spitzer & Williams 2001: item 9 asks about thoughts of death or self-harm; any answer above 0 needs a clinician's assessment whatever the total"
	licPfizer   = "public domain: developed by Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer; no permission required to reproduce, translate, display or distribute"
	loincTotals = "LOINC codes as used in the HL7 FHIR US Core and personal health record implementation guides"
)

// PHQ9Stem is the PHQ-9's instruction to the respondent (Kroenke, Spitzer &
// Williams 2001; public domain). The GAD-7's is GAD7Stem.
const PHQ9Stem = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"

// GAD7Stem is the GAD-7's instruction to the respondent (Spitzer et al.
// 2006; public domain).
const GAD7Stem = "Over the last 2 weeks, how often have you been bothered by the following problems?"

// PHQ9DifficultyText is the PHQ-9's tenth, unscored question about how much
// the problems get in the way of daily life. Its answer is recorded (see
// Administration.Difficulty) but never enters the total.
const PHQ9DifficultyText = "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?"

// frequencyLabels are the PHQ-9 and GAD-7 response options, 0 to 3
// (Kroenke, Spitzer & Williams 2001; Spitzer et al. 2006).
func frequencyLabels() []string {
	return []string{"not at all", "several days", "more than half the days", "nearly every day"}
}

// DifficultyLabels returns the four answers to the PHQ-9 difficulty item,
// 0 to 3 (Kroenke, Spitzer & Williams 2001).
func DifficultyLabels() []string {
	return []string{"not difficult at all", "somewhat difficult", "very difficult", "extremely difficult"}
}

// phq9Definition is the PHQ-9 (Kroenke, Spitzer & Williams 2001): nine
// items 0-3, total 0-27, bands 0-4 / 5-9 / 10-14 / 15-19 / 20-27 (table 3),
// cut-off 10; item 9 is a risk item whatever the total. Item wording is
// public domain; item LOINC codes as in the HL7 US Core PHQ-9 questionnaire.
func phq9Definition() Definition {
	return Definition{
		Instrument: InstrumentPHQ9, Name: "Patient Health Questionnaire-9", Kind: KindOutcome,
		Construct: "depression", Stem: PHQ9Stem,
		Scale: Scale{Min: 0, Max: 3, Step: 1, Labels: frequencyLabels()},
		Items: []Item{
			{Number: 1, Label: "anhedonia", Text: "Little interest or pleasure in doing things", LOINC: "44250-9"},
			{Number: 2, Label: "depressed mood", Text: "Feeling down, depressed, or hopeless", LOINC: "44255-8"},
			{Number: 3, Label: "sleep", Text: "Trouble falling or staying asleep, or sleeping too much", LOINC: "44259-0"},
			{Number: 4, Label: "fatigue", Text: "Feeling tired or having little energy", LOINC: "44254-1"},
			{Number: 5, Label: "appetite", Text: "Poor appetite or overeating", LOINC: "44251-7"},
			{Number: 6, Label: "self-worth", Text: "Feeling bad about yourself, or that you are a failure or have let yourself or your family down", LOINC: "44258-2"},
			{Number: 7, Label: "concentration", Text: "Trouble concentrating on things, such as reading the newspaper or watching television", LOINC: "44252-5"},
			{Number: 8, Label: "psychomotor", Text: "Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual", LOINC: "44253-3"},
			{Number: 9, Label: "self-harm thoughts", Text: "Thoughts that you would be better off dead or of hurting yourself in some way", LOINC: "44260-8"},
		},
		Difficulty: Item{Number: 10, Label: "difficulty", Text: PHQ9DifficultyText,
			Scale: Scale{Min: 0, Max: 3, Step: 1, Labels: DifficultyLabels()}},
		Subscales: []SubscaleDefinition{{
			Subscale: SubscalePHQ2, Name: "PHQ-2", Items: []int{1, 2}, Aggregate: AggregateSum, MaxMissing: 2,
			Cutoff: Cutoff{Name: "positive depression screen", Value: 3, Source: srcPHQ2}, Source: srcPHQ2,
		}},
		Total: TotalSum, HigherIsWorse: true,
		Bands: []Band{
			{Label: "minimal", Min: 0, Max: 4},
			{Label: "mild", Min: 5, Max: 9},
			{Label: "moderate", Min: 10, Max: 14},
			{Label: "moderately-severe", Min: 15, Max: 19},
			{Label: "severe", Min: 20, Max: 27},
		},
		Screens:        []Cutoff{{Name: "major depression", Value: 10, Source: srcPHQ9Cut}},
		Caseness:       Cutoff{Name: "caseness", Value: 10, Source: srcTT},
		ReliableChange: Threshold{Kind: ThresholdRCI, Points: 6, Inclusive: true, Source: srcTT},
		Risk: []RiskItem{{
			Item: 9, AtLeast: 1, Kind: RiskToSelf,
			FollowUp: FollowUp{Action: ActionRiskAssessment, Actor: ActorClinician, Within: WindowSameDay},
			Source:   srcPHQ9Risk,
		}},
		Missing:    MissingRule{MaxMissing: 9, MaxProrated: 2, Round: true, Source: srcPHQ9Miss},
		PanelLOINC: "44249-1", TotalLOINC: "44261-6",
		Citation: srcPHQ9, Sources: []string{srcPHQ2, srcPHQ9Cut, srcTT, srcPHQ9Miss, loincTotals},
		Licence: licPfizer,
	}
}

// gad7Definition is the GAD-7 (Spitzer et al. 2006): seven items 0-3, total
// 0-21, bands 0-4 / 5-9 / 10-14 / 15-21, cut-off 10. Item wording is public
// domain; item LOINC codes as in the HL7 personal health record GAD-7
// questionnaire.
func gad7Definition() Definition {
	return Definition{
		Instrument: InstrumentGAD7, Name: "Generalized Anxiety Disorder 7-item scale", Kind: KindOutcome,
		Construct: "anxiety", Stem: GAD7Stem,
		Scale: Scale{Min: 0, Max: 3, Step: 1, Labels: frequencyLabels()},
		Items: []Item{
			{Number: 1, Label: "nervous", Text: "Feeling nervous, anxious or on edge", LOINC: "69725-0"},
			{Number: 2, Label: "uncontrolled worry", Text: "Not being able to stop or control worrying", LOINC: "68509-9"},
			{Number: 3, Label: "worry too much", Text: "Worrying too much about different things", LOINC: "69733-4"},
			{Number: 4, Label: "trouble relaxing", Text: "Trouble relaxing", LOINC: "69734-2"},
			{Number: 5, Label: "restless", Text: "Being so restless that it is hard to sit still", LOINC: "69735-9"},
			{Number: 6, Label: "irritable", Text: "Becoming easily annoyed or irritable", LOINC: "69689-8"},
			{Number: 7, Label: "afraid", Text: "Feeling afraid as if something awful might happen", LOINC: "69736-7"},
		},
		Subscales: []SubscaleDefinition{{
			Subscale: SubscaleGAD2, Name: "GAD-2", Items: []int{1, 2}, Aggregate: AggregateSum, MaxMissing: 2,
			Cutoff: Cutoff{Name: "positive anxiety screen", Value: 3, Source: srcGAD2}, Source: srcGAD2,
		}},
		Total: TotalSum, HigherIsWorse: true,
		Bands: []Band{
			{Label: "minimal", Min: 0, Max: 4},
			{Label: "mild", Min: 5, Max: 9},
			{Label: "moderate", Min: 10, Max: 14},
			{Label: "severe", Min: 15, Max: 21},
		},
		Screens:        []Cutoff{{Name: "generalized anxiety disorder", Value: 10, Source: srcGAD7}},
		Caseness:       Cutoff{Name: "caseness", Value: 8, Source: srcTT},
		ReliableChange: Threshold{Kind: ThresholdRCI, Points: 4, Inclusive: true, Source: srcTT},
		Missing:        MissingRule{MaxMissing: 7, MaxProrated: 1, Round: true, Source: srcGAD7Miss},
		PanelLOINC:     "69737-5", TotalLOINC: "70274-6",
		Citation: srcGAD7, Sources: []string{srcGAD2, srcTT, srcGAD7Miss, loincTotals},
		Licence: licPfizer,
	}
}
