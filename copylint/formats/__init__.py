"""Input formats: parser_for(fmt) imports a parser lazily; EXTENSIONS maps file endings to formats."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # discovery reads EXTENSIONS on every run: a fully cached run never needs the document model
    from ..document import Document

Parser = Callable[[str, str], "Document"]

EXTENSIONS = {
    ".txt": "plain",
    ".text": "plain",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def parser_for(fmt: str) -> Parser:
    """Import the parser lazily so plain-text runs never load markdown-it."""
    if fmt == "markdown":
        from .markdown import parse
    elif fmt == "html":
        from .html import parse
    else:
        from .plain import parse
    return parse


def format_for_path(path: str) -> str:
    import os

    return EXTENSIONS.get(os.path.splitext(path)[1].lower(), "plain")
