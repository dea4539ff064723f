"""The fact rules' shortcuts (trigger words, anchors, candidate starts, lazy patterns) find what the plain
computations they replace find."""
from __future__ import annotations

import random

import pytest
import regex

from copylint.api import Linter
from copylint.data import mentions as M
from copylint.document import Document, ProseBlock
from copylint.errors import RuleError
from copylint.registry import build_rule, load_rules

_LINTER: list[Linter] = []


def facts(text: str, code: str) -> list[str]:
    if not _LINTER:
        _LINTER.append(Linter(select=["CL3"], languagetool=False))
    return [f.text for f in _LINTER[0].lint_source("t.txt", text) if f.code == code]


def doc_of(text: str) -> Document:
    return Document("t.txt", text, "text", [ProseBlock(b, "paragraph", 0) for b in text.split("\n\n")])


def test_a_name_after_initials_is_found() -> None:
    assert [m.x.text for m in M.find_mentions("Mexico D.F., Eritrea -- Officials said.")] == ["Mexico D.F."]
    assert facts("Floods hit Mexico D.F., Eritrea, on Monday.", "CL301") == ["Mexico D.F., Eritrea"]


# --- descriptions: tried only where one may start --------------------------------------------------------
def test_descriptions_equal_a_full_scan() -> None:
    from copylint.kinds.contradiction import _DESCRIPTION_RX, _start_ranges, descriptions

    rx = regex.compile(_DESCRIPTION_RX)
    pieces = [",", ", ", ", a ", ", an ", " that", " which", "'s", "’s", " is", " are", " ", "  ", "\t", "\n",
              "\x1c", "\xa0", "gas", "used", ".", "(", "LPG", "thatch", " that's ", " which is ", "x" * 40]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        assert [m.span() for m in descriptions(text)] == [m.span() for m in rx.finditer(text)], repr(text)
        blocks = text.split("\n")  # a document of blocks: its starts found in one scan of the prose
        doc = Document("t.txt", text, "text", [ProseBlock(b, "paragraph", 0) for b in blocks])
        starts = _start_ranges(doc)
        if not starts:  # fewer than two may start: fewer than two are found
            assert sum(1 for b in blocks for _ in rx.finditer(b)) < 2, repr(text)
        for index, block in enumerate(blocks) if starts else ():
            assert [m.span() for m in descriptions(block, starts.get(index, []))] == \
                [m.span() for m in rx.finditer(block)], repr(text)


def test_term_before_takes_the_last_word_of_each_window() -> None:
    from copylint.kinds.contradiction import _STOP, _WORD, term_before

    def plain(text: str, end: int) -> str:  # each word: the last of a forward scan over 40 characters
        words: list[str] = []
        pos = end
        while len(words) < 4:
            m = None
            for m in _WORD.finditer(text, max(0, pos - 40), pos):
                pass
            if m is None or text[m.end():pos].strip() or m.group().lower() in _STOP:
                break
            words.insert(0, m.group())
            pos = m.start()
        return " ".join(words)

    pieces = ["LPG", "gas", " ", "  ", ",", "'", "’", "-", "the", "a" * 45, "x" * 39, "Natural", "\n", ".", "é", "1"]
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        end = rng.randint(0, len(text))
        assert term_before(text, end) == plain(text, end), (text, end)


# --- claims: trigger words and subject words ------------------------------------------------------------
def _claim_kinds() -> list:
    """The built-in claim kinds with a claim the derived whole-word prefilter guards."""
    from copylint.engine import build_kinds
    from copylint.kinds.claim import Claim

    return [k for k in build_kinds(load_rules()) if isinstance(k, Claim) and any(k._words.values())]


def _claim_findings(kind, doc: Document, prefilter: bool) -> list[tuple]:
    saved = kind._words
    kind._words = saved if prefilter else dict.fromkeys(saved)
    try:
        return [(f.code, f.start, f.end, f.message, f.suggestions) for f in kind.check(doc)]
    finally:
        kind._words = saved


def test_claims_without_subjects_derive_their_words_from_their_patterns() -> None:
    kinds = _claim_kinds()
    assert {k.rule.code for k in kinds} >= {"CL306", "CL313"}
    for kind in kinds:
        for index, words in kind._words.items():
            assert words, kind.claims[index].id  # each built-in claim without subjects gets a prefilter
            for pattern, sets in zip(kind.claims[index].wrong, words):
                assert all(w in pattern.lower() for word_set in sets for w in word_set), kind.claims[index].id


@pytest.mark.parametrize("pattern, words", [
    (r"\bwater\s+boils\s+at\s+\d+", [{"water"}, {"boils"}, {"at"}]),
    (r"\b(?:a|one|each)\s+barrel\s+(?:of\s+oil\s+)?holds", [{"a", "one", "each"}, {"barrel"}]),
    (r"\bU\.S\.\s", [{"u"}, {"s"}]),
    (r"xboils\s+y", []),  # neither edge of 'xboils' nor of 'y' is certain
    (r"\bk(?:m|ilo)\b", []),  # alternatives glued to a word
    (r"\bfoo\s*bar\b", []),  # '\s*' may match nothing: 'foobar' is one word
    (r"(?i:\bLPG\b)", [{"lpg"}]),
    (r"\bmy_var\b", []),  # '_' glues words together
])
def test_required_words(pattern: str, words: list[set[str]]) -> None:
    from copylint.data.literals import required_words

    assert [set(s) for s in required_words(pattern)] == words


def test_claim_words_never_hide_a_match_in_the_examples() -> None:
    """With and without the derived whole-word prefilter, the examples (also in capitals, with other white
    space and glued to hyphens, apostrophes and odd characters) give the same findings."""
    kinds = _claim_kinds()
    matched = 0
    for kind in kinds:
        texts = [(e.bad or e.good or "").replace("⟦", "").replace("⟧", "") for e in kind.rule.examples]
        texts += [f"{f}.{g}" for f in ("A barrel of oil holds 50 gallons", "Water boils at 90C",
                                       "water freezes at 30F") for g in ("", "x")]
        texts += [t.replace(" ", space) for t in texts for space in ("\n", "\t", "\u00a0", "-", "'", "’", "²", "_")]
        texts += [t.upper() for t in texts]
        for text in texts:
            doc = doc_of(text)
            found = _claim_findings(kind, doc, prefilter=False)
            matched += bool(found)
            assert _claim_findings(kind, doc, prefilter=True) == found, (kind.rule.code, text)
    assert matched > 20


@pytest.mark.corpus
def test_claim_words_never_hide_a_match_in_the_news(corpus) -> None:
    from copylint.api import Linter

    files = sorted((corpus / "news").glob("*/*/*.txt")) + sorted((corpus / "news").glob("*/*.txt"))
    if not files:
        pytest.skip("no news articles in the corpus")
    linter, kinds, skipped = Linter(languagetool=False), _claim_kinds(), 0
    for path in files:
        doc = linter.parse(str(path), path.read_text(encoding="utf-8"), "plain")
        for kind in kinds:
            found = _claim_findings(kind, doc, prefilter=True)
            assert found == _claim_findings(kind, doc, prefilter=False), path.name
            skipped += len(kind._free_claims(doc)) < len(kind._free)
    assert skipped > len(files)  # the prefilter does rule documents out


def test_a_claim_file_with_triggers_is_refused() -> None:
    rule = {"code": "CL399", "name": "x", "kind": "claim", "severity": "warning", "message": "m",
            "claim": [{"id": "a", "wrong": ["x"], "fact": "f", "source": "s", "triggers": ["x"]}],
            "examples": [{"bad": "⟦x⟧"}, {"good": "y"}]}
    with pytest.raises(RuleError, match="triggers"):
        build_rule(rule, "x.toml")


def test_a_bad_claim_pattern_fails_when_the_rule_is_loaded() -> None:
    rule = {"code": "CL399", "name": "x", "kind": "claim", "severity": "warning", "message": "m",
            "claim": [{"id": "a", "wrong": ["(x"], "fact": "f", "source": "s"}],
            "examples": [{"bad": "⟦x⟧"}, {"good": "y"}]}
    with pytest.raises(RuleError, match="invalid regex"):
        build_rule(rule, "x.toml")


def test_folding_the_words_cannot_see_is_not_taken_as_absence() -> None:
    # A case-insensitive pattern folds 'ſ' to 's'; doc.words does not, so the shortcut stands aside.
    assert facts("A ſtone is 9 kg, they said.", "CL307") == ["9 kg"]
    assert facts("A MİLE is 9 km, they said.", "CL307") == ["9 km"]  # (?i) 'i' matches 'İ'; casefold() does not
    assert facts("Officials say LPG\u0301 and LPG are lighter than air.", "CL306") == ["lighter than air"]


def test_doc_words_hold_what_the_shortcuts_rely_on() -> None:
    # Lower-cased whole words and the parts of hyphenated and possessive ones, curly apostrophes straightened.
    words = doc_of("LPG-powered buses; the Court’s ruling, WHO's view and a light‐year.").words
    assert {"lpg", "powered", "lpg-powered", "court", "s", "who", "light", "year", "the"} <= words


def test_exact_words() -> None:
    from copylint.data.triggers import exact_words, may_contain

    assert exact_words(doc_of("Plain ASCII and curly ’quotes’ — fine."))
    assert not exact_words(doc_of("A ſtone"))
    assert not exact_words(doc_of("A MİLE"))
    assert not exact_words(doc_of("e\u0301 combining"))
    assert may_contain(doc_of("A ſtone"), frozenset({"stone"}))
    assert not may_contain(doc_of("A stone"), frozenset({"mile"}))


def test_phrases_a_document_may_hold() -> None:
    from copylint.data.triggers import exact_words, phrase_candidates
    from copylint.phrases import WordIndex, phrase_words

    phrases = ["WHO", "World Health Organization", "U.N.", "Co-operation", "G7", "+", "euro zone", "Euro Zone"]
    table = WordIndex(phrases)
    for text in ["The who and the un.", "A world health organization of g7 in the euro zone.", "Co-operation, u n",
                 "Nothing", "A ſtone of the WHO"]:
        doc = doc_of(text)
        plain = tuple(p for p in phrases if phrase_words(p) <= doc.words) if exact_words(doc) else tuple(phrases)
        assert phrase_candidates(doc, table) == tuple(p for p in phrases if p in plain or p == "+"), text
    assert phrase_candidates(doc_of("Nothing"), WordIndex(["WHO"])) == ()


# --- claims: a pattern is compiled and run only where the strings its matches need are ---------------------
def test_required_all() -> None:
    from copylint.data.literals import holds, required_all

    assert required_all(r"\b(?:a|one)\s+mile\s+is\s+(?P<v>\d+)\s*(?:km|kilomet(?:re|er)s?)") == (
        frozenset({"mile"}), frozenset({"is"}), frozenset({"km", "kilomet"}))
    assert frozenset({"metre", "meter"}) in required_all(r"(?:metre|meter)s?\s+(?:x|y)+z")
    assert required_all(r"\p{Lu}x") == () and required_all(r"(?!abc)d") == ()
    assert required_all(r"(?=abc)d") == (frozenset({"abc"}),)  # what a look-ahead reads, the searched text holds
    assert holds("a mile is 3 km", required_all(r"mile\s+is\s+\d+\s*km")) and not holds("a mile", (frozenset({"km"}),))


def test_fold_keeps_what_a_case_insensitive_letter_matches() -> None:
    from copylint.data.literals import fold

    assert fold("MİLE") == fold("MıLE") == fold("Mile") == "mile"
    any_letter = regex.compile(r"[a-z]", regex.I | regex.V1)
    for c in filter(any_letter.match, map(chr, range(0x2200))):
        for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
            if regex.match(f"(?i){letter}", c) or regex.match(letter, c, regex.I | regex.V1):
                assert fold(letter) in fold(c), (letter, c)
    assert facts("Officials say LPG is LİGHTER than air.", "CL306") == ["LİGHTER than air"]


def test_prefix() -> None:
    from copylint.data.literals import anchored_prefix, fold, prefix

    lead = prefix(r"\b(?:a|one)\s+mile\s+is\s+(?P<v>\d+)\s*km")
    assert lead.pattern == r"(?:a|one)(?:\s){1,}mile(?:\s){1,}is(?:\s){1,}(?:(?:\d){1,})(?:\s){0,}km"
    assert lead.search(fold("ONE\xa0MİLE IS 3 km")) and not lead.search(fold("a mile (1.6km) is"))
    assert prefix(r"\d+ km").search(fold("12 KM")) and not prefix(r"\d+ km").search("twelve km")
    assert prefix(r"\s*(?:x|y)?") is not None and prefix(r"\s*") is None and prefix(r"\p{Lu}+ km") is None
    # a group or a repeat whose tail is not rendered ends the lead: each match begins with what is rendered
    assert prefix(r"(?i:more\s+[\w-]+\s+x)").pattern == r"(?:more(?:\s){1,})"
    assert prefix(r"(?:ab\w|cd)+e").pattern == r"(?:(?:ab|cd))" and prefix(r"\(?(?:AP|EFE)/") is not None
    assert prefix(r"stra(?:ß|ss)e\s").search(fold("STRASSE ")) and prefix(r"strasse").search(fold("Straße"))
    # a class of literals, white space and digits is rendered whole (so a match at one place must begin with it)
    lead = anchored_prefix(r"(?i)(?:[\s,.:-]|\d+|may)++$")
    assert lead.pattern == r"(?:(?:(?:\s|,|\.|:|\-)|(?:\d){1,}|may)){1,}"
    assert lead.match(fold("MAY 3")) and lead.match(" 3") and not lead.match(fold("The council"))


def test_every_claim_match_holds_the_strings_its_pattern_needs() -> None:
    from copylint.data.literals import fold, holds, prefix
    from copylint.kinds.claim import Claim, _searchable

    for rule in (r for r in load_rules() if r.kind == "claim"):
        kind = Claim(rule)
        texts = [(e.bad or e.good).replace("⟦", "").replace("⟧", "") for e in rule.examples]
        texts += [t.upper() for t in texts] + [t.replace("s", "ſ").replace("k", "\u212a") for t in texts]
        texts += [t.upper().replace("I", "İ") for t in texts] + [t.replace("  ", "\xa0\n") for t in texts]
        found = 0
        for index, claim in enumerate(kind.claims):
            for n, needs in enumerate(kind._needs[index]):
                for text in texts:
                    lead = prefix(_searchable(claim.wrong[n]))
                    for m in kind._compiled(index, n).finditer(text):
                        found += 1
                        assert holds(fold(m.group()), needs), (claim.id, m.group())
                        assert lead is None or lead.search(fold(m.group())), (claim.id, m.group())
        assert found >= len([e for e in rule.examples if e.bad]), rule.code


# --- contradiction: a value is tried only when the description holds a literal it needs -------------------
def test_required_literals() -> None:
    from copylint.data.literals import required

    assert required(r"\bused\s+(?:as|in)\s+fuels?\b") == frozenset({"used"})
    assert required(r"(?:charity|NGO)\b") == frozenset({"charity", "ngo"})
    assert required(r"organi[sz]ation") in (frozenset({"organi"}), frozenset({"ation"}))
    assert required(r"(?:a|b)?") is None
    assert required(r"\p{Lu}+") is None  # regex-module syntax: no claim made
    rng = random.Random(8)
    rule = next(r for r in load_rules() if r.kind == "contradiction")
    patterns = ["|".join(f"(?:{p})" for p in ps) for f in rule.params["facet"] for ps in f["values"].values()]
    words = ["a", "an", "gas", "GAS", "liquid", "company", "firm", "Democrat", "used", "as", "fuel", "river", "in",
             "city", "country", "of", "ﬁrm", "ſolid", "charity", "NGO", "non-profit", "cooking", "heating", "x"]
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        for pattern in patterns:
            needs = required(pattern)
            if regex.search(pattern, text, regex.IGNORECASE | regex.V1):
                assert needs is None or any(s in text.casefold() for s in needs), (pattern, text)


# --- names: lower-case words and name keys --------------------------------------------------------------
def test_lower_words_equal_a_full_findall() -> None:
    from copylint.data.names import _LOWER_WORD, _LowerWords

    pieces = ["the", "The", "mr", "Mr", "don't", "dogs'", "e-mail", "abc-defG", "x2", "a--the", "’s", "'", "-", " ",
              ".", ",", "é", "İ", "\u0301", "_", "other", "jean-claude", "o'neill"]
    words = ["the", "mr", "s", "claude", "e-mail", "abc-", "e", "t", "don't", "neill", "other", "a--the", "é"]
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 15)))
        lower = _LowerWords(text)
        for hyphens in (True, False):
            every = {w.lower() for w in regex.findall(_LOWER_WORD[hyphens], text)}
            assert [w in every for w in words] == [lower.has(w, hyphens) for w in words], repr(text)


def test_name_key_fast_paths_equal_folding() -> None:
    from copylint.data.names import _ABBREVIATED, _FULL, fold, name_key

    def plain(name: str) -> str:
        if "t" in name:
            name = _ABBREVIATED.sub(lambda m: _FULL[m.group(1)], name)
        key = "".join(c for c in fold(name).casefold() if c.isalnum())
        return key if key.isascii() else ""

    pool = [chr(i) for i in range(0x20, 0x250)] + list("’–·ЖжΩ中ßſﬁİıͅ͏") + ["St", "St.", "Mt ", "Ft."]
    rng = random.Random(2)
    for _ in range(20000):
        name = "".join(rng.choice(pool) for _ in range(rng.randint(0, 10)))
        assert name_key.__wrapped__(name) == plain(name), repr(name)


# --- gazetteer build: capital cities looked up once ------------------------------------------------------
def test_cities_by_key_picks_the_first_most_populous() -> None:
    from copylint.data.build import _cities_by_key
    from copylint.data.names import name_key

    cities = {
        "1": {"countrycode": "XA", "name": "Alpha", "alternatenames": ["Alfa"], "population": 10},
        "2": {"countrycode": "XA", "name": "Alfa", "alternatenames": [], "population": 30},
        "3": {"countrycode": "XA", "name": "Alfa City", "alternatenames": ["Alpha"], "population": 30},
        "4": {"countrycode": "XB", "name": "Alpha", "alternatenames": [], "population": None},
    }
    alternates = {gid: [(a, name_key(a)) for a in c["alternatenames"]] for gid, c in cities.items()}
    best = _cities_by_key(cities, alternates)
    assert best[("XA", "alfa")] is cities["2"]
    assert best[("XA", "alpha")] is cities["3"]
    assert best[("XB", "alpha")] is cities["4"]


# --- names style sheet: a piece whose first letters the folded prose lacks is left out ---------------------
def test_style_sheet_shortcut_equals_trying_every_piece(monkeypatch) -> None:
    from copylint.kinds import names_style_sheet as N

    rule = next(r for r in load_rules() if r.kind == "names-style-sheet")
    sheet = ("Ursula von der Leyen", "Jean-Claude Juncker", "SoftBank", "Ian Smith", "Łódź", "-de Gaulle", "G7")
    texts = ["Shares in Rolls Royce and ROLLS-ROYCE rose; rolls\u2010royce too.", "Softbank and Soft Bank; Der Leyen.",
             "ſoftbank rose.", "İAN SMİTH and ıan smith spoke.", "Coca Cola, \u212aelvin, Harley Davidson", "Nothing.",
             "Lodz and łódź; G 7 and g7; Jean Claude Juncker and Von Der Leyen."]
    kind = N.StyleSheet(rule)

    def run() -> list[list[str]]:
        out = []
        for text in texts:
            doc = doc_of(text)
            doc.context = {"names": sheet}
            out.append([f.text for f in kind.check(doc)])
        return out

    fast = run()
    assert sum(map(len, fast)) >= 8
    monkeypatch.setattr(N, "exact_words", lambda doc: False)
    assert run() == fast


def test_contradiction_reads_the_mention_readers_name_possessively() -> None:
    """contradiction._name() rewrites each word of data.mentions.NAME into a possessive form by string replacement;
    if mentions.py writes a word otherwise, the rewrite would silently stop applying (same matches, slower)."""
    from copylint.data.mentions import NAME
    from copylint.kinds import contradiction

    assert contradiction._LETTERS in NAME
    assert contradiction._LETTERS not in contradiction._name()
