package session

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// This file folds text into the key redaction compares: a sequence of
// units, each a folded rune or a structural mark, with the span of the
// source text each unit came from. Names and free text are folded by the
// same code, so a name and any spelling of it the folding equates give the
// same units.

// The structural units. Folded runes are letters, digits and marks, never
// control characters, so these two values cannot collide with one.
const (
	// unitSep is a word boundary: a run of white space or punctuation, a
	// change of script or between letters and digits, or an end of the text.
	unitSep rune = 0
	// unitSyl starts a Hangul syllable (before its leading consonant), so
	// that a Korean name matches whole syllables only.
	unitSyl rune = 1
)

// The classes of a folded rune. A word boundary falls between two runes of
// different word classes.
const (
	clsSep       uint8 = iota // white space, punctuation, symbols, controls
	clsMark                   // a combining mark, or a letter of the Common or Inherited script: it continues the word
	clsDigit                  // a number
	clsSpaceless              // a script written without spaces between words
	clsHangul                 // Korean
	clsOther                  // a letter of a script not listed in spacedScripts
	clsScript                 // clsScript+i is spacedScripts()[i]
)

// spacelessScripts returns the scripts written without spaces between
// words, where names match anywhere: the Unicode Standard's word-boundary
// annex (UAX #29, section 4) leaves them to dictionary segmentation.
func spacelessScripts() []*unicode.RangeTable {
	return []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar}
}

// spacedScripts returns the scripts, written with spaces, between whose
// letters a word boundary falls ("Maria" in "MariaИван"); letters of other
// scripts share one class.
func spacedScripts() []*unicode.RangeTable {
	return []*unicode.RangeTable{unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Armenian, unicode.Georgian,
		unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Devanagari, unicode.Bengali,
		unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya, unicode.Tamil, unicode.Telugu, unicode.Kannada,
		unicode.Malayalam, unicode.Sinhala, unicode.Tibetan, unicode.Ethiopic, unicode.Mongolian}
}

// letterEquivalents returns the folded letters that redaction reads as
// other letters: Latin letters whose stroke or ligature Unicode does not
// decompose, written without it when a keyboard lacks them (ICAO Doc 9303,
// Machine Readable Travel Documents, part 3, transliteration of national
// characters), the Turkish dotless i (its dotted capital folds to "i" and a
// mark), and the Arabic and Persian letters that Arabic text retrieval
// reads as one (Larkey, Ballesteros & Connell 2002, Improving stemming for
// Arabic information retrieval: teh marbuta as heh, alef maksura and Farsi
// yeh as yeh, keheh as kaf).
func letterEquivalents() map[rune]string {
	return map[rune]string{
		'ø': "o", 'ł': "l", 'đ': "d", 'ħ': "h", 'ŧ': "t", 'ŋ': "n", 'ð': "d", 'þ': "th", 'æ': "ae", 'œ': "oe",
		'ı': "i",
		'ة': "ه", 'ى': "ي", 'ی': "ي", 'ک': "ك",
	}
}

// dropped reports whether a decomposed rune is left out of the key: a
// nonspacing diacritic (an accent, Hebrew and Arabic vowel points, Greek
// tonos, the Japanese voicing marks), the Arabic madda, hamza and
// superscript alef that decomposition splits off alef, or a character
// Unicode makes invisible (format controls such as the soft hyphen and the
// zero-width joiners, variation selectors, fillers) and the Arabic tatweel
// that only stretches a word. U+200B ZERO WIDTH SPACE is kept: it marks a
// word boundary.
func dropped(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r == 0x200B:
		return false
	case r >= 0x0653 && r <= 0x0655, r == 0x0670, r == 0x0640:
		return true
	case unicode.Is(unicode.Mn, r) && unicode.Is(unicode.Diacritic, r):
		return true
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// folded is the key of one source rune: its units and their classes.
type folded struct {
	units []rune
	cls   []uint8
}

// folder folds text into keys. It caches the fold of every rune outside
// ASCII it has seen, so it is for one pass of redaction and one goroutine.
type folder struct {
	caser     cases.Caser
	cache     map[rune]folded
	equiv     map[rune]string
	spaceless []*unicode.RangeTable
	scripts   []*unicode.RangeTable
}

func newFolder() *folder {
	return &folder{caser: cases.Fold(), cache: map[rune]folded{}, equiv: letterEquivalents(),
		spaceless: spacelessScripts(), scripts: spacedScripts()}
}

// key is folded text, a sequence of units.
type key []unit

// unit is one unit of a key: u came from text[from:to]; sub says it lies
// where names match as substrings (a spaceless script, a handle or
// address).
type unit struct {
	u        rune
	sub      bool
	from, to int
}

func (k *key) push(u rune, from, to int, sub bool) {
	*k = append(*k, unit{u: u, sub: sub, from: from, to: to})
}

// fold appends the key of text to k, which it resets first: a boundary at
// each end, a boundary for each run of separators and at each change of
// word class, a syllable mark before each Hangul syllable.
func (f *folder) fold(k *key, text string) {
	if cap(*k) < len(text)+2 {
		*k = make(key, 0, len(text)+len(text)/8+2)
	}
	*k = (*k)[:0]
	k.push(unitSep, 0, 0, false)
	e := emitter{k: k}
	tokenStart := true
	for off := 0; off < len(text); {
		r, size := utf8.DecodeRuneInString(text[off:])
		end := off + size
		if isSpace(r) {
			tokenStart, e.handle = true, false
		} else if tokenStart {
			tokenStart, e.handle = false, isHandle(text[off:])
		}
		if r < utf8.RuneSelf {
			u, c := asciiFold(r)
			e.unit(u, c, off, end)
		} else {
			fr := f.rune(r)
			if len(fr.units) == 0 {
				(*k)[len(*k)-1].to = end // a dropped accent or invisible character goes with the unit before it
			}
			for j, u := range fr.units {
				e.unit(u, fr.cls[j], off, end)
			}
		}
		off = end
	}
	if (*k)[len(*k)-1].u != unitSep {
		k.push(unitSep, len(text), len(text), false)
	}
}

// emitter appends units to a key, adding the structural units.
type emitter struct {
	k       *key
	prev    uint8 // the class of the last word unit, clsSep after a boundary
	prevSub bool  // the last word unit was in a spaceless script
	handle  bool  // the current run of text without white space is a handle or address
}

// unit appends folded unit u of class c, from text[off:end].
func (e *emitter) unit(u rune, c uint8, off, end int) {
	k := e.k
	switch {
	case c == clsSep:
		if last := &(*k)[len(*k)-1]; last.u == unitSep {
			last.to = end
		} else {
			k.push(unitSep, off, end, false)
		}
		e.prev, e.prevSub = clsSep, false
		return
	case c == clsMark && e.prev != clsSep:
		k.push(u, off, end, e.handle || e.prevSub)
		return
	case c == clsMark:
		c = clsOther // a mark or Common letter that starts a word
	}
	if e.prev != clsSep && e.prev != c {
		k.push(unitSep, off, off, false)
	}
	if c == clsHangul && isLeadingJamo(u) {
		k.push(unitSyl, off, off, e.handle)
	}
	e.prev, e.prevSub = c, c == clsSpaceless
	k.push(u, off, end, e.handle || e.prevSub)
}

// rune returns the fold of r.
func (f *folder) rune(r rune) folded {
	if r < utf8.RuneSelf {
		u, c := asciiFold(r)
		return folded{units: []rune{u}, cls: []uint8{c}}
	}
	if fr, ok := f.cache[r]; ok {
		return fr
	}
	fr := f.compute(r)
	f.cache[r] = fr
	return fr
}

// compute folds one rune outside ASCII: compatibility decomposition (NFKD:
// composed and decomposed accents, full-width and stylistic forms alike),
// diacritics and invisible characters left out, full case folding (ß as ss,
// final sigma as sigma), decomposition again, and the letter equivalents.
func (f *folder) compute(r rune) folded {
	var fr folded
	if r == utf8.RuneError || dropped(r) {
		if r == utf8.RuneError {
			fr = folded{units: []rune{r}, cls: []uint8{clsSep}}
		}
		return fr
	}
	d := keep(norm.NFKD.String(string(r)))
	d = keep(norm.NFKD.String(f.caser.String(d)))
	for _, x := range d {
		if eq, ok := f.equiv[x]; ok {
			for _, y := range eq {
				fr.units, fr.cls = append(fr.units, y), append(fr.cls, f.class(y))
			}
			continue
		}
		fr.units, fr.cls = append(fr.units, x), append(fr.cls, f.class(x))
	}
	return fr
}

// keep returns s without its dropped runes.
func keep(s string) string {
	for i, r := range s {
		if dropped(r) {
			out := []rune(s[:i])
			for _, r := range s[i:] {
				if !dropped(r) {
					out = append(out, r)
				}
			}
			return string(out)
		}
	}
	return s
}

// class returns the class of a folded rune.
func (f *folder) class(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		_, c := asciiFold(r)
		return c
	case unicode.IsMark(r):
		return clsMark
	case unicode.IsNumber(r):
		return clsDigit
	case !unicode.IsLetter(r):
		return clsSep
	case r < 0x2B0:
		return clsScript // Latin-1, Latin Extended and IPA letters are Latin
	case unicode.Is(unicode.Hangul, r):
		return clsHangul
	}
	for _, t := range f.spaceless {
		if unicode.Is(t, r) {
			return clsSpaceless
		}
	}
	for i, t := range f.scripts {
		if unicode.Is(t, r) {
			return clsScript + uint8(i)
		}
	}
	if unicode.Is(unicode.Common, r) || unicode.Is(unicode.Inherited, r) {
		return clsMark // the Japanese prolonged sound mark, ordinal indicators
	}
	return clsOther
}

// asciiFold folds an ASCII rune: a letter to lower case in the Latin
// class, a digit in the digit class, anything else a separator.
func asciiFold(r rune) (rune, uint8) {
	switch {
	case 'a' <= r && r <= 'z':
		return r, clsScript
	case 'A' <= r && r <= 'Z':
		return r + ('a' - 'A'), clsScript
	case '0' <= r && r <= '9':
		return r, clsDigit
	}
	return r, clsSep
}

// isSpace reports whether r is white space, which ends a handle or address.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// isHandle reports whether the run of text without white space at the
// start of s is a handle or an address: it starts with @ or # or holds an
// @ (full-width forms alike).
func isHandle(s string) bool {
	for i, r := range s {
		switch {
		case r == '@' || r == '\uFF20':
			return true
		case i == 0 && (r == '#' || r == '\uFF03'):
			return true
		case isSpace(r):
			return false
		}
	}
	return false
}

// isLeadingJamo reports whether r is a Hangul leading consonant, the start
// of a syllable once decomposed.
func isLeadingJamo(r rune) bool {
	return r >= 0x1100 && r <= 0x115F || r >= 0xA960 && r <= 0xA97F
}
