"""`copylint languagetool fetch|start|stop|status`: manage the warm local LanguageTool server (the script, pom and
overlay ship inside the package, so this works from an installed wheel as from a checkout)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

SERVER = Path(__file__).resolve().parent / "server"
SCRIPT = SERVER / "languagetool.sh"


def home() -> str | None:
    """Where the jars, pid file and log go: $LANGUAGETOOL_HOME; in a source checkout <repo>/.languagetool (as
    scripts/languagetool.sh does); else None (the script's default, the user data dir)."""
    if os.environ.get("LANGUAGETOOL_HOME"):
        return os.environ["LANGUAGETOOL_HOME"]
    repo = SERVER.parent.parent
    if (repo / "scripts" / "languagetool.sh").is_file() and (repo / "pyproject.toml").is_file():
        return str(repo / ".languagetool")
    return None


def _run(action: str, port: int | None) -> int:
    env = dict(os.environ)
    if port is not None:
        env["LANGUAGETOOL_PORT"] = str(port)
    where = home()
    if where is not None:
        env["LANGUAGETOOL_HOME"] = where
    if not SCRIPT.is_file():  # pragma: no cover - a broken install
        click.echo(f"copylint: error: {SCRIPT} is missing; reinstall copylint", err=True)
        return 2
    try:
        return subprocess.call(["bash", str(SCRIPT), action], env=env, stdin=subprocess.DEVNULL)
    except OSError as exc:
        click.echo(f"copylint: error: cannot run bash ({exc.strerror or exc}); LanguageTool needs bash, Java and "
                   "Maven, or a server of your own named by LANGUAGETOOL_URL", err=True)
        return 2


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
    """Fetch if needed, start the server in the background, warm it with a first check."""
    sys.exit(_run("start", port))


@languagetool.command()
@_port
def stop(port: int | None) -> None:
    """Stop the server this script started (pid file)."""
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
