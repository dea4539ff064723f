"""A self-contained HTML review page: each article as a reader sees it, findings highlighted in place in their
family's colour, margin notes (message, why, fix before → after), a summary bar with filters, keyboard
navigation; several files get an index. Every piece of article text and finding is escaped; the page loads
nothing (a Content-Security-Policy allows only its own inline style and script, by hash)."""
from __future__ import annotations

import base64
import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Iterable, Sequence

from .. import __version__
from ..document import Document, ProseBlock
from ..engines.languagetool import is_spelling
from ..formats import format_for_path, parser_for
from ..model import Finding
from ..rule import FAMILIES
from ..streaming import spin_codes, text_spin
from .context import ReportContext

FAMILY_ORDER = (*FAMILIES.values(), "meta")
SEVERITY_ORDER = ("error", "warning", "info")
_HEADINGS = {"title": "h2", "heading": "h3"}
_MAX_QUOTE = 90


def family(f: Finding) -> str:
    """The finding's family: its code's first digit, LanguageTool's spelling or grammar, 9xx copylint itself."""
    if f.code.startswith("LT:"):
        data = dict(f.data)
        spelling = is_spelling(str(data.get("languagetool_rule", f.code[3:])), str(data.get("languagetool_issue_type", "")))
        return "spelling" if spelling else "grammar"
    return FAMILIES.get(f.code[2:3], "meta")


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    here = Path(__file__).resolve().parent
    return (here / "html.css").read_text(encoding="utf-8"), (here / "html.js").read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass
class _Piece:
    """One unit of the rendered article: a prose block, or source text holding a finding outside the prose."""

    start: int  # source offset, for ordering
    block: ProseBlock | None = None  # None: findings outside the prose, shown as their source text
    notes: list[int] = field(default_factory=list)  # findings whose margin note stands beside this piece
    points: dict[int, list[int]] = field(default_factory=dict)  # text position -> findings shown there as chips


def report(findings: Sequence[Finding], ctx: ReportContext) -> str:
    by_path: dict[str, list[Finding]] = {path: [] for path in ctx.sources}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    paths = sorted(by_path)
    codes = spin_codes(ctx.rules.values()) if ctx.rules else frozenset()
    files = [_FileReport(i, path, ctx.sources.get(path, ""), by_path[path], ctx, codes) for i, path in enumerate(paths)]
    css, js = _assets()
    title = f"copylint review: {paths[0]}" if len(paths) == 1 else f"copylint review: {len(paths)} files"
    csp = (f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="copylint {escape(__version__)}">',
        f"<title>{escape(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        '<body class="report">',
        _summary_bar(files),
        '<main id="main">',
    ]
    if len(files) > 1:
        out.append(_index(files))
    out.extend(f.render() for f in files)
    if not files:
        out.append('<p class="empty">No files were checked.</p>')
    out += [
        "</main>",
        '<footer class="help" id="help"><p><kbd>j</kbd>/<kbd>n</kbd> next finding · <kbd>k</kbd>/<kbd>p</kbd> '
        "previous · <kbd>Esc</kbd> clear · click a highlight or a note to select it · filters in the bar above "
        f"· made by copylint {escape(__version__)}</p></footer>",
        f"<script>{js}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _counts(findings: Iterable[Finding], key) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[key(f)] = counts.get(key(f), 0) + 1
    return counts


def _summary_bar(files: Sequence["_FileReport"]) -> str:
    everything = [f for file in files for f in file.findings]
    by_family = _counts(everything, family)
    by_severity = _counts(everything, lambda f: f.severity.value)
    spun = [file for file in files if file.spin[1]]
    if len(files) == 1:
        score, phrases = files[0].spin
        spin = f"{score:.1f} per 1,000 words ({phrases} spun phrase{'s' if phrases != 1 else ''})"
    else:
        spin = f"{len(spun)} of {len(files)} files have spun phrases"
    family_buttons = "".join(
        f'<button type="button" class="filter fam-{fam}" data-filter="fam-{fam}" aria-pressed="true">'
        f'<span class="swatch"></span>{fam} <b>{by_family[fam]}</b></button>'
        for fam in FAMILY_ORDER if by_family.get(fam))
    severity_buttons = "".join(
        f'<button type="button" class="filter sev-{sev}" data-filter="sev-{sev}" aria-pressed="true">'
        f'{sev} <b>{by_severity[sev]}</b></button>'
        for sev in SEVERITY_ORDER if by_severity.get(sev))
    total = len(everything)
    return (
        '<header class="bar" id="bar">'
        f'<p class="brand">copylint review <span class="total">{total} finding{"s" if total != 1 else ""}'
        f'{" in " + str(len(files)) + " files" if len(files) > 1 else ""}</span>'
        f'<span class="spin" title="Spun phrases per 1,000 words">Spin score: {escape(spin)}</span></p>'
        f'<div class="filters" role="group" aria-label="Show families">{family_buttons}</div>'
        f'<div class="filters" role="group" aria-label="Show severities">{severity_buttons}</div>'
        '<p class="nav"><button type="button" id="prev" title="Previous finding (k)">↑ prev</button>'
        '<button type="button" id="next" title="Next finding (j)">↓ next</button>'
        '<span id="position" aria-live="polite"></span></p>'
        "</header>"
    )


def _index(files: Sequence["_FileReport"]) -> str:
    head = "".join(f'<th scope="col" class="fam-{fam}"><span class="swatch"></span>{fam}</th>' for fam in FAMILY_ORDER)
    rows = []
    for file in files:
        counts = _counts(file.findings, family)
        cells = "".join(f"<td>{counts.get(fam, '') or ''}</td>" for fam in FAMILY_ORDER)
        rows.append(f'<tr><th scope="row"><a href="#file-{file.number}">{escape(file.path)}</a></th>'
                    f"<td><b>{len(file.findings)}</b></td>{cells}<td>{file.spin[0]:.1f}</td></tr>")
    return ('<section class="index" id="index" aria-label="Files"><h1>Files</h1><table>'
            f'<thead><tr><th scope="col">file</th><th scope="col">findings</th>{head}'
            f'<th scope="col">spin</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


class _FileReport:
    def __init__(self, number: int, path: str, source: str, findings: list[Finding], ctx: ReportContext,
                 codes: frozenset[str]) -> None:
        self.number = number
        self.path = path
        self.source = source
        self.findings = sorted(findings, key=lambda f: (f.start, f.end, f.code))
        self.ctx = ctx
        self.spin = text_spin(self.findings, source, codes) if codes else (0.0, 0)

    def render(self) -> str:
        doc: Document = parser_for(format_for_path(self.path))(self.path, self.source)
        pieces = self._place(doc)
        heading = (f'<h1 class="file-name">{escape(self.path)}</h1>'
                   f'<p class="file-counts">{len(self.findings)} finding{"s" if len(self.findings) != 1 else ""}'
                   f"{self._spin_note()}</p>")
        body = [self._row(p) for p in pieces]
        if not self.findings:
            body.append('<p class="empty">No findings.</p>')
        return (f'<article class="file" id="file-{self.number}" aria-label="{escape(self.path)}">{heading}'
                f'{"".join(body)}</article>')

    def _spin_note(self) -> str:
        score, phrases = self.spin
        return f" · spin score {score:.1f} ({phrases} spun)" if phrases else ""

    # -- where each finding is shown ----------------------------------------------------------------
    def _place(self, doc: Document) -> list[_Piece]:
        blocks = sorted((b for b in doc.blocks if b.text), key=lambda b: b.to_source(0))
        pieces = [_Piece(b.to_source(0), block=b) for b in blocks]
        maps = [_offsets(b) for b in blocks]
        starts = [m[0] for m in maps]
        raw: dict[int, _Piece] = {}
        for i, f in enumerate(self.findings):
            placed = False
            # A block shows the finding when one of its characters lies in the span.
            j = max(0, bisect_right(starts, f.start) - 1)
            while j < len(blocks) and starts[j] < max(f.end, f.start + 1):
                m = maps[j]
                lo, hi = bisect_left(m, f.start), bisect_left(m, f.end)
                if lo < hi:
                    pieces[j].notes.append(i)
                    placed = True
                    break
                if m[0] <= f.start <= m[-1] + 1:  # inside the block's stretch, on markup the reader never sees
                    pieces[j].points.setdefault(lo, []).append(i)
                    pieces[j].notes.append(i)
                    placed = True
                    break
                j += 1
            if not placed:  # outside the prose: shown as the source text it is
                raw.setdefault(f.start, _Piece(f.start)).notes.append(i)
        pieces.extend(raw.values())
        pieces.sort(key=lambda p: (p.start, p.block is None))
        return [p for p in pieces if p.block is not None or p.notes]

    # -- rendering ------------------------------------------------------------------------------------
    def _row(self, piece: _Piece) -> str:
        if piece.block is not None:
            tag = _HEADINGS.get(piece.block.scope, "p")
            inner = self._block_html(piece)
            text = f'<{tag} class="prose scope-{escape(piece.block.scope)}">{inner}</{tag}>'
        else:
            marks = "".join(self._chip(i) + self._ref(i) for i in piece.notes)
            text = f'<p class="prose outside"><span class="outside-label">in the markup:</span> {marks}</p>'
        notes = "".join(self._note(i) for i in piece.notes)
        return f'<div class="row">{text}<aside class="notes">{notes}</aside></div>'

    def _block_html(self, piece: _Piece) -> str:
        block = piece.block
        text = block.text
        m = _offsets(block)
        spans = []  # (finding, lo, hi) in block text positions
        for i in piece.notes:
            f = self.findings[i]
            lo, hi = bisect_left(m, f.start), bisect_left(m, f.end)
            if lo < hi:
                spans.append((i, lo, hi))
        # Findings that continue from an earlier block (a span over a paragraph break) are highlighted here too.
        first = m[0]
        for i, f in enumerate(self.findings):
            if f.start < first < f.end and i not in piece.notes:
                hi = bisect_left(m, f.end)
                if hi > 0:
                    spans.append((i, 0, hi))
        # Each finding's number stands after its last highlighted character, as a proof mark.
        last = m[-1] + 1
        refs: dict[int, list[int]] = {}
        for i, lo, hi in spans:
            if self.findings[i].end <= last or hi == len(text):
                refs.setdefault(hi, []).append(i)
        cuts = sorted({0, len(text), *(lo for _, lo, _ in spans), *(hi for _, _, hi in spans), *piece.points})
        out = []
        for a, b in zip(cuts, cuts[1:] + [None]):
            if a in refs:
                out.append(self._ref(*refs[a]))
            for i in piece.points.get(a, ()):
                out.append(self._chip(i) + self._ref(i))
            if b is None:
                break
            active = [i for i, lo, hi in spans if lo <= a and b <= hi]
            chunk = _escape_text(text[a:b])
            out.append(self._mark(active, chunk) if active else chunk)
        return "".join(out)

    def _ref(self, *ids: int) -> str:
        f = self.findings[ids[0]]
        return (f'<sup class="ref fam-{family(f)}" data-f="{" ".join(str(i) for i in ids)}">'
                f'{",".join(str(i + 1) for i in ids)}</sup>')

    def _mark(self, active: list[int], chunk: str) -> str:
        inner = min(active, key=lambda i: (self.findings[i].end - self.findings[i].start, i))
        f = self.findings[inner]
        multi = " multi" if len(active) > 1 else ""
        return (f'<mark class="hl fam-{family(f)} sev-{f.severity.value}{multi}" '
                f'data-f="{" ".join(str(i) for i in active)}">{chunk}</mark>')

    def _chip(self, i: int) -> str:
        """A finding with no reader-visible character: its source text (or an insertion caret) in place."""
        f = self.findings[i]
        shown = _escape_text(_clip(f.text)) if f.text else "‸"
        return f'<mark class="hl chip fam-{family(f)} sev-{f.severity.value}" data-f="{i}">{shown}</mark>'

    def _note(self, i: int) -> str:
        f = self.findings[i]
        rule = self.ctx.rules.get(f.code) if self.ctx.rules else None
        line, column = self.ctx.position(f.path, f.start)
        fam = family(f)
        why = ""
        if rule is not None and (rule.description or rule.source):
            first, _, rest = (rule.description or "").strip().partition("\n\n")
            source = f'<p class="source">Source: {escape(rule.source)}</p>' if rule.source else ""
            more = "".join(f"<p>{escape(p)}</p>" for p in rest.split("\n\n") if p.strip())
            why = (f'<details class="why"><summary>Why</summary><p>{escape(first)}</p>{more}{source}</details>'
                   if first or source else "")
        return (
            f'<div class="note fam-{fam} sev-{f.severity.value}" id="f{self.number}-{i}" data-f="{i}" '
            f'data-code="{escape(f.code)}" data-start="{f.start}" data-end="{f.end}" tabindex="-1">'
            f'<p class="head"><span class="num">{i + 1}</span><span class="code">{escape(f.code)}</span> '
            f'<span class="name">{escape(f.name)}</span> <span class="sev">{f.severity.value}</span> '
            f'<span class="where">line {line}:{column}</span></p>'
            f'<p class="msg">{escape(f.message)}</p>{self._fix(f)}{why}</div>'
        )

    def _fix(self, f: Finding) -> str:
        if f.fix is not None:
            lo = min(f.start, *(e.start for e in f.fix.edits))
            hi = max(f.end, *(e.end for e in f.fix.edits))
            before = self.source[lo:hi]
            after, pos = [], lo
            for e in sorted(f.fix.edits, key=lambda e: e.start):
                after.append(self.source[pos:e.start])
                after.append(e.content)
                pos = e.end
            after.append(self.source[pos:hi])
            new = "".join(after)
            label = {"safe": "safe fix", "unsafe": "unsafe fix: check it",
                     "display-only": "suggestion"}[f.fix.applicability.value]
            shown_new = f"<ins>{_escape_text(_clip(new))}</ins>" if new.strip() else '<span class="delete">delete</span>'
            return (f'<p class="fix"><del>{_escape_text(_clip(before))}</del> → {shown_new} '
                    f'<span class="applicability">{label}</span></p>')
        if f.suggestions:
            return ('<p class="fix">Suggested: '
                    + ", ".join(f"<ins>{_escape_text(_clip(s))}</ins>" for s in f.suggestions[:3]) + "</p>")
        return ""


def _offsets(block: ProseBlock) -> Sequence[int]:
    """Source offset of each character of the block's text (increasing)."""
    if block.offsets is None:
        return range(block.start, block.start + len(block.text))
    return block.offsets


def _clip(text: str) -> str:
    """Long quotes keep their first and last words."""
    text = " ".join(text.split()) if "\n" in text else text
    if len(text) <= _MAX_QUOTE:
        return text
    head, tail = text[: _MAX_QUOTE // 2], text[-_MAX_QUOTE // 2 :]
    return f"{head.rsplit(' ', 1)[0] if ' ' in head else head} … {tail.split(' ', 1)[-1]}"


def _escape_text(text: str) -> str:
    """Escaped, with line breaks kept visible."""
    return escape(text, quote=False).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
