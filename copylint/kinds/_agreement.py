"""What the agreement kinds share: auxiliaries, modals, clause openers and a noun's number."""
from __future__ import annotations


_MODALS = frozenset("will would can could shall should may might must".split())
_VERBS = {"is": ("singular", "are"), "was": ("singular", "were"), "has": ("singular", "have"), "does": ("singular", "do"),
          "are": ("plural", "is"), "were": ("plural", "was"), "have": ("plural", "has"), "do": ("plural", "does")}
# Their negated contractions, with a straight apostrophe (a curly one is matched and kept as written).
_NEGATED = {"isn't": ("singular", "aren't"), "wasn't": ("singular", "weren't"), "hasn't": ("singular", "haven't"),
            "doesn't": ("singular", "don't"), "aren't": ("plural", "isn't"), "weren't": ("plural", "wasn't"),
            "haven't": ("plural", "hasn't"), "don't": ("plural", "doesn't")}


def _shape_number(noun: str, classes) -> str | None:
    """A noun's number where the shape has already placed a noun (verb readings do not matter: "the houses, which"):
    singular-only, or plural (plural-only, or a plural form of another lemma: "people")."""
    tags = classes.of(noun)
    if "NN" in tags and "NNS" not in tags:
        return "singular"
    if "NNS" in tags and ("NN" not in tags or classes.lemma_of(noun) not in (None, noun)):
        return "plural"
    return None


_CLAUSE_OPENERS = frozenset('.!?;:"“')
