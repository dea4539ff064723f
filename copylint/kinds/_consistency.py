"""What the consistency kinds share: the block scopes they read."""
from __future__ import annotations


PROSE_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})
