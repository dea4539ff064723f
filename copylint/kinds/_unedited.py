"""Whether a document is visibly unedited (a learner's essay, a pasted forum post): dense with slips no edited copy shows."""
from __future__ import annotations

import re

from ..data.lexicon import loanwords, word_classes, word_frequencies
from ..document import Document

# At least MIN_SLIPS slips, one per SLIP_WORDS words: a 20-word sentence with a misspelling and a lower-case "i" is a
# draft; a 500-word news article would need 25, and the densest clean article in ../shared/corpus/news has under 10.
MIN_SLIPS = 1
SLIP_WORDS = 20

# A lower-case word as written (not part of a hyphenated word, a path, an address or a contraction).
_WORD = re.compile(r"(?<![\w'’@/.\\-])[a-z]{3,}(?![\w'’@/\\-]|\.\w)")
# The pronoun "i" in lower case (not a list's "(i)", "i.e." or a path).
_LOWER_I = re.compile(r"(?<![\w'’(./\\-])i(?=\s+[a-z])")
# A sentence that opens in lower case: a full stop after a word of three letters or more ("etc." and initials
# excluded), then a lower-case word.
_LOWER_START = re.compile(r"(?<![\w.])(?!etc\.)[A-Za-z]{3,}[.!?]\s+[a-z]{2,}\b")
# Contractions written without their apostrophe that are not words of their own ("dont"; not "cant", "wont", "ill").
_BARE_CONTRACTIONS = frozenset("dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt couldnt wouldnt shouldnt "
                               "mustnt im ive youre theyre thats whats theres hes shes youve weve theyve".split())


def is_unedited(doc: Document) -> bool:
    """Whether doc is dense with slips (once per document)."""
    return doc.memo("unedited-draft", lambda: _dense(doc))


def _dense(doc: Document) -> bool:
    words = doc.word_count
    found = 0
    for block in doc.blocks:
        found += slips(block.text)
        if found >= MIN_SLIPS and found * SLIP_WORDS >= words:
            return True
    return False


def slips(text: str) -> int:
    """The slips in text that edited copy does not have: lower-case words no English word list holds (misspellings),
    contractions without their apostrophe, the pronoun "i" and sentences that open in lower case."""
    frequencies, classes, borrowed = word_frequencies(), word_classes(), loanwords()
    found = len(_LOWER_I.findall(text)) + len(_LOWER_START.findall(text))
    for word in _WORD.findall(text):
        if word in _BARE_CONTRACTIONS or word not in frequencies and word not in borrowed and not classes.of(word):
            found += 1
    return found
