"""`copylint lsp`: the language server (pygls over stdio) that checks documents as they are edited."""
from __future__ import annotations


def serve() -> None:
    """Run the server on standard input/output until the client says exit."""
    import logging
    import sys

    from .server import build_server

    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="copylint lsp: %(levelname)s %(message)s")
    build_server().start_io()
