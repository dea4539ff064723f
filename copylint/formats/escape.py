"""Write prose back into markup: escape a fix's replacement text for the document's format."""
from __future__ import annotations

import regex

# Markdown: characters that could open inline markup; '&' only where it would read as an entity.
_MD_SPECIAL = regex.compile(r"[\\`*\[\]<]|(?<!\w)_|_(?!\w)|&(?=#?[A-Za-z0-9]+;)")


def escape_for(fmt: str, text: str) -> str:
    """text (decoded prose) as it must be written into a source of format fmt so that it reads back as text."""
    if fmt == "html":
        if "&" in text or "<" in text or ">" in text:
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return text
    if fmt == "markdown":
        return _MD_SPECIAL.sub(lambda m: "\\" + m.group(), text)
    return text
