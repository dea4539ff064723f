"""`copylint languagetool fetch|start|stop|status`: manage the warm local LanguageTool server."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "languagetool.sh"


def _run(action: str, port: int | None) -> int:
    env = dict(os.environ)
    if port is not None:
        env["LANGUAGETOOL_PORT"] = str(port)
    if not SCRIPT.is_file():
        click.echo(f"copylint: {SCRIPT} is missing (it comes with the source checkout); run a LanguageTool "
                   "server yourself and point copylint at it with LANGUAGETOOL_URL or [tool.copylint.languagetool] url",
                   err=True)
        return 2
    return subprocess.call(["bash", str(SCRIPT), action], env=env, stdin=subprocess.DEVNULL)


_port = click.option("--port", type=int, default=None, help="Port on 127.0.0.1 (default $LANGUAGETOOL_PORT or 8081).")


@click.group()
def languagetool() -> None:
    """Manage the local LanguageTool server that copylint's LT:* findings come from.

    The server is started and stopped explicitly (no automatic background server): start it once, and
    every copylint run, pre-commit hook or editor check reuses it until you stop it. A server elsewhere is
    used through LANGUAGETOOL_URL or [tool.copylint.languagetool] url.
    """


@languagetool.command()
def fetch() -> None:
    """Download the pinned LanguageTool jars from Maven Central (needs mvn)."""
    sys.exit(_run("fetch", None))


@languagetool.command()
@_port
def start(port: int | None) -> None:
    """Fetch if needed, start the server in the background and wait until it answers."""
    sys.exit(_run("start", port))


@languagetool.command()
@_port
def stop(port: int | None) -> None:
    """Stop the server this checkout started."""
    sys.exit(_run("stop", port))


@languagetool.command()
@click.option("--url", default=None, help="Server to probe (default $LANGUAGETOOL_URL or the local one).")
def status(url: str | None) -> None:
    """Say whether the server copylint would use answers; exit 1 when it does not."""
    from .engines.languagetool import LanguageToolEngine

    engine = LanguageToolEngine(url)
    problem = engine.available()
    if problem:
        click.echo(problem, err=True)
        sys.exit(1)
    click.echo(f"LanguageTool answers at {engine.url}")
