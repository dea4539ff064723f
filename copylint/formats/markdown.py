"""Markdown: prose blocks from markdown-it-py tokens, with every prose character mapped to its source offset."""
from __future__ import annotations

import regex
from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..document import CODE_TOKEN, ProseBlock
from .boilerplate import furniture_role, looks_like_chrome
from .markup import Furniture, MarkupBlock, MarkupDocument, is_formula, normalize_newlines

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join").use(front_matter_plugin)
_SCOPE_OPEN = {"blockquote_open": "quote", "list_item_open": "list", "th_open": "table", "td_open": "table"}
_SCOPE_CLOSE = {"blockquote_close", "list_item_close", "th_close", "td_close"}
_DELIMITERS = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}


def parse(path: str, source: str) -> MarkupDocument:
    norm, back = normalize_newlines(source)
    line_starts = _line_starts(norm)
    tokens = _MD.parse(_blank_toml_front_matter(norm))
    builder = _Builder(norm, line_starts)
    scopes: list[str] = []
    furniture: list[Furniture] = []
    heading: Token | None = None
    row_line = -1
    cell = 0
    for token in tokens:
        kind = token.type
        if kind in _SCOPE_OPEN:
            scopes.append(_SCOPE_OPEN[kind])
            if kind in ("th_open", "td_open"):
                cell += 1
        elif kind in _SCOPE_CLOSE:
            scopes.pop()
        elif kind == "tr_open":
            row_line, cell = token.map[0] if token.map else -1, 0
        elif kind == "heading_open":
            heading = token
        elif kind == "heading_close":
            heading = None
        elif kind == "html_block" and token.map:
            item = _html_furniture(norm, line_starts, token, back)
            if item is not None:
                furniture.append(item)
        elif kind == "inline" and token.map:
            if heading is not None:
                cmap = _heading_map(norm, line_starts, token, heading.markup)
                builder.add(token, cmap, "heading", heading.tag)
            elif scopes and scopes[-1] == "table":
                builder.add(token, _cell_map(norm, line_starts, token.content, row_line, cell - 1), "table")
            else:
                builder.add(token, _lines_map(norm, line_starts, token), scopes[-1] if scopes else "paragraph")
    blocks, spans = builder.finish(back)
    for start, end in builder.styled:
        if back is not None:
            start, end = back[start], back[end - 1] + 1
        furniture.append(Furniture("style", start, end, -1, -1))
    furniture.sort(key=lambda item: item.start)
    return MarkupDocument(path, source, "markdown", blocks, spans, furniture)


_FIRST_TAG = regex.compile(r"\s*<([a-zA-Z][\w-]*)([^>]*)>")
# A style that restates a default ('font-weight: 400', 'vertical-align: baseline') or names Word's own properties:
# what a word processor's copy leaves on every run of text; nobody writes it by hand into a Markdown draft.
PASTED_STYLE = regex.compile(
    r"""(?i)\bstyle\s*=\s*["'][^"'>]*?(?:font-weight\s*:\s*(?:400|normal)|font-style\s*:\s*normal|"""
    r"""font-variant\s*:\s*normal|text-decoration\s*:\s*none|vertical-align\s*:\s*baseline|"""
    r"""background-color\s*:\s*transparent|white-space\s*:\s*pre-wrap|mso-[a-z-]+\s*:)"""
)


def _html_furniture(norm: str, line_starts: list[int], token: Token, back: list[int] | None) -> Furniture | None:
    """An HTML block whose opening tag names page furniture (class="share-bar", class="related-posts") is one
    furniture element: a Markdown page that pasted a widget in. The whole block is its text and its element."""
    m = _FIRST_TAG.match(token.content)
    if not m:
        return None
    role = furniture_role(m.group(1).lower(), m.group(2))
    if not role and looks_like_chrome(m.group(2)):
        role = "page"
    if not role:
        return None
    start = line_starts[token.map[0]]
    end = min(line_starts[min(token.map[1], len(line_starts) - 1)], len(norm))
    while end > start and norm[end - 1] in " \t\n":
        end -= 1
    if back is not None:
        start, end = back[start], back[end - 1] + 1
    return Furniture(role, start, end, start, end)


def _blank_toml_front_matter(norm: str) -> str:
    """Hugo's '+++' TOML front matter (the plugin knows only '---') turned into blank lines of the same length."""
    if not norm.startswith("+++\n"):
        return norm
    close = norm.find("\n+++", 3)
    if close < 0 or norm[close + 4 : close + 5] not in ("", "\n"):
        return norm
    end = close + 4
    return "".join(ch if ch == "\n" else " " for ch in norm[:end]) + norm[end:]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    starts.append(len(text) + 1)
    return starts


def _line(norm: str, line_starts: list[int], index: int) -> tuple[int, str]:
    if index + 1 >= len(line_starts):
        return len(norm), ""
    start = line_starts[index]
    return start, norm[start : line_starts[index + 1] - 1]


def _lines_map(norm: str, line_starts: list[int], token: Token) -> list[int]:
    """Paragraph content is its source lines minus a container prefix: each content line is a suffix of its line."""
    out: list[int] = []
    first = token.map[0]
    for k, piece in enumerate(token.content.split("\n")):
        if k:
            out.append(-1)  # the newline; the inline walker finds it through the line ends below
        start, line = _line(norm, line_starts, first + k)
        stripped = line.rstrip()
        core = piece.rstrip()
        if stripped.endswith(core):
            base = start + len(stripped) - len(core)
            out.extend(range(base, base + len(piece)))
            continue
        # A partly expanded tab in a container prefix: map what appears verbatim, drop the rest.
        core = piece.strip()
        at = line.rfind(core) if core else -1
        lead = len(piece) - len(piece.lstrip())
        out.extend([-1] * lead)
        out.extend(range(start + at, start + at + len(core)) if at >= 0 else [-1] * len(core))
        out.extend([-1] * (len(piece) - lead - len(core)))
    # Newlines inside the content sit at the end of each source line.
    pos = 0
    for k in range(token.content.count("\n")):
        pos = token.content.index("\n", pos)
        end = line_starts[first + k + 1] - 1
        out[pos] = end
        pos += 1
    return out


def _heading_map(norm: str, line_starts: list[int], token: Token, markup: str) -> list[int]:
    if markup and markup[0] in "=-":  # setext: the content lines are paragraph lines
        return _lines_map(norm, line_starts, token)
    start, line = _line(norm, line_starts, token.map[0])
    after = line.find("#") + len(markup) if "#" in line else 0
    at = line.find(token.content, after)
    if at < 0:
        return [-1] * len(token.content)
    return list(range(start + at, start + at + len(token.content)))


def _cell_map(norm: str, line_starts: list[int], content: str, row: int, index: int) -> list[int]:
    """Table rows are split on unescaped pipes; markdown-it turns '\\|' into '|' inside a cell."""
    if row < 0 or index < 0:
        return [-1] * len(content)
    start, line = _line(norm, line_starts, row)
    cells: list[tuple[int, int]] = []
    cell_start = 0
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "|":
            cells.append((cell_start, i))
            cell_start = i + 1
        i += 1
    cells.append((cell_start, len(line)))
    if cells and not line[cells[0][0] : cells[0][1]].strip() and line.lstrip().startswith("|"):
        cells.pop(0)
    if index >= len(cells):
        return [-1] * len(content)
    a, b = cells[index]
    while a < b and line[a] in " \t":
        a += 1
    out: list[int] = []
    for ch in content:
        if a < b and line[a] == "\\" and ch == "|" and a + 1 < b and line[a + 1] == "|":
            a += 1
        if a < b and line[a] == ch:
            out.append(start + a)
            a += 1
        else:
            out.append(-1)
    return out


class _Builder:
    """Collects blocks in document order; the first level-1 heading (else a leading heading) is the title."""

    def __init__(self, norm: str, line_starts: list[int]) -> None:
        self.norm = norm
        self.line_starts = line_starts
        self.items: list[tuple[list[str], list[int], dict[int, int], str, tuple[int, int], str]] = []
        self.styled: list[tuple[int, int]] = []

    def add(self, token: Token, cmap: list[int], scope: str, tag: str = "") -> None:
        walker = _Inline(token.content, cmap)
        walker.walk(token.children or ())
        start = self.line_starts[token.map[0]]
        end = self.line_starts[min(token.map[1], len(self.line_starts) - 1)]
        span = (start, min(end, len(self.norm)))
        if scope == "table":
            span = (-1, -1)
        self.items.append((walker.chars, walker.offs, walker.ends, scope, span, tag))
        self.styled.extend(walker.styled)
        for chars, offs, ends in walker.alts:
            self.items.append((chars, offs, ends, "alt", (-1, -1), ""))

    def finish(self, back: list[int] | None) -> tuple[list[ProseBlock], list[tuple[int, int]]]:
        kept = [(item, _clean(self.norm, item[0], item[1], item[2])) for item in self.items]
        kept = [(item, clean) for item, clean in kept if clean[0]]
        title = next((i for i, (item, _) in enumerate(kept) if item[5] == "h1"), None)
        if title is None and kept and kept[0][0][3] == "heading":
            title = 0
        blocks: list[ProseBlock] = []
        spans: list[tuple[int, int]] = []
        for i, ((_, _, _, scope, span, _), (text, offsets, ends)) in enumerate(kept):
            if back is not None:
                offsets = [back[o] for o in offsets]
                ends = {k: back[e - 1] + 1 for k, e in ends.items()}
                if span[0] >= 0:
                    span = (back[span[0]], back[span[1]])
            blocks.append(MarkupBlock(text, "title" if i == title else scope, offsets[0], tuple(offsets), ends))
            spans.append(span)
        return blocks, spans


def _clean(norm: str, chars: list[str], offs: list[int], ends: dict[int, int]) -> tuple[str, list[int], dict[int, int]]:
    """Text, offsets and entity ends without outer white space; a character whose offset is not its own source
    character (nor an entity's '&') is dropped rather than mis-placed."""
    a, b = 0, len(chars)
    while a < b and chars[a].isspace():
        a += 1
    while b > a and chars[b - 1].isspace():
        b -= 1
    text = "".join(chars[a:b])
    offsets = offs[a:b]
    if not ends and -1 not in offsets and "".join(map(norm.__getitem__, offsets)) == text:
        return text, offsets, {}
    keep = [
        k for k in range(a, b)
        if offs[k] >= 0 and (norm[offs[k]] == chars[k] or (k in ends and norm[offs[k]] in "&`"))
    ]
    return (
        "".join(chars[k] for k in keep),
        [offs[k] for k in keep],
        {i: ends[k] for i, k in enumerate(keep) if k in ends},
    )


class _Inline:
    """Walks inline tokens with a cursor into the inline source, emitting prose characters with source offsets."""

    def __init__(self, src: str, cmap: list[int], pos: int = 0) -> None:
        self.src = src
        self.cmap = cmap
        self.pos = pos
        self.chars: list[str] = []
        self.offs: list[int] = []
        self.ends: dict[int, int] = {}
        self.alts: list[tuple[list[str], list[int], dict[int, int]]] = []
        self.styled: list[tuple[int, int]] = []  # inline tags that carry a word processor's default styles
        self.gap = False  # just skipped a code span, URL or image: do not double the space around it

    def emit(self, ch: str, at: int) -> bool:
        offset = self.cmap[at] if 0 <= at < len(self.cmap) else -1
        if offset < 0:
            return False
        if ch.isspace():
            if self.gap and self.chars and self.chars[-1].isspace():
                if ch == "\n" and self.chars[-1] != "\n":
                    self.chars[-1], self.offs[-1] = ch, offset
                return False
        else:
            self.gap = False
        self.chars.append(ch)
        self.offs.append(offset)
        return True

    def find(self, needle: str) -> int:
        at = self.src.find(needle, self.pos)
        return at

    def walk(self, children) -> None:
        skip_until_close = False
        for tok in children:
            kind = tok.type
            if skip_until_close:
                if kind == "link_close":
                    skip_until_close = False
                    at = self.find(">")
                    if at >= 0:
                        self.pos = at + 1
                continue
            if kind == "text":
                content = tok.content
                at = self.find(content)
                if at < 0:
                    continue
                self.pos = at + len(content)
                if not content or (self.gap and content[0].isspace()):
                    for k, ch in enumerate(content):
                        self.emit(ch, at + k)
                    continue
                # Bulk copy; unmapped characters (-1) are dropped when the block is finished.
                self.chars.extend(content)
                self.offs.extend(self.cmap[at : at + len(content)])
                self.gap = False
            elif kind == "text_special":
                at = self.find(tok.markup)
                if at < 0:
                    continue
                if tok.content == tok.markup:
                    for k, ch in enumerate(tok.content):
                        self.emit(ch, at + k)
                elif tok.markup.startswith("\\"):
                    for k, ch in enumerate(tok.content):
                        self.emit(ch, at + 1 + k)
                else:  # an entity: every decoded character points at the '&' and ends past the ';'
                    last = at + len(tok.markup) - 1
                    end = self.cmap[last] + 1 if last < len(self.cmap) and self.cmap[last] >= 0 else -1
                    for ch in tok.content:
                        if self.emit(ch, at) and end > 0:
                            self.ends[len(self.chars) - 1] = end
                self.pos = at + len(tok.markup)
            elif kind in ("softbreak", "hardbreak"):
                at = self.find("\n")
                if at >= 0:
                    self.emit("\n", at)
                    self.pos = at + 1
            elif kind in _DELIMITERS:
                at = self.find(tok.markup)
                if at >= 0:
                    self.pos = at + len(tok.markup)
            elif kind == "code_inline":
                at = self.find(tok.markup)
                end = _skip_code(self.src, self.pos, tok.markup)
                self.pos = end
                if at >= 0 and end > at and self.cmap[at] >= 0 and self.cmap[end - 1] >= 0:
                    if self.emit(CODE_TOKEN, at):
                        self.ends[len(self.chars) - 1] = self.cmap[end - 1] + 1
                else:
                    self.gap = True
            elif kind == "html_inline":
                at = self.find(tok.content)
                if at >= 0:
                    self.pos = at + len(tok.content)
                    last = at + len(tok.content) - 1
                    if PASTED_STYLE.search(tok.content) and self.cmap[at] >= 0 and self.cmap[last] >= 0:
                        self.styled.append((self.cmap[at], self.cmap[last] + 1))
                self.gap = True
            elif kind == "link_open":
                if tok.markup in ("autolink", "linkify"):
                    at = self.find("<") if tok.markup == "autolink" else self.pos
                    self.pos = at if at >= 0 else self.pos
                    skip_until_close = True
                    self.gap = True
                else:
                    at = self.find("[")
                    if at >= 0:
                        self.pos = at + 1
            elif kind == "link_close":
                at = self.find("]")
                if at >= 0:
                    self.pos = _skip_link_tail(self.src, at + 1)
            elif kind == "image":
                at = self.find("![")
                if at < 0:
                    continue
                alt = _Inline(self.src, self.cmap, at + 2)
                alt.walk(tok.children or ())
                if alt.chars and not is_formula("".join(alt.chars)):
                    self.alts.append((alt.chars, alt.offs, alt.ends))
                self.alts.extend(alt.alts)
                close = self.src.find("]", alt.pos)
                self.pos = _skip_link_tail(self.src, close + 1) if close >= 0 else alt.pos
                self.gap = True


def _skip_code(src: str, pos: int, ticks: str) -> int:
    """Past the closing backtick run of exactly the opening run's length."""
    at = src.find(ticks, pos)
    if at < 0:
        return pos
    i = at + len(ticks)
    n = len(src)
    while i < n:
        j = src.find("`", i)
        if j < 0:
            return n
        k = j
        while k < n and src[k] == "`":
            k += 1
        if k - j == len(ticks):
            return k
        i = k
    return n


def _skip_ws(src: str, pos: int) -> int:
    while pos < len(src) and src[pos] in " \t\n":
        pos += 1
    return pos


def _skip_link_tail(src: str, pos: int) -> int:
    """Past '(destination "title")' or '[label]' after a link's closing bracket; URLs are never prose."""
    n = len(src)
    if pos < n and src[pos] == "(":
        q = _skip_ws(src, pos + 1)
        if q < n and src[q] != ")":
            dest = parseLinkDestination(src, q, n)
            if dest.ok:
                q = _skip_ws(src, dest.pos)
                if q < n and src[q] != ")":
                    title = parseLinkTitle(src, q, n)
                    if title.ok:
                        q = _skip_ws(src, title.pos)
        if q < n and src[q] == ")":
            return q + 1
        return pos
    if pos < n and src[pos] == "[":
        close = src.find("]", pos + 1)
        if close >= 0:
            return close + 1
    return pos
