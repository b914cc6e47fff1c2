package safety

import "time"

// Sources of the built-in jurisdictions.
const (
	src988US      = "FCC (2020) designation of 988; SAMHSA, 988 Suicide & Crisis Lifeline (live since July 16, 2022: call or text, 24 hours)"
	srcCWIGState  = "Child Welfare Information Gateway, Mandatory Reporting of Child Abuse and Neglect and Making and Screening Reports of Child Abuse and Neglect (State Statutes series): every state names mandated reporters and requires an immediate report; written follow-up deadlines vary (Pennsylvania: within 48 hours)"
	srcAPS        = "NCEA and NAPSA, Mandated Reporting of Abuse of Older Adults and Adults with Disabilities: every state but New York names mandated reporters to Adult Protective Services; who, when and how vary by state"
	srcNCSL       = "NCSL, Mental Health Professionals' Duty to Warn: most states require or permit disclosure; Tarasoff v. Regents of the University of California, 17 Cal. 3d 425 (1976)"
	srcNHS111     = "NHS England: NHS 111, mental health option (option 2), urgent mental health help for all ages, 24 hours"
	srcSamaritans = "Samaritans: 116 123, free, 24 hours"
	srcWT2023     = "Department for Education (2023), Working Together to Safeguard Children: anyone with concerns about a child's welfare should refer to local authority children's social care, immediately if the child is suffering or likely to suffer significant harm (Children Act 1989, s. 47)"
	srcCareAct    = "Care Act 2014, s. 42: the local authority must make enquiries where it reasonably suspects that an adult with care and support needs is experiencing or at risk of abuse or neglect"
	srcGMC        = "GMC (2017), Confidentiality: good practice in handling patient information, disclosures to protect others (disclosure without consent may be justified in the public interest where others face a risk of death or serious harm)"
	src988CA      = "Public Health Agency of Canada and CAMH: 9-8-8 Suicide Crisis Helpline (live since November 30, 2023: call or text, 24 hours, English and French)"
	srcCYFSA      = "Ontario, Child, Youth and Family Services Act, 2017, s. 125 (every person, including professionals, must report at once to a children's aid society); every province and territory has its own child protection statute"
	srcSmithJones = "Smith v. Jones, [1999] 1 S.C.R. 455 (a public safety exception to privilege where the danger is clear, serious and imminent)"
	srcLifeline   = "Lifeline Australia: 13 11 14, 24-hour crisis support (text 0477 13 11 14)"
	srcAIFS       = "Australian Institute of Family Studies (2020), CFCA Resource Sheet: Mandatory reporting of child abuse and neglect (who must report, and what, differs by state and territory)"
	srcAPP        = "Privacy Act 1988 (Cth), s. 16A and APP 6.2(c): disclosure permitted to lessen or prevent a serious threat to the life, health or safety of any individual (OAIC, APP Guidelines, ch. C)"
)

const verifyNote = "These data come from the sources named and were checked when this library was written; laws, numbers and agencies change. Verify them locally, with the service's own legal and safeguarding advice, before relying on them."

// USFederal returns the US federal baseline: 911, the 988 Suicide & Crisis
// Lifeline, the reporting duties every state shares in outline (child
// protective services and adult protective services, an immediate report),
// and a duty to warn that the states set. It is a baseline, not any
// state's law: build the state's jurisdiction from it (see
// docs/guides/jurisdiction.md).
func USFederal() Jurisdiction {
	return Jurisdiction{
		Code: "US", Name: "the United States (federal baseline; states differ)",
		Emergency: Contact{Name: "emergency services", Number: "911", Source: "FCC: 911, the national emergency number"},
		Crisis:    []Contact{{Name: "988 Suicide & Crisis Lifeline", Number: "988", Note: "call or text, 24 hours", Source: src988US}},
		Reporting: []ReportingDuty{
			{Victim: VictimChild, Mandatory: true, Reporters: "the professionals the state's statute names (mental health professionals in most states; every adult in some)",
				Agency: "child protective services (the state's child abuse hotline) or the police", OralWithin: 0, Written: true, WrittenWithin: Period(48 * time.Hour),
				Note: "written deadlines vary by state, from 24 hours to several days; 48 hours here is a common value, not the state's", Source: srcCWIGState},
			{Victim: VictimElder, Mandatory: true, Reporters: "the people the state's statute names (health and mental health professionals in most states; everyone in some)",
				Agency: "adult protective services or the police", OralWithin: 0, Written: true, WrittenWithin: Period(48 * time.Hour),
				Note: "the age, the people who must report and the deadlines vary by state; 48 hours here is a common value, not the state's", Source: srcAPS},
			{Victim: VictimDependentAdult, Mandatory: true, Reporters: "the people the state's statute names",
				Agency: "adult protective services or the police", OralWithin: 0, Written: true, WrittenWithin: Period(48 * time.Hour),
				Note: "who counts as a dependent or vulnerable adult varies by state", Source: srcAPS},
		},
		Warn:     WarnVaries,
		WarnNote: "no federal duty; the states differ, mandatory in some, permissive in others, none in a few (NCSL); the HIPAA Privacy Rule permits disclosure to prevent a serious and imminent threat (45 CFR 164.512(j))",
		Sources:  []string{src988US, srcCWIGState, srcAPS, srcNCSL, srcHIPAA},
		Verify:   verifyNote + " This is a federal baseline: reporting duties, deadlines and the duty to warn are each state's.",
	}
}

// England returns England: 999, NHS 111 (mental health option) and
// Samaritans; referral of concerns about a child to children's social care
// and of an adult at risk to adult social care, which statutory guidance
// expects rather than a general statute requires; and no statutory duty to
// warn, with disclosure permitted in the public interest.
func England() Jurisdiction {
	return Jurisdiction{
		Code: "GB-ENG", Name: "England",
		Emergency: Contact{Name: "emergency services", Number: "999", Source: "999, the UK emergency number"},
		Crisis: []Contact{
			{Name: "NHS 111, mental health option", Number: "111", Note: "choose the mental health option (option 2); 24 hours", Source: srcNHS111},
			{Name: "Samaritans", Number: "116 123", Note: "free, 24 hours", Source: srcSamaritans},
		},
		Reporting: []ReportingDuty{
			{Victim: VictimChild, Mandatory: false, Reporters: "anyone with a concern; practitioners are expected to refer",
				Agency: "local authority children's social care (the police if a child is in immediate danger)", OralWithin: 0,
				Note: "no general statutory duty to report, but statutory guidance expects an immediate referral where a child may be suffering significant harm; a statutory duty applies to known cases of female genital mutilation in girls under 18 (Female Genital Mutilation Act 2003, s. 5B)", Source: srcWT2023},
			{Victim: VictimElder, Mandatory: false, Reporters: "anyone with a concern; practitioners are expected to raise it",
				Agency: "local authority adult social care (safeguarding)", OralWithin: 0,
				Note: "an older adult counts when they have care and support needs and cannot protect themselves; work with the adult's wishes", Source: srcCareAct},
			{Victim: VictimDependentAdult, Mandatory: false, Reporters: "anyone with a concern; practitioners are expected to raise it",
				Agency: "local authority adult social care (safeguarding)", OralWithin: 0,
				Note: "an adult with care and support needs who cannot protect themselves", Source: srcCareAct},
		},
		Warn:     WarnPermissive,
		WarnNote: "no statutory duty to warn; professional guidance permits disclosure without consent in the public interest where others face a risk of death or serious harm (GMC 2017)",
		Sources:  []string{srcNHS111, srcSamaritans, srcWT2023, srcCareAct, srcGMC},
		Verify:   verifyNote + " Local safeguarding partnerships publish their own referral procedures and numbers.",
	}
}

// Canada returns Canada: 911 and the 9-8-8 Suicide Crisis Helpline; a duty
// on every person to report a child in need of protection to the child
// welfare agency at once (as in Ontario); adult protection that varies by
// province; and disclosure permitted, not required, when the danger is
// clear, serious and imminent.
func Canada() Jurisdiction {
	return Jurisdiction{
		Code: "CA", Name: "Canada (provinces and territories differ)",
		Emergency: Contact{Name: "emergency services", Number: "911", Source: "911, the emergency number across Canada"},
		Crisis:    []Contact{{Name: "9-8-8 Suicide Crisis Helpline", Number: "988", Note: "call or text, 24 hours, English and French", Source: src988CA}},
		Reporting: []ReportingDuty{
			{Victim: VictimChild, Mandatory: true, Reporters: "every person, professionals included (as in Ontario)",
				Agency: "the provincial or territorial child welfare agency (in Ontario, a children's aid society) or the police", OralWithin: 0,
				Note: "the age of protection and the agency differ by province and territory", Source: srcCYFSA},
			{Victim: VictimDependentAdult, Mandatory: false, Reporters: "set by provincial adult protection law, which differs: some provinces require reports, others permit them",
				Agency: "the provincial adult protection service or the police", OralWithin: 0,
				Note: "verify the province's adult protection statute; older adults are covered where they fall within it", Source: "provincial adult protection statutes (they differ)"},
		},
		Warn:     WarnPermissive,
		WarnNote: "no general statutory duty; the Supreme Court of Canada recognized a public safety exception where the danger is clear, serious and imminent (Smith v. Jones, 1999), and provincial health privacy laws permit disclosure to prevent serious harm",
		Sources:  []string{src988CA, srcCYFSA, srcSmithJones},
		Verify:   verifyNote + " Child and adult protection are provincial and territorial: build the province's jurisdiction from this one.",
	}
}

// Australia returns Australia: 000 and Lifeline 13 11 14; mandatory
// reporting of child abuse to the state or territory child protection
// service, by the people each state names; and disclosure permitted, not
// required, to lessen or prevent a serious threat.
func Australia() Jurisdiction {
	return Jurisdiction{
		Code: "AU", Name: "Australia (states and territories differ)",
		Emergency: Contact{Name: "Triple Zero (police, fire, ambulance)", Number: "000", Source: "Triple Zero, the Australian emergency number"},
		Crisis:    []Contact{{Name: "Lifeline", Number: "13 11 14", Note: "24 hours; text 0477 13 11 14", Source: srcLifeline}},
		Reporting: []ReportingDuty{
			{Victim: VictimChild, Mandatory: true, Reporters: "the people each state or territory names (named professionals such as doctors, nurses, teachers and police; in the Northern Territory every adult)",
				Agency: "the state or territory child protection service (the police if a child is in immediate danger)", OralWithin: 0,
				Note: "what must be reported and by whom differs by state and territory", Source: srcAIFS},
		},
		Warn:     WarnPermissive,
		WarnNote: "no statutory duty to warn; the Privacy Act permits disclosure to lessen or prevent a serious threat to anyone's life, health or safety (s. 16A, APP 6.2(c))",
		Sources:  []string{srcLifeline, srcAIFS, srcAPP},
		Verify:   verifyNote + " No duty is recorded here for abuse of an older or dependent adult: verify the state's law and any aged care scheme that applies.",
	}
}

// Jurisdictions returns fresh copies of the built-in jurisdictions.
func Jurisdictions() []Jurisdiction {
	return []Jurisdiction{USFederal(), England(), Canada(), Australia()}
}
