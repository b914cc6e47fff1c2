package measure

// Publications the PCL-5, AUDIT-C and C-SSRS screener definitions rest on.
const (
	srcPCL5     = "Weathers, Litz, Keane, Palmieri, Marx & Schnurr 2013, The PTSD Checklist for DSM-5 (PCL-5), National Center for PTSD; Blevins, Weathers, Davis, Witte & Domino 2015, J Trauma Stress 28:489-498"
	srcPCL5Cut  = "Bovin, Marx, Weathers, Gallagher, Rodriguez, Schnurr & Keane 2016, Psychol Assess 28:1379-1391: optimal cut-offs 31-33 for probable PTSD; 33 here, set your own within the range"
	srcPCL5RC   = "Marx, Lee, Norman, Bovin, Sloan, Weathers, Keane & Schnurr 2022, Reliable and clinically significant change in the CAPS-5 and PCL-5 among male veterans, Psychol Assess 34:197-203: reliable change 15 points (18 in a second sample)"
	srcDSM5     = "American Psychiatric Association 2013, DSM-5: PTSD symptom clusters B (intrusion, PCL-5 items 1-5), C (avoidance, 6-7), D (negative alterations in cognitions and mood, 8-14), E (arousal and reactivity, 15-20)"
	licPCL5     = "public domain (US Department of Veterans Affairs, National Center for PTSD); item wording not reproduced here, labels in our own words"
	srcAUDITC   = "Bush, Kivlahan, McDonell, Fihn & Bradley 1998, The AUDIT alcohol consumption questions (AUDIT-C), Arch Intern Med 158:1789-1795 (men: 4 or more)"
	srcAUDITCW  = "Bradley, DeBenedetti, Volk, Williams, Frank & Kivlahan 2007, AUDIT-C as a brief screen for alcohol misuse in primary care, Alcohol Clin Exp Res 31:1208-1217 (women: 3 or more); the sex-neutral value 3 is the library's own, the more sensitive of the two"
	srcAUDIT    = "Saunders, Aasland, Babor, de la Fuente & Grant 1993, Development of the AUDIT, Addiction 88:791-804 (items 1-3 and their response options)"
	loincAUDITC = "LOINC panel 72109-2 as listed by the HL7 FHIR Multiple Chronic Conditions implementation guide; total 75626-2 and item codes as used in published FHIR questionnaires"
	licAUDIT    = "copyright World Health Organization; may be reproduced without permission for clinical use; item wording not reproduced here, labels in our own words"
	srcCSSRS    = "Posner, Brown, Stanley, Brent, Yershova, Oquendo, Currier, Melvin, Greenhill, Shen & Mann 2011, The Columbia-Suicide Severity Rating Scale, Am J Psychiatry 168:1266-1277"
	srcCSSRSTri = "Columbia Lighthouse Project, C-SSRS Screener with triage points: yes to 1 or 2 low risk; yes to 3, or to 6 longer ago than 3 months, moderate; yes to 4 or 5, or to 6 within 3 months, high risk, calling for immediate referral and safety precautions"
	licCSSRS    = "free to use without permission in community and health care settings (Columbia Lighthouse Project); item wording not reproduced here, labels in our own words"
)

// pcl5Definition is the PCL-5 (Weathers et al. 2013): twenty items 0-4 over
// the last month, total 0-80, the four DSM-5 clusters as summed subscales,
// provisional PTSD at or above a cut-off from the published range 31-33.
// The PCL-5 publishes no severity bands, so none are given.
func pcl5Definition() Definition {
	labels := []string{
		"intrusive memories", "distressing dreams", "flashbacks", "upset by reminders", "bodily reactions to reminders",
		"avoiding memories or feelings", "avoiding external reminders",
		"memory gaps", "negative beliefs", "blame", "negative feelings", "loss of interest", "feeling distant",
		"no positive feelings",
		"irritability or anger", "risk-taking", "hypervigilance", "startle", "concentration", "sleep",
	}
	items := make([]Item, len(labels))
	for k, l := range labels {
		items[k] = Item{Number: k + 1, Label: l}
	}
	cluster := func(s Subscale, name string, items ...int) SubscaleDefinition {
		return SubscaleDefinition{Subscale: s, Name: name, Items: items, Aggregate: AggregateSum,
			MaxMissing: len(items), Source: srcDSM5}
	}
	return Definition{
		Instrument: InstrumentPCL5, Name: "PTSD Checklist for DSM-5", Kind: KindOutcome,
		Construct: "posttraumatic stress",
		Scale:     Scale{Min: 0, Max: 4, Step: 1, Labels: []string{"not at all", "a little bit", "moderately", "quite a bit", "extremely"}},
		Items:     items,
		Subscales: []SubscaleDefinition{
			cluster(SubscaleIntrusion, "Cluster B: intrusion", 1, 2, 3, 4, 5),
			cluster(SubscaleAvoidance, "Cluster C: avoidance", 6, 7),
			cluster(SubscaleCognitionMood, "Cluster D: negative alterations in cognitions and mood", 8, 9, 10, 11, 12, 13, 14),
			cluster(SubscaleArousalReactivity, "Cluster E: alterations in arousal and reactivity", 15, 16, 17, 18, 19, 20),
		},
		Total: TotalSum, HigherIsWorse: true,
		Screens:        []Cutoff{{Name: "probable ptsd", Value: 33, Source: srcPCL5Cut}},
		Caseness:       Cutoff{Name: "probable ptsd", Value: 33, Source: srcPCL5Cut},
		ReliableChange: Threshold{Kind: ThresholdRCI, Points: 15, Inclusive: true, Source: srcPCL5RC},
		Missing:        MissingRule{MaxMissing: 20},
		Citation:       srcPCL5, Sources: []string{srcDSM5, srcPCL5Cut, srcPCL5RC},
		Licence: licPCL5,
	}
}

// auditcDefinition is the AUDIT-C (Bush et al. 1998): the AUDIT's first
// three items, each 0-4 with its own response options, total 0-12, positive
// at 4 or more for men and 3 or more for women (Bradley et al. 2007).
func auditcDefinition() Definition {
	unhealthy := Cutoff{Name: "unhealthy alcohol use", Value: 3, Female: 3, Male: 4, Source: srcAUDITC + "; " + srcAUDITCW}
	return Definition{
		Instrument: InstrumentAUDITC, Name: "Alcohol Use Disorders Identification Test - Consumption", Kind: KindOutcome,
		Construct: "alcohol consumption",
		Scale:     Scale{Min: 0, Max: 4, Step: 1},
		Items: []Item{
			{Number: 1, Label: "how often", LOINC: "68518-0", Scale: Scale{Min: 0, Max: 4, Step: 1,
				Labels: []string{"never", "monthly or less", "2-4 times a month", "2-3 times a week", "4 or more times a week"}}},
			{Number: 2, Label: "drinks on a typical day", LOINC: "68519-8", Scale: Scale{Min: 0, Max: 4, Step: 1,
				Labels: []string{"1 or 2", "3 or 4", "5 or 6", "7 to 9", "10 or more"}}},
			{Number: 3, Label: "six or more on one occasion", LOINC: "68520-6", Scale: Scale{Min: 0, Max: 4, Step: 1,
				Labels: []string{"never", "less than monthly", "monthly", "weekly", "daily or almost daily"}}},
		},
		Total: TotalSum, HigherIsWorse: true,
		Screens:    []Cutoff{unhealthy},
		Caseness:   unhealthy,
		Missing:    MissingRule{MaxMissing: 3},
		PanelLOINC: "72109-2", TotalLOINC: "75626-2",
		Citation: srcAUDITC, Sources: []string{srcAUDITCW, srcAUDIT, loincAUDITC},
		Licence: licAUDIT,
	}
}

// cssrsDefinition is the C-SSRS screener (Posner et al. 2011) with its
// triage: yes/no items, items 3-5 asked only after a yes to item 2, and the
// screener's two-part question 6 as items 6 (ever) and 7 (within the past 3
// months, asked only after a yes to 6). It has no total: each yes raises
// the risk level its item carries.
func cssrsDefinition() Definition {
	low := FollowUp{Action: ActionRiskAssessment, Actor: ActorClinician, Within: WindowBeforeNextSession}
	moderate := FollowUp{Action: ActionRiskAssessment, Actor: ActorClinician, Within: WindowSameDay}
	high := FollowUp{Action: ActionSafetyPrecautions, Actor: ActorClinician, Within: WindowImmediate}
	risk := func(item int, level string, f FollowUp) RiskItem {
		return RiskItem{Item: item, AtLeast: 1, Kind: RiskToSelf, Level: level, FollowUp: f, Source: srcCSSRSTri}
	}
	afterYesTo := func(item int) Condition { return Condition{Item: item, AtLeast: 1} }
	return Definition{
		Instrument: InstrumentCSSRS, Name: "Columbia Suicide Severity Rating Scale, screener", Kind: KindScreen,
		Construct: "suicidal ideation and behaviour",
		Scale:     Scale{Min: 0, Max: 1, Step: 1, Labels: []string{"no", "yes"}},
		Items: []Item{
			{Number: 1, Label: "wished to be dead (past month)"},
			{Number: 2, Label: "thoughts of suicide (past month)"},
			{Number: 3, Label: "thought about how (past month)", AskedIf: afterYesTo(2)},
			{Number: 4, Label: "some intention to act (past month)", AskedIf: afterYesTo(2)},
			{Number: 5, Label: "plan with intent (past month)", AskedIf: afterYesTo(2)},
			{Number: 6, Label: "suicidal behaviour (ever)"},
			{Number: 7, Label: "suicidal behaviour within 3 months", AskedIf: afterYesTo(6)},
		},
		Total: TotalNone, HigherIsWorse: true,
		RiskLevels: []string{"low", "moderate", "high"},
		Risk: []RiskItem{
			risk(1, "low", low), risk(2, "low", low), risk(3, "moderate", moderate),
			risk(4, "high", high), risk(5, "high", high), risk(6, "moderate", moderate), risk(7, "high", high),
		},
		Missing:  MissingRule{MaxMissing: 7},
		Citation: srcCSSRS, Sources: []string{srcCSSRSTri},
		Licence: licCSSRS,
	}
}
