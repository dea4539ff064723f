"""Required literals: strings one of which every text a pattern matches in contains, to skip text it cannot match.

Matching case-insensitively, compare them with fold(text)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import regex_syntax

# Syntax of the regex module that regex_syntax might misread: no literals then. (It refuses nested sets, set
# operations, fuzzy constraints and unknown escapes and groups itself.)
_REGEX_ONLY = ("\\X", "\\G", "\\N{", "\\m", "\\M", "(?V", "(?r", "(?w", "(?f",
               "(?|", "(?&", "(?(", "(?P>", "(?R", "(?b", "(?e", "(?p")


_ESCAPED = re.compile(r"\\.", re.DOTALL)


def fold(text: str) -> str:
    """Full case folding, with the Turkic i's folded to 'i' as well: a case-insensitive pattern's 'i' matches
    'İ' (which folds to 'i' and a combining dot) and its 'I' matches 'ı' (which folds to itself)."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return folded.replace("i\u0307", "i").replace("ı", "i")


@lru_cache(maxsize=None)
def required(pattern: str) -> frozenset[str] | None:
    """Folded strings (see fold) one of which every text pattern matches in contains (in the match, or where a look-around
    reads); None when no such set is known."""
    found = None
    for strings in _sets(pattern) or ():
        found = _better(found, strings)
    return frozenset(fold(s) for s in found) if found else None


@lru_cache(maxsize=None)
def required_all(pattern: str, shortest: int = 2) -> tuple[frozenset[str], ...]:
    """Sets of folded strings (see fold) of which every match of pattern contains one each; sets holding a
    string shorter than `shortest` rule out too little and are left out. Empty when none is known."""
    sets = (frozenset(fold(s) for s in found) for found in _sets(pattern) or ())
    return tuple(dict.fromkeys(s for s in sets if min(map(len, s)) >= shortest))


def _sets(pattern: str) -> list[frozenset[str]] | None:
    """Every necessary set of the pattern (_all of its tree; None when it is not read). Parsing is most of the
    cost of a short run, so the sets are kept across runs in the cache directory (see _store)."""
    store, key = _store()["sets"], _key(pattern)
    found = store.get(key, _UNKNOWN)
    if found is _UNKNOWN:
        parsed = _parse(pattern)
        found = store[key] = None if parsed is None else [sorted(s) for s in _all(*parsed)]
        _changed()
    return None if found is None else [frozenset(s) for s in found]


_UNKNOWN = object()
_STORE: dict | None = None


def _key(pattern: str) -> str:
    """A pattern's key in the store: a digest, so that the store (read by every run) stays small whatever the
    length of the patterns."""
    from hashlib import blake2b

    return blake2b(pattern.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _store_path():
    """The file of derived sets for this copylint and this exact derivation code (any edit to it starts afresh)."""
    from hashlib import blake2b

    from .. import __version__
    from ..cache import default_dir

    h = blake2b(__version__.encode(), digest_size=16)
    for module in (__file__, regex_syntax.__file__):
        with open(module, "rb") as handle:
            h.update(handle.read())
    return default_dir() / "literals" / f"{h.hexdigest()}.json"


def _store() -> dict:
    global _STORE
    if _STORE is None:
        from ..cache import read_json

        try:
            stored = read_json(_store_path(), expect=dict) or {}
        except OSError:
            stored = {}
        sets, leads, anchored, probes = (stored.get(k) for k in ("sets", "leads", "anchored", "probes"))
        sets = sets if isinstance(sets, dict) else {}
        leads = leads if isinstance(leads, dict) else {}
        anchored = anchored if isinstance(anchored, dict) else {}
        probes = probes if isinstance(probes, dict) else {}
        _STORE = {"sets": {k: v for k, v in sets.items() if v is None or isinstance(v, list) and all(
                      isinstance(s, list) and s and all(isinstance(x, str) and x for x in s) for s in v)},
                  "leads": {k: v for k, v in leads.items() if isinstance(v, str)},
                  "anchored": {k: v for k, v in anchored.items() if isinstance(v, str)},
                  "probes": {k: v for k, v in probes.items()
                             if isinstance(v, list) and all(isinstance(x, str) and x for x in v)}}
    return _STORE


_SAVING: list = []


def _changed() -> None:
    """Write the store back when this process exits (once, whatever it added)."""
    if not _SAVING:
        import atexit

        _SAVING.append(True)
        atexit.register(_save)


def _save() -> None:
    from ..cache import write_json

    try:
        write_json(_store_path(), _STORE)
    except OSError:
        pass


# Per folded text lately asked about (the blocks of a document: each rule asks about each in turn): per string,
# whether the text holds it. Emptied when it holds _READ_TEXTS texts.
_READ: dict[str, dict[str, bool]] = {}
_READ_TEXTS = 256


def holds(folded: str, needs: tuple[frozenset[str], ...]) -> bool:
    """Whether a folded text (see fold) holds one string of each set of required_all(). Each string is looked for
    once per text: dozens of patterns ask about the same strings, and a text of millions of characters costs a
    scan per question."""
    seen = _READ.get(folded)
    if seen is None:
        if len(_READ) >= _READ_TEXTS:
            _READ.clear()
        seen = _READ[folded] = {}
    for strings in needs:
        for s in strings:
            found = seen.get(s)
            if found is None:
                found = seen[s] = s in folded
            if found:
                break
        else:
            return False
    return True


@lru_cache(maxsize=None)
def prefix(pattern: str) -> "re.Pattern[str] | None":
    """A standard-library pattern that finds a match in fold(text) wherever the (case-insensitive) pattern
    finds one in text: the pattern's leading literals, white space and groups of them, folded, up to the first
    item of another kind (assertions are left out: they only narrow). None when that lead holds no literal.
    The source is kept with the required sets (see _sets): parsing the pattern costs more than compiling it."""
    return _stored_lead("leads", pattern, _lead_source, r"\\s|[()?:|*+{},0-9]")


@lru_cache(maxsize=None)
def anchored_prefix(pattern: str) -> "re.Pattern[str] | None":
    """A standard-library pattern that matches fold(text) at the place where the (case-insensitive) pattern matches
    text, for the searches that begin at one place (match, fullmatch): prefix's lead, going on past classes, '.'
    and bounded repeats of them, each as a gap of any characters (_sketch). None when that lead holds no literal.
    Only for a match at one place: searched for everywhere, a gap would cost a scan per position."""
    return _stored_lead("anchored", pattern, lambda *parsed: _sketch_sequence(*parsed)[0],
                        r"\\s|\\d|\[\\s\\S\]|[()?:|*+{},0-9]")


def _stored_lead(table: str, pattern: str, render, no_literal: str) -> "re.Pattern[str] | None":
    """A lead rendered from the parsed pattern, kept in the store's table; None when nothing but no_literal's
    items (white space, digits, punctuation of the syntax) is left of it."""
    sources, key = _store()[table], _key(pattern)
    source = sources.get(key)
    if source is None:
        parsed = _parse(pattern)
        source = "" if parsed is None else render(*parsed)
        if not re.sub(no_literal, "", source):
            source = ""
        sources[key] = source
        _changed()
    return re.compile(source) if source else None


@lru_cache(maxsize=None)
def probes(pattern: str) -> "tuple[re.Pattern[str], ...]":
    """Standard-library patterns each of which finds a match in fold(text), within the span of each match of the
    (case-insensitive) pattern in text: the runs of its top-level items that _render renders whole, after the lead
    (prefix reads that), each from its first literal to its last; at most _PROBES, the most selective (see
    _better) first. A text that lacks one holds no match: 'X, the second city of Y' needs ', the second city of'
    where the required sets ask only for ',' and 'city'. Kept with the required sets (see _sets)."""
    store, key = _store()["probes"], _key(pattern)
    sources = store.get(key)
    if sources is None:
        parsed = _parse(pattern)
        sources = store[key] = [] if parsed is None else _probe_sources(*parsed)
        _changed()
    return tuple(re.compile(source) for source in sources)


_PROBES = 2


def _probe_sources(items, c) -> list[str]:
    return [source for _, source in _runs(items, c, True)[:_PROBES]]


def _runs(items, c, after_lead: bool) -> list[tuple[int, str]]:
    """(score, source) of a sequence's runs of whole-rendered items, and the best run inside each group it holds
    (every match passes through it), best first (score: the length of the shortest string of the run's best
    necessary set); after_lead leaves out the run from the first item. A sequence that is one alternation gives
    one run: each alternative's best, as alternatives (when every alternative has one)."""
    while len(items) == 1 and items[0][0] in (c.SUBPATTERN, c.ATOMIC_GROUP):  # a group around the whole sequence
        items = list(items[0][1])
    if len(items) == 1 and items[0][0] is c.BRANCH:
        best = [_runs(list(branch), c, False)[:1] for branch in items[0][1]]
        if not all(best):
            return []
        return [(min(run[0][0] for run in best), "(?:" + "|".join(run[0][1] for run in best) + ")")]
    runs: list[list] = []
    run: list = []
    inner: list[tuple[int, str]] = []  # the runs inside groups every match passes through
    for index, item in enumerate([*items, None]):
        rendered, whole = _render(item, c) if item is not None else ("", False)
        if whole:
            run.append((item, rendered))
            continue
        if item is not None and item[0] in (c.SUBPATTERN, c.ATOMIC_GROUP):
            inner += _runs(list(item[1]), c, False)[:1]
        if run and (len(run) < index or not after_lead):
            while run and not _has_literal(run[0][1]):
                run.pop(0)
            while run and not _has_literal(run[-1][1]):
                run.pop()
            if run:
                runs.append(run)
        run = []
    scored = []
    for run in runs:
        best_set = _sequence([item for item, _ in run], c)
        if best_set and min(map(len, best_set)) >= 2:
            scored.append((min(map(len, best_set)), len(best_set), "".join(rendered for _, rendered in run)))
    scored += [(score, 0, source) for score, source in inner]
    scored.sort(key=lambda entry: (-entry[0], entry[1]))
    return [(score, source) for score, _, source in scored]


def _has_literal(source: str) -> bool:
    """Whether a rendered source holds a literal character (not only white space, digits and syntax)."""
    return bool(re.sub(r"\\s|\\d|\[\\s\\S\]|[()?:|*+{},0-9]", "", source))


# What one character of the text, matched by a class or '.', may fold to: none (a combining dot after an 'i', which
# fold() drops) to three characters ('ﬃ' -> 'ffi'; a class matching 'SS' for 'ß' folds to the two of 'ß's fold).
_GAP, _GAP_WIDTH = "[\\s\\S]", 3
# The widest gap a lead holds, and the most gaps: past them it stops (each costs backtracking, not soundness).
_GAP_LIMIT, _GAPS = 240, 8


def _one_character(item, c) -> bool:
    """Whether the item matches one character (a literal, a class, a property, '.'), or under full case folding the
    few whose fold is that character's ('SS' for 'ß'); a named list matches strings."""
    op, av = item
    return op in (c.ANY, c.LITERAL) or op is c.IN and not any(o is c.CATEGORY and v == "named_list" for o, v in av)


def _sketch_sequence(items, c, budget: list | None = None) -> tuple[str, bool, bool]:
    """(source, whole, exact) of a sequence for anchored_prefix: as _render_sequence, but an item that matches one
    character (or a bounded repeat of one) is a gap of up to _GAP_WIDTH characters of the fold per character;
    exact is False when the source holds a gap. `budget` counts the gaps the whole lead may still open."""
    budget = [_GAPS] if budget is None else budget
    out: list[str] = []
    gap, exact, whole = 0, True, True
    for item in items:
        rendered, whole = _render(item, c)
        if not whole:
            op, av = item
            width = _GAP_WIDTH if _one_character(item, c) else None
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and len(av[2]) == 1 \
                    and _one_character(av[2][0], c):
                width = _GAP_LIMIT + 1 if av[1] is c.MAXREPEAT else _GAP_WIDTH * av[1]
            if width is not None:
                if gap + width > _GAP_LIMIT or not gap and not budget[0]:
                    whole = False
                    break  # an unbounded or too wide gap: the lead ends here
                budget[0] -= 0 if gap else 1
                gap, exact, whole = gap + width, False, True
                continue
            rendered, whole, inner = _sketch(item, c, budget)
            exact = exact and inner
        if gap:
            out.append("%s{0,%d}" % (_GAP, gap))
            gap = 0
        out.append(rendered)
        if not whole:
            break
    if gap:
        out.append("%s{0,%d}" % (_GAP, gap))
    return "".join(out), whole, exact


def _sketch(item, c, budget: list) -> tuple[str, bool, bool]:
    """(source, whole, exact) of one item _render cannot render whole (see _sketch_sequence)."""
    op, av = item
    if op in (c.SUBPATTERN, c.ATOMIC_GROUP):
        if len(av) == 1 and av[0][0] is c.BRANCH:
            return _sketch(av[0], c, budget)
        body, whole, exact = _sketch_sequence(av, c, budget)
        return "(?:" + body + ")", whole, exact
    if op is c.BRANCH:
        alternatives = [_sketch_sequence(branch, c, budget) for branch in av]
        return ("(?:" + "|".join(a for a, _, _ in alternatives) + ")", all(w for _, w, _ in alternatives),
                all(e for _, _, e in alternatives))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, body = av
        rendered, whole, exact = _sketch_sequence(body, c, budget)
        if high == 1 and whole:  # once, or optional
            return "(?:" + rendered + ")" + ("?" if low == 0 else ""), True, exact
        if low < 1:
            return "", False, True
        return ("(?:" + rendered + ")" if rendered else ""), False, exact  # how the first copy begins
    return "", False, True


def _lead_source(items, c) -> str:
    """The standard-library source for the leading items _render can render (see prefix)."""
    return _render_sequence(items, c)[0]


def _render_sequence(items, c) -> tuple[str, bool]:
    """(source, whole): the source of the sequence's leading items, and whether it renders all of them (else the
    source matches only how each match of the sequence begins)."""
    out = []
    for item in items:
        rendered, whole = _render(item, c)
        out.append(rendered)
        if not whole:
            return "".join(out), False
    return "".join(out), True


def _render(item, c) -> tuple[str, bool]:
    """One item as standard-library source over folded text (which every text it matches folds to a match
    of), and whether that source is the whole item (else it matches how each match of the item begins, and
    nothing after the item may be rendered). White space stays white space (the standard library's \\s is a
    superset of the regex module's, and folding keeps it), and so do digits (no character folds to a digit,
    and a digit folds to itself); a literal folds as the text does."""
    op, av = item
    if op is c.LITERAL:
        folded = fold(chr(av))
        return ("", False) if "\u0307" in folded else (re.escape(folded), True)  # fold() may drop a combining dot
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return "", True
    if op is c.IN:
        if av == [(c.CATEGORY, c.CATEGORY_SPACE)]:
            return r"\s", True
        if av == [(c.CATEGORY, "digit")]:
            return r"\d", True
        # literals, white space and digits ("[\s,.:-]"): each member as its own item renders
        if all(o is c.LITERAL or o is c.CATEGORY and v in (c.CATEGORY_SPACE, "digit") for o, v in av):
            alternatives = [_render((o, v) if o is c.LITERAL else (c.IN, [(o, v)]), c) for o, v in av]
            if all(whole for _, whole in alternatives):
                return "(?:" + "|".join(a for a, _ in alternatives) + ")", True
        return "", False
    if op in (c.SUBPATTERN, c.ATOMIC_GROUP):
        if len(av) == 1 and av[0][0] is c.BRANCH:
            return _render(av[0], c)
        body, whole = _render_sequence(av, c)
        return "(?:" + body + ")", whole
    if op is c.BRANCH:
        alternatives = [_render_sequence(branch, c) for branch in av]
        return "(?:" + "|".join(a for a, _ in alternatives) + ")", all(whole for _, whole in alternatives)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, body = av
        rendered, whole = _render_sequence(body, c)
        if not whole:  # only how the first copy begins, if there must be one
            return ("(?:" + rendered + ")", False) if low >= 1 and rendered else ("", False)
        return "(?:" + rendered + ")" + ("{%d,}" % low if high is c.MAXREPEAT else "{%d,%d}" % (low, high)), True
    return "", False


def _parse(pattern: str):
    """The pattern's syntax tree (items, node constants), or None when it uses syntax read differently by the
    regex module or outside the subset regex_syntax reads."""
    unescaped = _ESCAPED.sub("", pattern)  # ("\\(?(?:" is no conditional group)
    if any(s in (pattern if s[0] == "\\" else unescaped) for s in _REGEX_ONLY):
        return None
    try:
        return regex_syntax.parse(pattern), regex_syntax
    except regex_syntax.Unsupported:
        return None


def _all(items, c) -> list[frozenset[str]]:
    """Every necessary set of a sequence: its runs of literal characters, the sets of the groups and repeats
    (at least once) it holds, and each other item's set."""
    sets: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1 and av[2] \
                and all(o is c.LITERAL for o, _ in av[2]):
            # Literals repeated at least once ('XX+', '(?:ab){2,}') continue the run by their required copies
            # (at most a few), and the run ends there: 'XX+' needs 'XX', not just 'X'.
            run.extend(chr(v) for _ in range(min(av[0], 4)) for _, v in av[2])
            sets.append(frozenset(("".join(run),)))
            run = []
            continue
        if run:
            sets.append(frozenset(("".join(run),)))
            if op is c.BRANCH:  # a run before alternatives also needs one of its continuations ('k(?:m|ilo)')
                sets.append(frozenset("".join(run) + _lead(list(b), c) for b in av))
            run = []
        if op in (c.SUBPATTERN, c.ATOMIC_GROUP, c.ASSERT):
            # a positive look-around reads the searched text too: what it needs, the text holds
            sets.extend(_all(list(av), c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                sets.extend(_all(list(av[2]), c))
        elif op is not None:
            found = _node(op, av, c)
            if found:
                sets.append(found)
    return sets


def _sequence(items, c) -> frozenset[str] | None:
    """The best necessary set of a sequence (see _better)."""
    best: frozenset[str] | None = None
    for found in _all(items, c):
        best = _better(best, found)
    return best


def _lead(items, c) -> str:
    """The literal characters a sequence starts with."""
    lead = []
    for op, av in items:
        if op is not c.LITERAL:
            break
        lead.append(chr(av))
    return "".join(lead)


def _node(op, av, c) -> frozenset[str] | None:
    if op in (c.SUBPATTERN, c.ATOMIC_GROUP, c.ASSERT):
        return _sequence(list(av), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, sub = av
        return _sequence(list(sub), c) if low >= 1 else None
    if op is c.BRANCH:
        branches = [_sequence(list(b), c) for b in av]
        return None if any(b is None for b in branches) else frozenset().union(*branches)
    if op is c.IN and all(o is c.LITERAL for o, _ in av):
        return frozenset(chr(v) for _, v in av)
    return None  # anchors, classes, negative look-arounds, back references: no literal is certain


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The set that rules out more text: its shortest string longer, then fewer strings."""
    if a is None or b is None:
        return a or b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


@lru_cache(maxsize=None)
def required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of lower-case ASCII words of which every match of pattern holds one each as a whole word (set off
    on both sides by \\b, white space or a non-word character), to test against Document.words (trustworthy
    only where data.triggers.exact_words holds). Empty when none is known."""
    parsed = _parse(pattern)
    if parsed is None:
        return ()
    tree, c = parsed
    units: list = []  # _SEP, _OTHER or a frozenset of words (a run of word characters, or alternatives)
    for token in _word_tokens(tree, c):
        if isinstance(token, str) and units and isinstance(units[-1], str):
            units[-1] += token
        else:
            units.append(token)
    units = [frozenset((u,)) if isinstance(u, str) else u for u in units]
    found = (u for before, u, after in zip(units, units[1:], units[2:])
             if before is _SEP and after is _SEP and isinstance(u, frozenset))
    return tuple(dict.fromkeys(found))


_SEP, _OTHER = object(), object()


def _word_tokens(items, c) -> list:
    """The pattern as a flat list: a word character (lower-case ASCII letter or digit), _SEP (an item that only
    matches at a word's edge: \\b, white space, a non-word ASCII character), a frozenset (alternatives that are
    whole words, 'a|one|each') or _OTHER; groups are opened (concatenation is associative)."""
    out: list = []
    for op, av in items:
        if op is c.LITERAL:
            char = chr(av)
            if char.isascii() and char.isalnum():
                out.append(char.lower())
            else:
                out.append(_SEP if char.isascii() and char != "_" else _OTHER)
        elif op is c.AT and av == "boundary" or op is c.IN and av == [(c.CATEGORY, c.CATEGORY_SPACE)]:
            out.append(_SEP)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1 \
                and av[2] == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])]:
            out.append(_SEP)
        elif op in (c.SUBPATTERN, c.ATOMIC_GROUP):
            out.extend(_word_tokens(list(av), c))
        elif op is c.BRANCH:
            words = [_literal_word(b, c) for b in av]
            out.append(_OTHER if None in words else frozenset(words))
        else:
            out.append(_OTHER)
    return out


def _literal_word(items, c) -> str | None:
    """The lower-case ASCII word a branch alternative spells, or None."""
    word = "".join(chr(av) if op is c.LITERAL else "\x00" for op, av in items)
    return word.lower() if word.isascii() and word.isalnum() else None
