"""Fuzzing helpers shared by tests/test_fuzz.py and bench/fuzz.py: input generators and the checks on one text."""
from __future__ import annotations

import os
import random
import subprocess
import tempfile
from dataclasses import dataclass, field

FORMATS = ("plain", "markdown", "html")
EXTENSIONS = {"plain": ".txt", "markdown": ".md", "html": ".html"}
NEWLINES = ("\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\n\n", "\r\n\r\n")
# Pieces of real-looking copy and of what scrapers leave behind: the rules have something to find and fix.
FRAGMENTS = (
    "The council met on Tuesday.", "It agreed the the budget.", "Back to top", "Advertisement", "Share this article",
    "Read more", "Click here to subscribe", "&nbsp;", "&amp;amp;", "Ã©tÃ©", "[caption id=\"attachment_1\"]",
    "[/caption]", "{{template}}", "<br>", "<p>", "</p>", "<div class='x'>", "</div>", "<script>var a=1;</script>",
    "<!-- c -->", "<b>", "</b>", "<a href='x'>", "</a>", "# Heading", "## Sub", "> quote", "- item", "* item",
    "1. one", "```", "    code", "| a | b |", "|---|---|", "![alt](x.png)", "[link](http://x)", "**bold**",
    "_em_", "`code`", "Paris is the capital of France.", "a 12 km walk", "It was a very unique event.",
    "In conclusion, it is worth noting that", "Mr. Smith said.", "U.S.", "e.g.", "\t", "  ", "—", "–", "“quoted”",
    "‘single’", "…", "\u00a0", "\u200b", "\ufeff", "é", "e\u0301", "😀", "👩🏽‍💻", "𝔘𝔫𝔦", "中文", "عربي", "\U0010fffd",
)


def generate(rng: random.Random) -> tuple[str, str]:
    """(text, format) from one of the families: article-like copy, markup soup, mixed newlines, deep nesting,
    huge lines, random code points."""
    family = rng.randrange(7)
    fmt = rng.choice(FORMATS)
    if family == 0:  # copy with furniture, joined by assorted newlines
        parts = [rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 40))]
        text = "".join(p + rng.choice((" ", *NEWLINES)) for p in parts)
    elif family == 1:  # markup soup: tags and text glued in any order
        text = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 60)))
    elif family == 2:  # one newline style, or all of them
        nl = rng.choice(NEWLINES) if rng.random() < 0.5 else None
        text = "".join(rng.choice(FRAGMENTS) + (nl or rng.choice(NEWLINES)) for _ in range(rng.randint(1, 30)))
    elif family == 3:  # deep nesting
        depth = rng.choice((10, 100, 1000, 3000))
        opener, closer = rng.choice((("<div>", "</div>"), ("<b><i>", "</i></b>"), (">", ""), ("[", "]"), ("*", "*"),
                                     ("- ", ""), ("(", ")"), ("<ul><li>", "</li></ul>"), ("  ", "")))
        text = opener * depth + rng.choice(FRAGMENTS) + closer * depth
    elif family == 4:  # a huge line
        text = (rng.choice(FRAGMENTS) + " ") * rng.choice((200, 1000, 5000)) + rng.choice(("", "\n"))
    elif family == 5:  # random code points (no surrogates: input is UTF-8)
        text = "".join(_random_char(rng) for _ in range(rng.randint(0, 300)))
    else:  # a mix
        text = "".join(rng.choice(FRAGMENTS) if rng.random() < 0.7 else _random_char(rng)
                       for _ in range(rng.randint(0, 200)))
    if rng.random() < 0.1:
        text = "\ufeff" + text
    return text, fmt


def _random_char(rng: random.Random) -> str:
    while True:
        c = rng.choice((rng.randint(0, 0x7F), rng.randint(0, 0x7FF), rng.randint(0, 0xFFFF), rng.randint(0, 0x10FFFF)))
        if not 0xD800 <= c <= 0xDFFF and c != 0:
            return chr(c)


def random_bytes(rng: random.Random) -> bytes:
    """Input the reader must refuse or read: raw bytes, other encodings, truncated UTF-8."""
    text = generate(rng)[0]
    kind = rng.randrange(4)
    if kind == 0:
        return os.urandom(rng.randint(1, 2000))
    if kind == 1:
        return text.encode(rng.choice(("utf-16", "utf-32", "utf-16-le")))
    if kind == 2:
        return text.encode("latin-1", "replace")
    return text.encode("utf-8")[: rng.randint(0, max(1, len(text.encode("utf-8"))))]


@dataclass
class Verdict:
    offsets: list[str] = field(default_factory=list)  # a finding or edit whose offsets do not fit the text
    not_idempotent: bool = False
    lost: list[str] = field(default_factory=list)  # the fixed text lost what no fix removed (BOM), or patch differs


def check_text(linter, text: str, fmt: str, patch_check: bool = True, step=lambda: None) -> Verdict:
    """Lint and fix one text with the API: exact offsets, fixes idempotent, --diff (as patch applies it) equal
    to the fix. Exceptions propagate (they are the crashes). step() is called before each of the three runs (lint,
    fix, fix again): the caller's per-run clock."""
    verdict = Verdict()
    path = "doc" + EXTENSIONS[fmt]
    step()
    for f in linter.lint_source(path, text, fmt):
        if not (0 <= f.start <= f.end <= len(text)) or text[f.start:f.end] != f.text:
            verdict.offsets.append(f"{f.code} [{f.start}:{f.end}] {f.text!r} != {text[f.start:f.end]!r}")
        for e in f.fix.edits if f.fix is not None else ():
            if not (0 <= e.start <= e.end <= len(text)):
                verdict.offsets.append(f"{f.code} edit [{e.start}:{e.end}] outside the text")
    step()
    done = linter.fix(path, text, fmt)
    fixed = done.source
    if not done.looping and fixed != text:
        step()
        again = linter.fix(path, fixed, fmt)
        verdict.not_idempotent = again.source != fixed
    if text.startswith("\ufeff") and not fixed.startswith("\ufeff"):
        verdict.lost.append("BOM dropped")
    if patch_check and fixed != text:
        patched = apply_patch(text, fixed, path)
        if patched != fixed.encode("utf-8"):
            verdict.lost.append("patch of --diff differs from --fix")
    return verdict


def apply_patch(old: str, new: str, name: str) -> bytes:
    """What `patch -p1` makes of old given copylint's --diff of old to new."""
    from copylint.pipeline import unified_diff

    with tempfile.TemporaryDirectory() as folder:
        target = os.path.join(folder, name)
        with open(target, "wb") as handle:
            handle.write(old.encode("utf-8"))
        diff = unified_diff(old, new, name).encode("utf-8")
        subprocess.run(["patch", "-s", "-p1", "--no-backup-if-mismatch", "-d", folder], input=diff, check=True,
                       capture_output=True, timeout=30)
        with open(target, "rb") as handle:
            return handle.read()


def unsettled_files(stderr: bytes) -> list[str]:
    """The files a --fix run said its fixes did not settle in (a second run may fix more there)."""
    return [line.split(b": fixes did not settle", 1)[0].rsplit(b"warning: ", 1)[-1].decode("utf-8", "replace")
            for line in stderr.splitlines() if b"fixes did not settle" in line]
