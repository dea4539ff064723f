"""When a LanguageTool spelling match is not a misspelling: names, closed compounds, other English variants."""
from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Sequence

import regex

from ..document import WORD_RE, Document
from ..kinds.repetition import adjective_before_noun

# LanguageTool's own note that a word is right in another variant: "'colour' is British English."
OTHER_VARIANT_NOTE = regex.compile(
    r"\bis (?:British|American|Canadian|Australian|New Zealand|South African) English\b")
_NAME_SCOPES_EXCLUDED = frozenset({"title", "heading"})  # title case makes every word look like a name
_CLOSE = 2  # a suggestion within this many edits is a plausible correction of a typo
_DELIBERATE = 3  # a word spelled the same way this often in one document may be the writer's term, not a slip
_COMMON = 5.0  # log10 count of a common word (100,000 uses in the Google Books n-grams)
_VERY_COMMON = 7.0  # function words and the like ("although", "the"), which the word-class table does not list
_FUNCTION_WORD = 8.5  # "the", "their", "there": commoner than any name or noun the word-class table leaves out
_MIN_CAPITALISED_TYPO = 6
_VOWELS = frozenset("aeiou")
_TYPO = 1  # one edit (a swap counts once) from a suggested word: the shape of a typo, however often repeated


@lru_cache(maxsize=1)
def english_frequencies() -> Mapping[str, float]:
    """The word-count list (copylint/data/lexicon), with each American spelling its list lacks counted as its British
    pair ("favorite" as "favourite", "analyze" as "analyse"): the list, built from British-leaning counts, misses
    several hundred of them, and a typo of one is still a typo of a common word."""
    from ..data.lexicon import spelling_variants, word_frequencies

    frequencies = dict(word_frequencies())
    for american, british, _ in spelling_variants():
        if american not in frequencies and british in frequencies:
            frequencies[american] = frequencies[british]
    return frequencies


def words(text: str) -> list[str]:
    """Name-sized parts of a span: words split at hyphens, possessive 's dropped."""
    out = []
    for word in WORD_RE.findall(text):
        for part in word.replace("’", "'").split("-"):
            if part[-2:] in ("'s", "'S"):
                part = part[:-2]
            part = part.strip("'")
            if part:
                out.append(part)
    return out


def is_capitalised(word: str) -> bool:
    return any(c.isupper() for c in word)


# Words that title case leaves lower-case although they have four letters or more (Chicago: every preposition and
# conjunction): a title whose only lower-case words are these is in title case.
_TITLE_CASE_LOWER = frozenset("""about above across after against along among around before behind below beneath
    beside besides between beyond down during except from inside into like near onto over past since than that
    through throughout till toward towards under unless until upon versus when where whether while with within
    without""".split())


def is_sentence_case(title_words: Sequence[str]) -> bool:
    """A title written like a sentence ("Stuart joins Norwich from Addicks"): a lower-case word that title case
    would capitalise, so its capitals after the first word mark names, as in running text."""
    return any(w.islower() and len(w) >= 4 and w not in _TITLE_CASE_LOWER for w in title_words[1:])


def document_names(doc: Document) -> tuple[frozenset[str], Counter[str]]:
    """Words the document treats as names (capitalised mid-sentence, also in a sentence-case title, or capitalised
    more than once), and how often each word form occurs."""
    counts: Counter[str] = Counter()
    mid_sentence: set[str] = set()
    for sentence in doc.sentences:
        scope = doc.blocks[sentence.block].scope
        sentence_words = words(doc.sentence_text(sentence))
        names_shown = scope not in _NAME_SCOPES_EXCLUDED or is_sentence_case(sentence_words)
        for position, word in enumerate(sentence_words):
            counts[word] += 1
            if position > 0 and is_capitalised(word) and names_shown:
                mid_sentence.add(word)
    repeated = {w for w, n in counts.items() if n > 1 and is_capitalised(w)}
    return frozenset(mid_sentence | repeated), counts


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap counts once); anything past limit is limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


# Short function words: "alot" -> "a lot", "chanceof" -> "chance of" is a missing space, not a closed compound.
_NOT_COMPOUND_PARTS = frozenset("""a an the of to in on at by for and or but nor not no so as if is it its be are was
    were has had have do did does can may you your he she we they his her our my me us them just than then that this
    with from into onto over off out up""".split())


def is_split_compound(word: str, replacements: Sequence[str]) -> bool:
    """"horseracing" -> "horse racing": a closed compound of content words is a style choice, not a typo."""
    for r in replacements:
        parts = r.split(" ")
        if len(parts) > 1 and "".join(parts).casefold() == word.casefold() and all(
                len(p) >= 3 and p.casefold() not in _NOT_COMPOUND_PARTS for p in parts):
            return True
    return False


def has_close_fix(word: str, replacements: Sequence[str], within: int = _CLOSE) -> bool:
    return any(" " not in r and edit_distance(r.casefold(), word.casefold(), within) <= within
               for r in replacements)


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    before = regex.search(r"(\w+)[ \t]+$", text[max(0, start - 40):start])
    after = regex.match(r"[ \t]+(\w+)", text[end:end + 40])
    return (before.group(1) if before else ""), (after.group(1) if after else "")


def is_name_particle(text: str, start: int, end: int) -> bool:
    """A short lowercase word between two capitalised ones: "Parc des Princes", "Rafael van der Vaart"; or one of three
    letters at most that opens a surname ("Locksley and von Moltke")."""
    if end - start > 4 or not text[start:end].islower():
        return False
    before, after = _neighbours(text, start, end)
    return before[:1].isupper() and (after[:1].isupper() or after.islower() and len(after) <= 4) or \
        end - start <= 3 and after[:1].isupper() and after[1:].islower()


def in_name_context(text: str, start: int, end: int) -> bool:
    """Part of a run of capitalised words ("Rowetta Satchell", "Acme Securities") or after an
    O'/N'-style prefix: the shape of a proper noun."""
    if start >= 2 and text[start - 1] in "'’" and text[start - 2].isupper():
        return True
    before, after = _neighbours(text, start, end)
    return before[:1].isupper() or after[:1].isupper()


_TERM = r"\p{L}[\p{L}'’-]*"
# A word the document introduces or mentions as a word, not one it uses: after "called"/"known as"/"the word", quoted on
# its own (up to three words: ‘the "gandula"’), alone in parentheses ("flatbread (injera)"), or glossed right after it
# ("injera, a spongy flatbread", "injera (a flatbread)", "halb, meaning half"). A slip is not introduced like this.
_DEFINED = (
    regex.compile(rf"(?:\b(?:called|known as|dubbed|termed|nicknamed|so-called|the (?:word|term|phrase|name))\s+"
                  rf"[\"“‘']?)((?:{_TERM})(?:\s+{_TERM}){{0,2}})"),
    regex.compile(rf"(?:^|(?<=[\s(\[—–-]))[\"“‘']((?:{_TERM})(?:\s+{_TERM}){{0,2}})[,.!?]?[\"”’'](?!\p{{L}})"),
    regex.compile(rf"\((?:the\s+)?(?!(?:a|an|or|i\.e\.)\s)((?:{_TERM})(?:\s+{_TERM}){{0,2}})\)"),
    regex.compile(rf"\b((?:{_TERM}))(?:,\s+(?:a|an|meaning|literally|which means)\s|\s+\((?:a|an|meaning|"
                  rf"literally|or|i\.e\.)\s|,?\s+[—–]\s+(?:a|an|meaning|literally)\s)"),
)


# A naming verb introduces the word too: "what the divers call the X", "which locals call X", "known locally as X".
_DEFINED += (
    regex.compile(rf"(?:\b(?:known|referred to)\s+(?:\p{{L}}+ly\s+|here\s+|there\s+)as|\b(?i:what|which|whom)\s+"
                  rf"(?:[\p{{L}}'’-]+\s+){{0,3}}?call(?:s|ed)?)\s+(?:it\s+|them\s+)?(?:the\s+|an?\s+)?[\"“‘']?({_TERM})"),
)
# Weaker signs: a people calling it so ("locals call the X", where "call" may mean phoning), an appositive with a
# relative clause ("the X, the bridge keepers who"), a place in a list beside a defined term. An English word can
# stand there too, so a word these introduce is still a typo when one edit from a common word.
_NAMED = (
    regex.compile(rf"\b(?i:locals|residents|villagers|islanders|natives|people|they|we)\s+(?:\p{{L}}+\s+)?call\s+"
                  rf"(?:it\s+|them\s+)?(?:the\s+|an?\s+)?[\"“‘']?({_TERM})"),
    regex.compile(rf"\b({_TERM}),\s+the\s+(?:[\p{{L}}-]+\s+){{1,3}}(?:who|whom|whose|which|that|where)\b"),
)
# Italics in the source: Markdown *x* or _x_, HTML <i>/<em>: how copy sets off a foreign word.
_ITALIC = regex.compile(r"(?<![*\w])\*(?!\s)([^*\n]{1,60}?)(?<!\s)\*(?![*\w])|(?<![_\w])_(?!\s)([^_\n]{1,60}?)(?<!\s)_(?![_\w])"
                        r"|<(?:i|em)\b[^>]{0,80}>([^<]{1,80})</(?:i|em)>")


def defined_terms(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    """The words (casefolded) that the document introduces, quotes, italicises or glosses as terms (see _DEFINED), and
    those it only names or sets in apposition (see _NAMED)."""
    terms: set[str] = set()
    named: set[str] = set()
    for block in doc.blocks:
        for patterns, found in ((_DEFINED, terms), (_NAMED, named)):
            for pattern in patterns:
                for m in pattern.finditer(block.text):
                    found.update(w.casefold() for w in words(m.group(1)))
    for m in _ITALIC.finditer(doc.source or ""):
        terms.update(w.casefold() for w in words(next(g for g in m.groups() if g)))
    if terms:  # the other items of a list that holds a term ("injera (a flatbread), kitfo and shiro")
        for block in doc.blocks:
            for m in _LIST.finditer(block.text):
                items = [w.casefold() for w in _LIST_ITEM.findall(m.group())]
                if any(w in terms for w in items):
                    named.update(w for w in items if w not in _LIST_JOINS)
    return frozenset(terms), frozenset(named - terms)


_GLOSSED_ITEM = rf"{_TERM}(?:\s+\([^()\n]{{1,60}}\))?"
_LIST = regex.compile(rf"\b{_GLOSSED_ITEM}(?:(?:,\s+|,?\s+(?:and|or)\s+){_GLOSSED_ITEM}){{2,}}")
_LIST_ITEM = regex.compile(rf"(?<!\([^()]*){_TERM}")
_LIST_JOINS = frozenset({"and", "or"})


class NameOracle:
    """Per-document judge of spelling matches; builds the document's name set only when first asked."""

    def __init__(self, doc: Document, vocabulary: Iterable[str] = ()) -> None:
        self.doc = doc
        context: Mapping = doc.context or {}
        entries = (*vocabulary, *context.get("names", ()), *context.get("vocabulary", ()))
        self.vocabulary = frozenset(w.casefold() for entry in entries for w in (entry, *words(entry)))
        self._names: frozenset[str] | None = None
        self._counts: Counter[str] = Counter()
        self._terms: tuple[frozenset[str], frozenset[str]] | None = None

    def _load(self) -> None:
        if self._names is None:
            self._names, self._counts = document_names(self.doc)

    def is_defined_term(self, word: str, replacements: Sequence[str] = ()) -> bool:
        """Introduced, quoted, italicised or glossed as a term somewhere in the document; or only named or set in
        apposition, and not one edit from a common word."""
        if self._terms is None:
            self._terms = defined_terms(self.doc)
        terms, named = self._terms
        parts = [p.casefold() for p in words(word)]
        if any(p in terms for p in parts):
            return True
        return any(p in named for p in parts) and not has_close_fix(word, replacements, _TYPO)

    def is_name(self, span: str) -> bool:
        """In the vocabulary, used as a name by the document, or a known place."""
        if span.casefold() in self.vocabulary:
            return True
        parts = words(span)
        if any(p.casefold() in self.vocabulary for p in parts):
            return True
        capitalised = [p for p in parts if is_capitalised(p)]
        if not capitalised:
            return False
        self._load()
        if any(p in self._names for p in capitalised):
            return True
        place = place_lookup()
        return place is not None and any(place(p) for p in capitalised)

    def is_misspelled_sentence_opener(self, text: str, start: int, end: int, replacements: Sequence[str]) -> bool:
        """A sentence's first word whose capital is the sentence's, not a name's: the document never writes it with a
        capital inside a sentence, nor twice, and in lower case it is a typo of a very common word LanguageTool
        suggests, not a noun ("Ther" -> "The", "Finall" -> "Finally"), four letters at least."""
        from ..data.lexicon import word_classes

        word = text[start:end]
        if len(word) < 4 or not word[1:].islower() or not word.isalpha() or not _opens_sentence(text, start):
            return False
        self._load()
        if word in self._names:
            return False
        lowered = [r.lower() for r in replacements if r[1:].islower() and " " not in r]
        frequencies, classes = english_frequencies(), word_classes()
        for suggestion in lowered:
            if _nearest_common(word.lower(), [suggestion], frequencies, 1, _VERY_COMMON) is None:
                continue
            # not a noun: a name opening a sentence is one edit from some noun as often ("Caffe", "Notts", "Grix"); a
            # word the class table lacks must be a function word ("the", "their")
            tags = classes.of(suggestion)
            if not tags & {"NN", "NNS", "VBZ"} if tags else frequencies.get(suggestion, 0.0) >= _FUNCTION_WORD:
                return True
        return False

    def is_unedited_slip(self, text: str, start: int, end: int, replacements: Sequence[str] = ()) -> bool:
        """In an unedited text (is_unedited), a spelling match the filters dropped that is a slip after all: a
        lower-case word of three letters or more that no English word list has, not a name of the document's, not in
        a foreign phrase or a quotation in dialect, and not a suggested word with letters glued on ("gmtdefaults": a
        command or a coinage)."""
        word = text[start:end]
        if any(len(r) >= 4 and r.islower() and r != word and (word.startswith(r) or word.endswith(r))
               for r in replacements):
            return False
        return len(word) >= 3 and word.isalpha() and word.islower() and word not in english_frequencies() and \
            not self.is_name(word) and word.capitalize() not in self._names_loaded() and \
            not in_foreign_phrase(text, start, end) and not in_dialect_quote(text, start)

    def _names_loaded(self) -> frozenset[str]:
        self._load()
        return self._names or frozenset()

    def not_a_misspelling(self, text: str, start: int, end: int, replacements: Sequence[str]) -> bool:
        """Whether the spelling match on text[start:end] should be dropped."""
        word = text[start:end]
        if "&" in text[max(0, start - 1):end + 1] or text[start - 1:start] == "]" or text[end:end + 1] == "[" or \
                text[start - 1:start] == "[" and text[start - 2:start - 1].isalpha():
            return True  # "caf&eacute;", "[b]uilding", "min[ute]": words cut by markup or an editor's brackets
        if text[start - 1:start] in _HANDLE_GLUE or text[end:end + 1] in _CODE_GLUE or \
                _is_option(text, start):
            return True  # "@_orabora", "#nofilter", "file_name", "bin/pstext", "-Dj": a handle, a tag or code
        if self.is_name(word) or is_name_particle(text, start, end) or self.is_defined_term(word, replacements) or \
                is_piece_of_glottal_word(text, start, end) or is_currency_plural(word):
            return True
        part = misspelled_token(word, replacements)
        if part is not None:  # a span of several words ("carefull as" -> "careful as"): judge the one that changes
            offset, length, aligned = part
            return self.not_a_misspelling(text, start + offset, start + offset + length, aligned)
        if not word[:1].isupper():
            # A lowercase word the document writes as a name elsewhere ("netblocks" beside "NetBlocks"), or one used
            # again and again with no English word one edit away (a term the article is about: "injera"), is not a
            # slip. "recieve" three times is still "receive" misspelled.
            self._load()
            if word.capitalize() in self._names or word.upper() in self._names:
                return True
            if self._counts[word] >= _DELIBERATE and not has_close_fix(word, replacements, _TYPO):
                return True
        elif in_name_context(text, start, end):
            return True  # a capitalised word in a proper-noun shape ("Rowetta Satchell") is a name LT does not know
        elif self.is_misspelled_sentence_opener(text, start, end, replacements):
            return False
        elif _opens_sentence(text, start) and word[1:].islower() and not is_misspelled_opening_word(word, replacements):
            return True  # its capital is a name's as likely as the sentence's: "Persson explained", "Brydge proved"
        if is_loanword(word, replacements) or in_dialect_quote(text, start) or in_foreign_phrase(text, start, end) or \
                is_regular_inflection(word) or is_plural_of_term(word, replacements):
            return True
        return not (looks_like_typo(word, replacements) or is_unattested(word, replacements)
                    or has_misspelled_part(word, replacements) or is_misspelled_sentence_adverb(text, start, end,
                                                                                               replacements))


# A text with this many of LanguageTool's kept findings, one per UNEDITED_WORDS words at least, is a draft no one has
# edited (a learner's essay, a pasted forum post): there an unknown lower-case word is a slip, not a term or a name.
# Edited copy never gets near it (0.2 findings per 500-word news article).
UNEDITED_FINDINGS = 2
UNEDITED_WORDS = 12
_WORD = regex.compile(r"\w+")


def is_unedited(text: str, findings: int) -> bool:
    """Whether a text with this many findings is dense with errors: unedited."""
    return findings >= UNEDITED_FINDINGS and findings * UNEDITED_WORDS >= len(_WORD.findall(text))


# The commonest function words, which a fast typist runs into the next or previous word ("alot", "chanceof").
_GLUED = frozenset("a an the of to in and for not".split())


def is_run_together(folded: str, replacements: Sequence[str], frequencies: Mapping[str, float]) -> bool:
    """A very common function word run into a common word, which LanguageTool offers to split."""
    for r in replacements:
        parts = r.casefold().split(" ")
        if len(parts) == 2 and "".join(parts) == folded and any(p in _GLUED for p in parts) and all(
                p in _GLUED or len(p) >= 3 and frequencies.get(p, 0.0) >= _COMMON for p in parts):
            return True
    return False


def looks_like_typo(word: str, replacements: Sequence[str]) -> bool:
    """Whether an unknown word has the shape of a typo: a few keystrokes from a common English word.

    Evidence, from the word-count list (copylint/data/lexicon/words.tsv.gz): a word the list knows is English that
    LanguageTool's dictionary lacks ("bioethics"); a hyphenated word, or one LanguageTool splits into content words
    ("horseracing" -> "horse racing", "warhammer"), is a compound, unless one edit makes it a common word ("detailled"
    is "detailed", whatever "detail led" says). Otherwise a typo keeps its first letter and stays within an edit
    budget that grows with its length (one edit up to four letters, two up to seven, three beyond) of a suggested
    common lowercase word ("recieve" -> "receive", "difrent" -> "different"). A word English web text uses gets one
    edit ("dilbit" is not "digit"). A capitalised word gets one edit and six letters at least: names are everywhere
    ("Nexar" is not "Near"). A case-only fix counts when it capitalises a proper
    noun ("atlanta"), not for an acronym ("bjs" -> "BJS").
    """
    from ..data.lexicon import web_words

    frequencies = english_frequencies()
    folded = word.casefold().replace("’", "'")
    capitalised = word[:1].isupper()
    if len(word) < 3:
        return False  # two letters: an abbreviation ("dx", "dy") far more often than a slip
    if replacements and replacements[0].isupper() and replacements[0].casefold() == word.casefold():
        return False  # LanguageTool's best guess is the word in capitals: an abbreviation ("bjs" -> "BJS")
    if is_run_together(folded, replacements, frequencies):
        return True  # "alot", "chanceof", "doesnot": checked before the compound test ("doe snot" is no compound)
    if "-" in word or is_split_compound(word, replacements) and _nearest_common(
            folded, replacements, frequencies, 1) is None and not _vowel_slip(folded, replacements, frequencies):
        return False
    if not capitalised and any(r[:1].isupper() and r[1:].islower() and r.casefold() == folded for r in replacements):
        return True  # a proper noun written in lowercase ("atlanta"), even though the word list has it in lowercase
    if folded in frequencies:
        return False
    if capitalised and len(word) < _MIN_CAPITALISED_TYPO:
        return False
    # A word others write too (in wordfreq's web list) is a common misspelling, one keystroke from its word
    # ("recieve", "futher"), or a real word of some field or register ("dilbit", "cadherin", "vacay") when further.
    attested = folded in web_words()
    budget = 1 if capitalised or attested or len(word) <= 4 or not has_english_onset(folded) else \
        2 if len(word) <= 7 else 3
    floor = _VERY_COMMON if len(word) == 3 else _COMMON
    return _nearest_common(folded, replacements, frequencies, budget, floor) is not None


_HANDLE_GLUE = frozenset("@#_/\\")
_CODE_GLUE = frozenset("_/\\@")


def _is_option(text: str, start: int) -> bool:
    """A command-line option: "use -Dj to offset", "--verbose"."""
    dashes = len(text[max(0, start - 2):start]) - len(text[max(0, start - 2):start].rstrip("-"))
    return dashes > 0 and (start == dashes or text[start - dashes - 1].isspace())


_VOWELS_AND_Y = "aeiouy"
_MIN_ONSET_WORDS = 3  # an opening shared by fewer common words is a name's or a numeral's ("mcc", "xxv")


def _onset(word: str) -> str:
    """The consonants before a word's first vowel ("str" of "strong")."""
    for i, c in enumerate(word):
        if c in _VOWELS_AND_Y:
            return word[:i]
    return word


@lru_cache(maxsize=1)
def english_onsets() -> frozenset[str]:
    """The consonants that open common English words ("str", "sch", "th"), from the word-count list."""
    counts: Counter[str] = Counter(_onset(w) for w, v in english_frequencies().items()
                                   if v >= _COMMON and w.isalpha() and w.islower())
    return frozenset(o for o, n in counts.items() if n >= _MIN_ONSET_WORDS)


def has_english_onset(folded: str) -> bool:
    """Whether a word opens as English words do: a command or a code ("pstext", "grdimage") often does not, and a
    slip that makes such an opening is one keystroke off ("tlaked")."""
    return _onset(folded) in english_onsets()


_SENTENCE_OPENING = regex.compile(r"(?:^|[.!?][\"”’')]*\s+)$")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether text[start] begins a sentence (the text's start, or after end punctuation, closing quotes and space)."""
    return _SENTENCE_OPENING.search(text, 0, start) is not None


_NOT_A_NAME_CLASSES = frozenset({"VBG", "VBD", "VBN", "RB"})
# The word-class table lists neither function words nor names: "because" (8.4) is commoner than any name but the largest
# places ("paris" 7.7).
_UNTAGGED_FUNCTION_WORD = 8.0
_LONG_OPENER = 9


def is_misspelled_opening_word(word: str, replacements: Sequence[str]) -> bool:
    """A capitalised sentence opener with the shape of a typo (looks_like_typo) of a word no name resembles: a function
    word (so frequent the word-class table leaves it out: "Becuase"), an adverb or a verb's -ing or past form
    ("Fourtunately", "Comming"), words run together ("Forexample"), or a long word one edit from any common word
    ("Goverment"). One edit from a noun ("Persson" / "person", "Brydge" / "bridge", "Thermite" / "termite") is as
    often a name or a term, whose capital the sentence hides."""
    from ..data.lexicon import word_classes

    folded = word.casefold()
    frequencies, classes = english_frequencies(), word_classes()
    if is_run_together(folded, replacements, frequencies):
        return True
    lowered = [r.lower() for r in replacements if r[1:].islower()]
    if not looks_like_typo(folded, lowered):
        return False
    target = _nearest_common(folded, lowered, frequencies, 1 if len(word) <= 4 else 2 if len(word) <= 7 else 3)
    if target is None:
        return False
    if len(word) >= _LONG_OPENER and edit_distance(target.casefold(), folded, 1) <= 1:
        return True  # a name this long is seldom one keystroke from a common word: "Goverment"
    tags = classes.of(target.casefold())
    if tags:
        return bool(tags & _NOT_A_NAME_CLASSES)
    return frequencies.get(target.casefold(), 0.0) >= _UNTAGGED_FUNCTION_WORD


def is_misspelled_sentence_adverb(text: str, start: int, end: int, replacements: Sequence[str]) -> bool:
    """A sentence's first word, set off by a comma, that is a typo of an adverb ("Unforturntly," "Fourtunately,"):
    its capital is the sentence's, so it is judged as the lowercase word, and the word it is near must be an adverb
    (a name opening a sentence before a comma, "Dudek, Finnan and Hyypia", is near nouns and names if anything)."""
    from ..data.lexicon import word_classes

    word = text[start:end]
    if text[end:end + 1] != "," or not word[1:].islower() or not _opens_sentence(text, start):
        return False
    lowered = [r.lower() for r in replacements if r[1:].islower()]
    if not looks_like_typo(word.lower(), lowered):
        return False
    classes = word_classes()
    target = _nearest_common(word.lower(), lowered, english_frequencies(), 3 if len(word) > 7 else 2)
    return target is not None and "RB" in classes.of(target) and not classes.of(target) & {"NN", "NNS"}


def misspelled_token(span: str, replacements: Sequence[str]) -> tuple[int, int, list[str]] | None:
    """For a match over several words, the one word that its suggestions of as many words change (its offset in the
    span, its length, and what they put in its place), when those that change one word all change the same one."""
    tokens = span.split(" ")
    if len(tokens) < 2:
        return None
    changed: set[int] = set()
    aligned: list[str] = []
    for r in replacements:
        parts = r.split(" ")
        if len(parts) != len(tokens):
            continue
        differ = [i for i, (a, b) in enumerate(zip(tokens, parts)) if a != b]
        if len(differ) != 1:
            continue  # "careful las": a re-split of the words, not a spelling of one
        changed.add(differ[0])
        aligned.append(parts[differ[0]])
    if len(changed) != 1:
        return None
    i = changed.pop()
    return sum(len(t) + 1 for t in tokens[:i]), len(tokens[i]), aligned


def has_misspelled_part(word: str, replacements: Sequence[str]) -> bool:
    """A lower-case hyphenated word whose one changed part, against LanguageTool's first suggestion of the same
    shape, is a word no English list has, one edit from a common word ("digtal-camera" -> "digital-camera"). A
    compound of known parts, or one whose parts LanguageTool does not know, stays a compound."""
    from ..data.lexicon import web_words

    if "-" not in word or not word.replace("-", "").isalpha() or not word.islower() or not replacements:
        return False
    frequencies = english_frequencies()
    parts, fixed = word.split("-"), replacements[0].split("-")
    changed = [(p, r) for p, r in zip(parts, fixed) if p != r]
    if len(parts) != len(fixed) or len(changed) != 1:
        return False
    (part, fix), = changed
    return len(part) >= _MIN_UNATTESTED and part not in frequencies and part not in web_words() and fix.islower() \
        and frequencies.get(fix, 0.0) >= _COMMON and edit_distance(part, fix, 1) <= 1 \
        and all(p in frequencies for p in parts if p != part)


_MIN_UNATTESTED = 4  # shorter unknown words are abbreviations and text-speak ("tbh", "shd") as often as slips
_UNATTESTED_EDITS = 1  # a slip no one else makes stays this near the word meant


def is_unattested(word: str, replacements: Sequence[str]) -> bool:
    """A lower-case word that no English list has, not even the web's (which holds jargon, slang and the common
    misspellings), one edit from a common lower-case word LanguageTool suggests ("duildings" -> "buildings",
    "iattended" -> "attended", "reflecion" -> "reflection"), whatever its first letter. A field's coinage
    ("pretransplant", "polytopic") sits among the field's words, which LanguageTool suggests instead ("polytypic"), or
    gets no suggestion; a word built with affixes is further from its stem ("cyborgian"), and one with another ending
    is a derivative, not a slip ("japonium"); two edits already admit unknown words of edited copy. Closed
    compounds of content words LanguageTool splits ("truthworthy" -> "truth worthy") are left to the typo test."""
    from ..data.lexicon import web_words

    folded = word.replace("’", "'")
    if len(folded) < _MIN_UNATTESTED or not folded.isalpha() or not folded.islower():
        return False
    frequencies = english_frequencies()
    if folded in frequencies or is_split_compound(word, replacements) or folded in web_words():
        return False
    return any(r.isalpha() and r.islower() and frequencies.get(r, 0.0) >= _COMMON and not _other_ending(folded, r)
               and edit_distance(r, folded, _UNATTESTED_EDITS) <= _UNATTESTED_EDITS for r in replacements)


def _other_ending(word: str, suggestion: str) -> bool:
    """The same stem with another ending ("japonium" / "japonica"): a coined derivative or inflection, not a slip
    inside a word."""
    stem = len(os.path.commonprefix([word, suggestion]))
    return stem >= 4 and stem >= min(len(word), len(suggestion)) - 2 and len(word) != stem


def _vowel_slip(folded: str, replacements: Sequence[str], frequencies: Mapping[str, float]) -> bool:
    """A long word whose first vowel is the only slip ("apportunity"): the compound LanguageTool also offers ("apport
    unity") is an accident of the letters."""
    return len(folded) >= 8 and any(
        r.casefold()[1:] == folded[1:] and r[:1].casefold() in _VOWELS and folded[:1] in _VOWELS
        and frequencies.get(r.casefold(), 0.0) >= _COMMON for r in replacements if " " not in r)


def _nearest_common(folded: str, replacements: Sequence[str], frequencies: Mapping[str, float], budget: int,
                    floor: float = _COMMON) -> str | None:
    """The first suggestion that is a common English word (not a name: "gerbera" is not "Gerber"; a word the word-class
    table lists, or a very frequent one) with the same first letter, within budget edits of the word."""
    from ..data.lexicon import word_classes

    classes = word_classes()
    for suggestion in replacements:
        if " " in suggestion:
            continue
        target = suggestion.casefold().replace("’", "'")
        if target == folded or not (suggestion[1:].islower() or "'" in suggestion):
            continue
        if target[:1] != folded[:1] and not (budget >= 2 and len(target) == len(folded) and target[1:] == folded[1:]
                                             and target[0] in _VOWELS and folded[0] in _VOWELS):
            continue  # a typo keeps its first letter, or at most swaps one vowel for another ("apportunity")
        stem = target.split("'")[0]
        frequency = max(frequencies.get(stem, 0.0), frequencies.get(target, 0.0))
        if frequency < floor or (frequency < _VERY_COMMON and not classes.of(stem)):
            continue
        if edit_distance(target, folded, budget) <= budget:
            return suggestion
    return None


_APOSTROPHES = "'’ʻʼ‘`"
_GLOTTAL = frozenset("ʻʼ")  # the ʻokina and the modifier apostrophe: letters of Polynesian and other orthographies
# English endings after an apostrophe ("it's", "rock'n'roll"), and a misplaced one ("was'nt")
_CLITICS = frozenset("s t ll re ve d m n em nt".split())
_WORD_WITH_APOSTROPHES = regex.compile(rf"[\p{{L}}{_APOSTROPHES}]*")


def is_piece_of_glottal_word(text: str, start: int, end: int) -> bool:
    """A span that carries an ʻokina ("ʻohana"), or a piece of a word that apostrophes join ("ona" of "to'ona'i",
    "ovala" of "ta'ovala"): the apostrophe marks a glottal stop, and LanguageTool splits the word there. One
    apostrophe before an English clitic ("can'tt") or after an elided letter ("o'clokc") is English."""
    if any(c in _GLOTTAL for c in text[start:end]):
        return True
    glued_before = start >= 2 and text[start - 1] in _APOSTROPHES and text[start - 2].isalpha()
    glued_after = end + 1 < len(text) and text[end] in _APOSTROPHES and text[end + 1].isalpha()
    if not (glued_before or glued_after):
        return False
    left = start
    while left > 0 and (text[left - 1].isalpha() or text[left - 1] in _APOSTROPHES):
        left -= 1
    token = _WORD_WITH_APOSTROPHES.match(text, left).group().strip(_APOSTROPHES)
    pieces = regex.split(rf"[{_APOSTROPHES}]", token)
    if any(c in _GLOTTAL for c in token) or len(pieces) >= 3:
        return True
    return len(pieces) == 2 and pieces[1].casefold() not in _CLITICS and len(pieces[0]) >= 2 and \
        all(p.islower() for p in pieces)


@lru_cache(maxsize=1)
def currency_units() -> frozenset[str]:
    """The last word of every ISO 4217 currency name in pycountry ("denar", "tenge", "pa'anga"), lowercased."""
    import pycountry

    return frozenset(n for c in pycountry.currencies if (n := c.name.split()[-1].casefold().replace("’", "'"))
                     .replace("'", "").isalpha() and len(n) >= 3)


def is_currency_plural(word: str) -> bool:
    """The English plural of a currency unit ("denars", "tenges", "somonis"), which LanguageTool's dictionary lacks."""
    folded = word.casefold().replace("’", "'")
    return folded.endswith("s") and (folded[:-1] in currency_units() or
                                     folded.endswith("es") and folded[:-2] in currency_units())


_DIACRITIC = regex.compile(r"[^\P{Latin}a-zA-Z]")  # a Latin letter beyond ASCII: "bodhrán", "phở"
_LOAN_PLURAL_STEM = regex.compile(r"[a-z]{3,}[aiou]")  # "blini" + s, "panini" + s: an English plural of a loanword


def is_loanword(word: str, replacements: Sequence[str] = ()) -> bool:
    """Evidence that an unknown word is borrowed, not mistyped: a diacritic, the loanword list (words English text
    uses that are common in two other languages: "robusta"), or an English -s plural of such a word or of a known word
    with a foreign vowel ending ("blinis"). A listed word one edit inside from a suggested English word is a cognate
    misspelled ("comercial", "exemple"); a borrowing differs from its English relative at the end ("robust" + a)."""
    from ..data.lexicon import loanwords

    if _DIACRITIC.search(word):
        return True
    folded = word.casefold()
    borrowed = loanwords()
    if folded in borrowed:
        near = [r.casefold() for r in replacements if " " not in r]
        if any(r.startswith(folded) and len(r) > len(folded) + 1 or folded.startswith(r) for r in near):
            return True  # "robusta" beside "robust", "orientale" beside "oriental": a borrowing's own ending
        # (one letter short of an English word is that word's last letter dropped: "favorit", "favorite")
        return not any(edit_distance(folded, r, 1) <= 1 for r in near)
    stem = folded[:-1]
    return folded.endswith("s") and _LOAN_PLURAL_STEM.fullmatch(stem) is not None and (
        stem in borrowed or stem in english_frequencies())


_NEIGHBOUR_BEFORE = regex.compile(r"(\p{L}[\p{L}'’]*)[ \t]+$")
_NEIGHBOUR_AFTER = regex.compile(r"[ \t]+(\p{L}[\p{L}'’]*)")
# Endings of Latin species epithets after a genus ("Coragyps atratus", "Tagetes lemmonii"), rare at the end of English
# words of the shapes LanguageTool does not know.
_LATIN_EPITHET = ("us", "um", "ae", "ii", "is", "ata", "ica", "ina", "alis", "ale", "ensis", "oides")


_ELISION = regex.compile(r"(?:qu|[cdjlmnst])['’]\p{L}{2,}")  # French and Italian elision: "qu'on", "l'homme", "d'Italia"


def in_foreign_phrase(text: str, start: int, end: int) -> bool:
    """A lower-case word next to a word of another language's shape, which no English list has: a diacritic, an
    elision or a borrowed word ("qu'on regarde", "à la carte"); or a species epithet after a genus no English list
    has ("Coragyps atratus", "Tagetes lemmonii"). Two unknown words side by side are not enough: learners' slips come
    in runs ("ther compeny"), but two Latin endings side by side make a Latin term ("nodosum leprosum")."""
    from ..data.lexicon import loanwords

    word = text[start:end]
    if not word.islower():
        return False
    known, borrowed = english_frequencies(), loanwords()
    before = _NEIGHBOUR_BEFORE.search(text[max(0, start - 40):start])
    after = _NEIGHBOUR_AFTER.match(text[end:end + 40])
    for neighbour in (m.group(1) for m in (before, after) if m):
        folded = neighbour.casefold().replace("’", "'")
        if len(folded) < 2 or folded in known:
            continue
        if _DIACRITIC.search(neighbour) or _ELISION.fullmatch(folded) or neighbour.islower() and folded in borrowed:
            return True
        if folded.endswith(_LATIN_EPITHET) and word.endswith(_LATIN_EPITHET) and len(folded) >= 5 and len(word) >= 5:
            return True  # a Latin term of two words no English list has: "erythema nodosum leprosum"
    genus = before.group(1) if before else ""
    return genus[:1].isupper() and genus[1:].islower() and genus.casefold() not in known and \
        word.endswith(_LATIN_EPITHET)


@lru_cache(maxsize=1)
def _inflections() -> Mapping[str, frozenset[str]]:
    """Lemma -> the inflected forms the word-class table lists for it."""
    from ..data.lexicon import word_classes

    forms: dict[str, set[str]] = {}
    for form, lemma in word_classes().lemma.items():
        forms.setdefault(lemma, set()).add(form)
    return {lemma: frozenset(f) for lemma, f in forms.items()}


def is_plural_of_term(word: str, replacements: Sequence[str]) -> bool:
    """The -s plural of a word LanguageTool knows and suggests but the common-word list lacks ("neurites" beside
    "neurite"): a field's term, whose plural LanguageTool's dictionary does not list. A common word's wrong plural
    ("informations", "advices") is still flagged: its singular is in the list."""
    if not word.islower() or not word.endswith("s") or len(word) < 6:
        return False
    stem = word[:-1]
    return stem in replacements and stem not in english_frequencies()


_CVC = regex.compile(r"[^aeiou][aeiou][^aeiouwxy]$")  # "stud", "commit": doubling before -ing/-ed is the writer's call


def is_regular_inflection(word: str) -> bool:
    """A regular -s, -ing or -ed form of a common word that the word-class table lists with no such form of its own
    ("dumbing" from the adjective "dumb", "wranglings"), or an agent noun of a common verb ("sentencers"): English
    word-building LanguageTool's dictionary lacks, not a slip. Not when the table has forms of its own for the word
    ("studing": "stud" has "studding"), for a plural or a mass noun ("childrens", "informations"), nor where -e or
    doubling makes the form a choice ("makeing", "commited")."""
    from ..data.lexicon import word_classes

    if not word.isalpha() or not word.islower() or len(word) < 5:
        return False
    classes, known = word_classes(), english_frequencies()
    agent = word[:-1] if word.endswith("ers") else word if word.endswith("er") else ""
    if agent:  # an agent noun of a common verb: "sentencers", "engagers" (sentence, engage)
        base = agent[:-2]
        if not base.endswith("e") and any("VB" in classes.of(verb) and known.get(verb, 0.0) >= _COMMON
                                          for verb in (base + "e", *(() if _CVC.search(base) else (base,)))):
            return True
    for suffix in ("ing", "ed", "s"):
        stem = word[:-len(suffix)]
        tags = classes.of(stem)
        if not word.endswith(suffix) or len(stem) < 3 or not tags or known.get(stem, 0.0) < _COMMON:
            continue
        if suffix == "s":
            plural = classes.plural_of(stem)
            return "NNS" not in tags and stem[-1] not in "sxzy" and not stem.endswith(("ch", "sh")) and (
                plural is None or plural == word) and ("NN" in tags or "VBG" in tags)
        return stem[-1] != "e" and not _CVC.search(stem) and stem not in _inflections()  # the table has no -ing/-ed
    return False


_QUOTE_MARKS = regex.compile(r"[\"“”]")
_PLAIN_WORD = regex.compile(r"\b[A-Za-z][a-z]*\b")
_DIALECT_WORDS = 2  # lower-case words no English list has: a quote with this many is speech in dialect, not typos


def quote_around(text: str, position: int) -> tuple[int, int] | None:
    """The direct quotation (its text between the marks) that holds position, when one is open there."""
    opened = None
    for m in _QUOTE_MARKS.finditer(text):
        if m.start() >= position:
            if opened is not None:
                return opened, m.start()
            return None
        mark = m.group()
        if mark == "“" or (mark == '"' and opened is None):
            opened = m.end()
        else:
            opened = None
    return (opened, len(text)) if opened is not None else None


def in_dialect_quote(text: str, position: int) -> bool:
    """Inside a direct quotation written in dialect: it has two or more lower-case words (or its first word) that no
    English list has ("Gonnae", "oot"). One unknown word in a quote is still judged as a possible typo; names, which
    are capitalised mid-quote, do not count."""
    from ..data.lexicon import loanwords

    quote = quote_around(text, position)
    if quote is None:
        return False
    known, borrowed = english_frequencies(), loanwords()
    words = _PLAIN_WORD.findall(text[quote[0]:quote[1]])
    unknown = {w.lower() for i, w in enumerate(words) if (w.islower() or i == 0 and w[1:].islower())
               and w.lower() not in known and w.lower() not in borrowed}
    return len(unknown) >= _DIALECT_WORDS


_BE = frozenset("is are was were be been being am seems seem seemed looks look looked became become remains remain "
                "remained".split())
_NEGATION_IN_DIALECT = frozenset({"IT_IS_NO", "MD_NO_VB"})  # "it's no fair", "I'll no be long": Scots "no" for "not"


def not_an_error(rule_id: str, text: str, start: int, end: int) -> bool:
    """A grammar-rule match that is grammatical here: "had had" (the past perfect of have), "that that", "the second
    second" (an adjective before the noun spelled like it); "no" for "not" inside a
    direct quotation (dialect speech); an open compound after a form of be ("the case is clear cut"), where the
    hyphen is a modifier's, not a predicate's."""
    matched = text[start:end]
    if rule_id == "ENGLISH_WORD_REPEAT_RULE":
        pair = matched.split()
        return [w.casefold() for w in pair] in (["had", "had"], ["that", "that"]) or len(pair) == 2 and \
            adjective_before_noun(text, start, end, pair[0])
    if rule_id == "I_LOWERCASE":
        return is_piece_of_glottal_word(text, start, end)  # the last "i" of "to'ona'i"
    if rule_id in _NEGATION_IN_DIALECT:
        return quote_around(text, start) is not None
    if rule_id.endswith("_HYPHEN") and " " in matched and "-" not in matched:
        before = regex.search(r"(\w+)\s+$", text[:start])
        after = text[end:end + 2].lstrip(" ")
        return before is not None and before.group(1).casefold() in _BE and (not after or after[0] in ".,;:!?)\"”'’")
    return False


@lru_cache(maxsize=1)
def place_lookup() -> Callable[[str], bool] | None:
    """The gazetteer's "is this (part of) a known place name" test, when the data package is installed."""
    try:
        from ..data.gazetteer import is_place_name
    except ImportError:
        return None

    broken = False

    def safe(word: str) -> bool:
        nonlocal broken
        if broken:
            return False
        try:
            return bool(is_place_name(word))
        except Exception:  # a broken or unbuildable index must not stop the spelling check; ask once
            broken = True
            return False

    return safe
