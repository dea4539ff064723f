"""HTML: prose blocks of the main content from a small position-keeping tag scanner; entities keep exact offsets."""
from __future__ import annotations

import html as _html
from dataclasses import dataclass, field

import regex

from .boilerplate import (
    LINK_DENSITY, MAIN_SHARE, choose_container, furniture_role, hidden, inside, looks_like_chrome, screen_reader_only,
    without_chrome,
)
from ..document import CODE_TOKEN
from .markup import Furniture, MarkupBlock, MarkupDocument, is_formula
from .story_parts import (
    WEAK_ROLES, card_lists, card_sizes, figures, is_paragraph, labelled_lists, labels_before_title, link_lists,
    without_repeated_alt, without_template,
)

_MARKUP_START = regex.compile(r"<[a-zA-Z/!?]")
_START_TAG = regex.compile(
    r"""<([a-zA-Z][^\s/>]*+)((?:[\s/]*+[^\s/>=][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?+)*+)[\s/]*+>"""
)
_LOOSE_TAG = regex.compile(r"<([a-zA-Z][^\s/>]*+)([^>]*+)>")
_END_TAG = regex.compile(r"</([a-zA-Z][^\s/>]*+)[^>]*+>")
_ATTR = regex.compile(r"""([^\s/>"'=][^\s/>=]*+)(?:\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s>"']++)))?""")
_CHARREF = regex.compile(r"&(?:#[0-9]++;?|#[xX][0-9a-fA-F]++;?|[A-Za-z][A-Za-z0-9]*+;?)")
_COLLAPSIBLE = regex.compile(r"[\t\n\r\f]|  ")
_TOKENS = regex.compile(r"[^ \t\n\r\f]++|[ \t\n\r\f]++")
_RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes noscript plaintext".split())
_RAW_END = {name: regex.compile(rf"</{name}[\s/>]", regex.I) for name in _RAW_TEXT}

VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen frame".split())
# Content that is never prose (navigation, code, scripts, form controls, embedded media).
SKIP = frozenset(
    """script style noscript template textarea select option button svg math iframe object canvas audio video
    pre code kbd samp nav aside head title dialog datalist""".split()
)
BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol p pre section
    summary table tbody td tfoot th thead tr ul br img""".split()
)
_SCOPES = {
    "figcaption": "caption", "li": "list", "dt": "list", "dd": "list", "blockquote": "quote",
    "td": "table", "th": "table", "caption": "table",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
}
_KEEP_PARENT_SCOPE = frozenset({"list", "quote", "caption"})
# Implicit end tags (a simplified HTML tree builder): opening the key closes an open element named in the value,
# searching down the stack no further than a boundary element.
_CLOSES = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "thead": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select"}),
}
_P_CLOSERS = BLOCK - {"br", "img", "td", "th", "tr", "caption", "body", "html", "tbody", "thead", "tfoot", "legend"}
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_INLINE_CODE = frozenset({"code", "kbd", "samp"})
_NEVER_FURNITURE = frozenset({"html", "body", "article", "main", "h1"})
# A story inside a published page (scripts, navigation, asides, or a good share of text around it) shows its
# pictures' captions as page furniture; in an article file of its own a caption is the author's copy.
_PAGE_TAGS = frozenset({"script", "nav", "aside"})
_ASIDE_ROLES = frozenset({"related", "share", "newsletter", "ad", "comments", "tags"})
# An attribute value opened with a curly quote (typed in a word processor): browsers read the quote as part of the
# value, so the picture or link breaks and readers may see the tag's words.
_CURLY_ATTR = regex.compile(r"""[\w-]=\s*[“”‘’„]""")
STORY_SHARE = 0.85
_WS = " \t\n\r\f"


@dataclass(slots=True)
class _Element:
    name: str
    start: int
    scope: str
    skip: bool
    # Marks used to pick the main content: ("c", id) article/main, ("f",) footer, ("h",) header, ("u", id) chrome.
    path: tuple
    link: bool = False
    blocks: int = 0


@dataclass(slots=True)
class _Block:
    chars: list[str] = field(default_factory=list)
    offs: list[int] = field(default_factory=list)
    owner: _Element | None = None
    scope: str = "paragraph"
    path: tuple = ()
    tag: str = ""
    linked: int = 0  # characters inside <a>: link-dense blocks outside an <article> are navigation
    link_end: int = -1  # length of chars when the last <a> closed
    glued: int = 0  # links opened right where the previous one closed, with no space or text between them
    ends: dict[int, int] = field(default_factory=dict)  # index -> source end, for entities and <br>
    left: tuple = ()  # marks of elements the block began in and then went on past: it is not all theirs


def parse(path: str, source: str) -> MarkupDocument:
    walker = _Walker(source)
    walker.run()
    raw = walker.select()
    raw, furniture = walker.furniture(raw)
    raw.sort(key=lambda item: item[0].offs[0])
    raw = without_repeated_alt(raw)
    title = next((i for i, (b, _) in enumerate(raw) if b.tag == "h1"), None)
    if title is None and raw and raw[0][0].scope == "heading":
        title = 0
    if title:
        raw, title, labels = labels_before_title(raw, title)
        if not walker.in_container:  # in an <article> a label above the headline is its template: left out silently
            furniture = tuple(sorted(furniture + labels, key=lambda item: item.start))
    if walker.curly and raw:
        first, last = raw[0][0].offs[0], raw[-1][0].offs[-1]
        curly = tuple(Furniture("markup", a, b, -1, -1) for a, b in walker.curly if first <= a <= last)
        furniture = tuple(sorted(furniture + curly, key=lambda item: item.start))
    blocks = [
        MarkupBlock("".join(b.chars), "title" if i == title else b.scope, b.offs[0], tuple(b.offs), b.ends)
        for i, (b, _) in enumerate(raw)
    ]
    return MarkupDocument(path, source, "html", blocks, [span for _, span in raw], furniture)


class _Walker:
    def __init__(self, source: str) -> None:
        self.source = source
        root = _Element("#root", 0, "paragraph", False, ())
        self.stack: list[_Element] = [root]
        self.cur: _Block | None = None
        self.out: list[tuple[_Block, tuple[int, int]]] = []
        self.containers: list[str] = []  # index = container id, value = tag name
        self.container_spans: list[list[int]] = []  # index = container id, value = [source start, source end]
        self.space = False  # the block ended in collapsible white space not yet written
        self.pending: tuple[str, int] = (" ", 0)
        self.roles: dict[int, str] = {}  # start offset of a furniture element -> its role (byline, caption, …)
        self.role_ends: dict[int, int] = {}  # start offset of a furniture element -> source end of the element
        self.chrome_roles: dict[int, str] = {}  # start offset of a chrome-named element -> its role, if any
        self.page = False  # a published page around the story: scripts, navigation, asides
        self.curly: list[tuple[int, int]] = []  # source spans of tags with attribute values in curly quotes
        # when the last <a> opened: the block's id, its linked count, whether a link showing words had just closed
        self.link_text: tuple[int, int, bool] = (0, 0, False)

    # --- scanning ---------------------------------------------------------------------------------
    def run(self) -> None:
        source = self.source
        n = len(source)
        pos = 0
        search = _MARKUP_START.search
        while pos < n:
            m = search(source, pos)
            at = m.start() if m else n
            if at > pos:
                self.text(pos, at)
            if not m:
                break
            pos = self.markup(at)
        self.flush(None, n)

    def markup(self, at: int) -> int:
        source = self.source
        second = source[at + 1]
        if second == "!":
            if source.startswith("<!--", at):
                end = source.find("-->", at + 4)
                return len(source) if end < 0 else end + 3
            end = source.find(">", at)
            return len(source) if end < 0 else end + 1
        if second == "?":
            end = source.find(">", at)
            return len(source) if end < 0 else end + 1
        if second == "/":
            m = _END_TAG.match(source, at)
            if m:
                self.end_tag(m.group(1).lower(), at, m.end())
                return m.end()
            end = source.find(">", at)
            return len(source) if end < 0 else end + 1
        m = _START_TAG.match(source, at) or _LOOSE_TAG.match(source, at)
        if not m:
            self.text(at, at + 1)
            return at + 1
        name = m.group(1).lower()
        self.start_tag(name, m.group(2), m.start(2), at, m.end())
        if name in _RAW_TEXT:
            end = _RAW_END[name].search(source, m.end())
            if not end:
                return len(source)
            close = source.find(">", end.start())
            self.end_tag(name, end.start(), close + 1)
            return close + 1
        return m.end()

    # --- tree -------------------------------------------------------------------------------------
    def start_tag(self, name: str, attrs: str, attrs_at: int, at: int, end: int) -> None:
        stack = self.stack
        if name in _CLOSES:
            targets, boundary = _CLOSES[name]
            for i in range(len(stack) - 1, 0, -1):
                el = stack[i].name
                if el in targets:
                    self.pop_to(i, at, at)
                    break
                if el in boundary:
                    break
        if name in _P_CLOSERS:
            for i in range(len(stack) - 1, 0, -1):
                el = stack[i].name
                if el == "p" or (el in _HEADINGS and name in _HEADINGS):
                    self.pop_to(i, at, at)
                    break
                if el in BLOCK:
                    break
        if name in _PAGE_TAGS:
            self.page = True
        role = furniture_role(name, attrs) if name not in _NEVER_FURNITURE else ""
        if name == "cite" and any(el.name == "figure" for el in stack):
            role = "credit"  # a <cite> in a figure names the picture's source
        elif role == "credit" and any(el.name == "blockquote" for el in stack):
            role = ""  # who said a quote, not whose picture it is
        if (name in BLOCK and name != "br") or role == "credit":  # a credit is its own line, even in a caption
            self.flush(None, at)
        parent = stack[-1]
        if attrs and not parent.skip and _CURLY_ATTR.search(attrs):
            self.curly.append((at, end))
        if name == "a" and not parent.skip:
            cur = self.cur
            adjacent = cur is not None and cur.chars and not self.space and cur.link_end == len(cur.chars)
            self.link_text = (id(cur), cur.linked if cur is not None else 0, adjacent)
        if name == "br":
            if not parent.skip:
                self.line_break(at, end)
            return
        if name == "img":
            if not parent.skip:
                self.alt(attrs, attrs_at, parent)
            return
        if name in VOID:
            return
        if name in _INLINE_CODE and not parent.skip:
            self.code_token(name, at, end)
        # an <aside> whose name says what it is (a related list, a newsletter box) is furniture to report where it
        # sits inside the story; any other aside (a pull quote, a fact box, a sidebar) is never prose
        named_aside = name == "aside" and role in _ASIDE_ROLES
        skip = (parent.skip or (name in SKIP and not named_aside)
                or (bool(attrs) and (hidden(attrs) or screen_reader_only(attrs))))
        scope = _SCOPES.get(name)
        if scope is None:
            scope = parent.scope if name != "p" or parent.scope in _KEEP_PARENT_SCOPE else "paragraph"
        path = parent.path
        if name in ("article", "main"):
            path = path + (("c", len(self.containers)),)
            self.containers.append(name)
            self.container_spans.append([at, len(self.source)])
        elif name == "footer":
            path = path + (("f",),)
        elif name == "header":
            path = path + (("h",),)
        if attrs and name not in _NEVER_FURNITURE and looks_like_chrome(attrs):
            path = path + (("u", at),)
            self.chrome_roles[at] = role if role != "figure" else ""
        elif role == "figure":  # a picture with its caption: the text stays prose, the group is reported once
            path = path + (("g", at),)
            if name != "figure":
                scope = "caption"
        elif role:
            path = path + (("r", at),)
            self.roles[at] = role
        stack.append(_Element(name, at, scope, skip, path, parent.link or name == "a"))

    def end_tag(self, name: str, at: int, end: int) -> None:
        if name == "br":  # '</br>' is read as '<br>'
            if not self.stack[-1].skip:
                self.line_break(at, end)
            return
        stack = self.stack
        for i in range(len(stack) - 1, 0, -1):
            if stack[i].name == name:
                self.pop_to(i, at, end)
                return
        if name in BLOCK:
            self.flush(None, at)

    def pop_to(self, index: int, at: int, end: int) -> None:
        """Close stack[index:] at source offset at (end: past the closing tag, for the element's own span)."""
        stack = self.stack
        element = stack[index]
        if any(el.name in BLOCK or self.roles.get(el.start) == "credit" for el in stack[index:]):
            self.flush(element, end)
        elif self.cur is not None and any(el.name == "a" for el in stack[index:]):
            cur = self.cur
            block, linked, adjacent = self.link_text
            if block == id(cur) and cur.linked > linked:  # the link showed words (not only a picture)
                cur.link_end = len(cur.chars)
                cur.glued += adjacent
        for el in stack[index:]:
            if el.name in ("article", "main") and el.path and el.path[-1][0] == "c":
                self.container_spans[el.path[-1][1]][1] = end if el is element else at
        if self.roles or self.chrome_roles:
            for el in stack[index:]:
                if el.start in self.roles or el.start in self.chrome_roles:
                    self.role_ends[el.start] = end if el is element else at
        del stack[index:]

    # --- prose ------------------------------------------------------------------------------------
    def text(self, start: int, end: int) -> None:
        top = self.stack[-1]
        if top.skip:
            return
        source = self.source
        if "&" not in source[start:end]:
            self.plain(start, end)
            return
        pos = start
        for m in _CHARREF.finditer(source, start, end):
            if m.start() > pos:
                self.plain(pos, m.start())
            self.entity(m.start(), m.group())
            pos = m.end()
        if pos < end:
            self.plain(pos, end)

    def block(self) -> _Block:
        cur = self.cur
        if cur is None:
            top = self.stack[-1]
            owner = next((el for el in reversed(self.stack) if el.name in BLOCK), None)
            cur = self.cur = _Block(owner=owner, scope=top.scope, path=top.path, tag=_heading_tag(self.stack))
            self.space = False
        else:
            path = self.stack[-1].path
            if path is not cur.path and path[: len(cur.path)] != cur.path:
                cur.left += tuple(m for m in cur.path if m[0] in "rug" and m not in path and m not in cur.left)
        return cur

    def plain(self, start: int, end: int) -> None:
        source = self.source
        # Fast path: single spaces only inside the run, so the middle is copied as written.
        a, b = start, end
        while a < b and source[a] in _WS:
            a += 1
        while b > a and source[b - 1] in _WS:
            b -= 1
        middle = source[a:b]
        if _COLLAPSIBLE.search(middle) is None:
            if a > start:
                self.whitespace(start, a)
            if b > a:
                cur = self.block()
                self.write_space(cur)
                cur.chars.extend(middle)
                cur.offs.extend(range(a, b))
                if self.stack[-1].link:
                    cur.linked += b - a - middle.count(" ")
            if end > b:
                self.whitespace(b, end)
            return
        for m in _TOKENS.finditer(source, start, end):
            a = m.start()
            if source[a] in _WS:
                self.whitespace(a, m.end())
                continue
            cur = self.block()
            self.write_space(cur)
            cur.chars.extend(m.group())
            cur.offs.extend(range(a, m.end()))
            if self.stack[-1].link:
                cur.linked += m.end() - a

    def whitespace(self, start: int, end: int) -> None:
        cur = self.cur
        if cur is not None and cur.chars and cur.chars[-1] != "\n":
            self.space = True
            self.pending = (self.source[start:end], start)

    def entity(self, at: int, ref: str) -> None:
        decoded = _html.unescape(ref)
        cur = self.block()
        if decoded == ref:
            self.write_space(cur)
            cur.chars.extend(ref)
            cur.offs.extend(range(at, at + len(ref)))
            return
        # A legacy reference without ';' ("&copy2") decodes a prefix; the rest stays literal.
        tail = 0
        while tail < len(decoded) - 1 and tail < len(ref) - 1 and decoded[-1 - tail] == ref[-1 - tail]:
            tail += 1
        self.write_space(cur)
        head = decoded[: len(decoded) - tail]
        end = at + len(ref) - tail
        for ch in head:
            cur.ends[len(cur.chars)] = end
            cur.chars.append(ch)
            cur.offs.append(at)
        if tail:
            cur.chars.extend(decoded[len(decoded) - tail :])
            cur.offs.extend(range(at + len(ref) - tail, at + len(ref)))

    def write_space(self, cur: _Block) -> None:
        if self.space:
            run, at = self.pending
            # Keep a character that is really in the source: a space if the run has one, else its first character.
            k = run.find(" ")
            if k < 0:
                k = run.find("\n")
            if k < 0:
                k = 0
            cur.chars.append(run[k])
            cur.offs.append(at + k)
            self.space = False

    def code_token(self, name: str, at: int, end: int) -> None:
        """Inline code inside running text stands as CODE_TOKEN over the whole element (its text is not prose)."""
        close = regex.compile(rf"</{name}\s*>", regex.I).search(self.source, end)
        cur = self.block()
        self.write_space(cur)
        cur.ends[len(cur.chars)] = close.end() if close else end
        cur.chars.append(CODE_TOKEN)
        cur.offs.append(at)

    def line_break(self, at: int, end: int) -> None:
        """<br> is a line break: a '\n' standing for the tag; two in a row end the paragraph."""
        cur = self.cur
        if cur is None or not cur.chars:
            return
        self.space = False
        if cur.chars[-1] == "\n":
            self.flush(None, at)
            return
        cur.ends[len(cur.chars)] = end
        cur.chars.append("\n")
        cur.offs.append(at)

    def flush(self, closing: _Element | None, end: int) -> None:
        """End the current block; when closing ends its only block, the block's span is the whole element."""
        cur = self.cur
        self.cur = None
        self.space = False
        if cur is not None:
            while cur.chars and cur.chars[-1] == "\n":
                cur.chars.pop()
                cur.ends.pop(len(cur.offs) - 1, None)
                cur.offs.pop()
        if cur is None or not cur.chars:
            return
        owner = cur.owner
        span = (-1, -1)
        if owner is not None and closing is owner and owner.blocks == 0:
            span = (owner.start, end)
        if owner is not None:
            owner.blocks += 1
        self.out.append((cur, span))

    def alt(self, attrs: str, attrs_at: int, parent: _Element) -> None:
        for m in _ATTR.finditer(attrs):
            if m.group(1).lower() != "alt":
                continue
            group = next((g for g in (2, 3, 4) if m.group(g) is not None), None)
            if group is None:
                return
            a, b = attrs_at + m.start(group), attrs_at + m.end(group)
            saved, saved_space = self.cur, self.space
            self.cur = _Block(owner=None, scope="alt", path=parent.path)
            self.space = False
            self.text(a, b)
            block = self.cur
            self.cur, self.space = saved, saved_space
            if block.chars and not is_formula("".join(block.chars)):
                self.out.append((block, (-1, -1)))
            return

    # --- main content -----------------------------------------------------------------------------
    def select(self) -> list[tuple[_Block, tuple[int, int]]]:
        """Blocks of the main content: the largest <article> (or <main>), else the page without header, footer
        and link lists. An <article> holding a small share of the page's prose is a teaser card, not the story.
        When the content has no <h1>, the page's last <h1> before it (outside footer and chrome) is its headline.
        Chrome-named elements inside the chosen <article> are kept (as furniture candidates, see furniture())."""
        blocks = without_chrome(self.out)
        page = [(b, s) for b, s in blocks if not any(mark[0] in "fh" for mark in b.path)]
        chosen_blocks = None
        self.dropped: set[int] = set()
        self.in_container = False
        self.chosen = -1
        if self.containers:
            sizes = [0] * len(self.containers)
            for b, _ in blocks:
                for mark in b.path:
                    if mark[0] == "c":
                        sizes[mark[1]] += len(b.chars)
            chosen = choose_container(self.containers, sizes)
            total = sum(len(b.chars) for b, _ in page)
            if chosen is not None and sizes[chosen] * MAIN_SHARE >= total:
                kept = {id(b) for b, _ in blocks}
                chosen_blocks = [(b, s) for b, s in self.out if inside(b.path, chosen)]
                self.dropped = {id(b) for b, _ in chosen_blocks if id(b) not in kept}
                self.in_container = True
                self.chosen = chosen
        if chosen_blocks is None:
            chosen_blocks = [(b, s) for b, s in page if b.tag == "h1" or b.linked * LINK_DENSITY < len(b.chars)]
            chosen_blocks = self._chrome_between(chosen_blocks, {id(b) for b, _ in blocks})
        if chosen_blocks and not any(b.tag == "h1" for b, _ in chosen_blocks):
            first = min(b.offs[0] for b, _ in chosen_blocks)
            headlines = [
                (b, s) for b, s in self.out
                if b.tag == "h1" and b.offs[0] < first and not any(mark[0] in "fu" for mark in b.path)
            ]
            if headlines:
                chosen_blocks.insert(0, headlines[-1])
        return chosen_blocks

    def _chrome_between(self, chosen: list, kept: set[int]) -> list:
        """On a page with no <article>/<main>, a chrome-named element (a share bar, a newsletter box, a related list)
        that sits between the story's paragraphs is furniture inside the story, as it is inside a chosen <article>:
        it joins the chosen blocks as a furniture candidate, never as prose (see furniture())."""
        story = [b.offs[0] for b, _ in chosen if is_paragraph(b)]
        if len(story) < 2:
            return chosen
        first, last = min(story), max(story)
        between = [
            (b, s) for b, s in self.out
            if id(b) not in kept and first < b.offs[0] < last and b.scope != "alt"
            and not any(mark[0] in "fh" for mark in b.path) and any(mark[0] == "u" for mark in b.path)
        ]
        if not between:
            return chosen
        self.dropped = {id(b) for b, _ in between}
        return sorted(chosen + between, key=lambda item: item[0].offs[0])

    def _cards(self, chosen: list, total: int) -> dict[int, int]:
        """Container id -> source start of each <article> inside the chosen <article> that holds less than half its
        prose: a card of another story (a teaser, a related post) or a comment, as HTML nests them."""
        if self.chosen < 0 or self.containers[self.chosen] != "article":
            return {}
        return {
            index: self.container_spans[index][0] for index, size in card_sizes(chosen, self.chosen).items()
            if self.containers[index] == "article" and size * 2 < total
        }

    def furniture(self, chosen: list[tuple[_Block, tuple[int, int]]]) -> tuple[list, tuple[Furniture, ...]]:
        """The chosen blocks split into prose and furniture elements (one per outermost element whose class, id,
        role or tag names a byline, caption, share bar, …). An element holding half the chosen prose is a misnamed
        wrapper and stays prose; a block that also holds text from outside an element does not belong to it. Inside a
        chosen <article>/<main>, a 'widget' is a component of the story (page builders name every block so); only
        on a page without one is it a sidebar widget."""
        dropped = self.dropped
        total = sum(len(b.chars) for b, _ in chosen)
        sizes: dict[int, int] = {}
        for b, _ in chosen:
            for mark in b.path:
                if mark[0] in "ru":
                    sizes[mark[1]] = sizes.get(mark[1], 0) + len(b.chars)
        prose: list[tuple[_Block, tuple[int, int]]] = []
        groups: dict[int, list[_Block]] = {}
        cards = self._cards(chosen, total)
        for b, span in chosen:
            at = -1
            if b.tag != "h1":
                at = next((m[1] for m in b.path if m[0] in "ru" and m not in b.left and sizes[m[1]] * 2 < total
                           and not (self.in_container and self.roles.get(m[1]) == "widget")), -1)
                if at < 0 and cards:
                    at = next((cards[m[1]] for m in b.path if m[0] == "c" and m[1] in cards), -1)
            if at < 0:
                if id(b) not in dropped:
                    prose.append((b, span))
                continue
            groups.setdefault(at, []).append(b)
        items = []
        card_starts = set(cards.values())
        for at, members in sorted(groups.items()):
            role = self.roles.get(at) or self.chrome_roles.get(at) or ("related" if at in card_starts else "page")
            if role in WEAK_ROLES and any(is_paragraph(b) for b in members):
                prose.extend((b, (-1, -1)) for b in members if id(b) not in dropped)
                continue
            if role == "credit" and all(b.scope != "caption" and any(m[0] == "g" for m in b.path) for b in members):
                continue  # a figure's credit beside its caption is the picture's label: out of the prose, silently
            members.sort(key=lambda b: b.offs[0])
            last = members[-1]
            end = last.ends.get(len(last.chars) - 1, last.offs[-1] + 1)
            element_end = self.role_ends.get(at, end)
            if at in card_starts:
                element_end = next(e for s_, e in self.container_spans if s_ == at)
            items.append(Furniture(role, members[0].offs[0], end, at, element_end))
        if self.page or total < STORY_SHARE * sum(len(b.chars) for b, _ in self.out):
            items.extend(figures(prose, total, self.source))
        prose, runs = link_lists(prose, total)
        items.extend(runs)
        prose, runs = labelled_lists(prose, total)
        items.extend(runs)
        prose, runs = card_lists(prose, total)
        items.extend(runs)
        prose, items = without_template(prose, items, self.in_container)
        items.sort(key=lambda item: item.start)
        return prose, tuple(items)


def _heading_tag(stack: list[_Element]) -> str:
    for el in reversed(stack):
        if el.name in _HEADINGS:
            return el.name
    return ""
