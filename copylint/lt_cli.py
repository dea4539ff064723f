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
# A few paragraphs of ordinary news prose with typical slips (a typo, an agreement error, British spellings for
# copylint's en-GB second opinion): long and varied enough that LanguageTool loads and compiles what a real
# article needs, not just what one sentence touches.
WARM_TEXT = """Council approves new bridge after long delay

The goverment said on Tuesday that the new bridge over the river will open in March, two years later than
planned. Officials blamed rising costs, a shortage of steel and a dispute with the main contractor, which
has since been settled.

"We know people have waited a long time," the transport minister told reporters at the site. "This is an
important step for the region, and for the thousands of families who cross the river every day."

He go to work by train, one commuter said, and the colour of the old carriages is grey and tired. Others
welcomed the news but asked whether fares would rise once the bridge opens. The council has not decided.

The project, first proposed in 2015, was expected to cost about 40 million pounds. Its budget has since
nearly doubled, according to figures published last month by the regional audit office, which criticised
the way the contract was managed. Two senior officials resigned after the report.

Local businesses, many of which lost trade during the closures, said they hoped the opening would bring
customers back to the town centre before the summer. A spokesperson for the chamber of commerce said the
delays had been "a heavy burden" on small shops and cafes along the old road.
"""


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
    env = dict(os.environ, COPYLINT_PYTHON=sys.executable)  # the script warms the server through this copylint
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
@click.option("--url", default=None, help="Server to warm (default: as `copylint check` finds it).")
def warm(url: str | None) -> None:
    """Send the checks a copylint run sends (this folder's config), so LanguageTool's slow first check for them
    happens now rather than in your first `copylint check` (`start` does this)."""
    import time

    started = time.monotonic()
    linter = _warm_linter(url)
    engine = linter.languagetool
    if engine is None:
        click.echo(f"languagetool: nothing to warm ({'; '.join(linter.warnings) or 'LanguageTool is off'})", err=True)
        sys.exit(1)
    linter.lint_source("warm-up.txt", WARM_TEXT)
    # Then a couple of thousand words of varied prose (every rule's own examples), so the server's hot paths are
    # compiled by the JVM before a real article comes: a fresh JVM checks its first articles several times slower.
    examples = "\n\n".join((e.good or e.bad or "").replace("⟦", "").replace("⟧", "")
                             for rule in linter.all_rules for e in rule.examples)
    engine.check(linter.parse("warm-up-examples.txt", examples))
    if engine.warning:
        click.echo(f"languagetool: {engine.warning}", err=True)
        sys.exit(1)
    click.echo(f"languagetool: copylint's checks warm at {engine.url} after {time.monotonic() - started:.0f}s", err=True)


def _warm_linter(url: str | None):
    """A Linter for this folder's config (the default one when that config has a problem), LanguageTool on."""
    import dataclasses

    from .api import Linter
    from .config import Config
    from .errors import CopylintError
    from .pipeline import load_run_config

    try:
        config = load_run_config((".",), None)
        config = dataclasses.replace(config, languagetool={**config.languagetool, **({"url": url} if url else {})})
        return Linter(config, languagetool=True)
    except CopylintError:
        return Linter(Config(languagetool={"url": url} if url else {}), languagetool=True)


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
