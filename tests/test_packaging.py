"""Packaging a user can install (issue 15): the wheel carries the place index and the LanguageTool script, which
run from it; the pre-commit hooks take articles only; the README's install snippets work as written."""
from __future__ import annotations

import glob
import json
import os
import re
import shlex
import subprocess
import sys
import threading
import urllib.parse
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from copylint.data import gazetteer as gz

from .conftest import ROOT, SEED


# --- the place index ships prebuilt -----------------------------------------------------------------------------

def test_shipped_place_index_is_current_for_the_builder_code() -> None:
    manifest = gz.shipped_manifest()
    assert manifest is not None, "copylint/data/places.* is missing or stale: run python scripts/build_places.py"
    assert manifest["packed_size"] == gz.SHIPPED.stat().st_size < 8_000_000
    source = (ROOT / "copylint" / "data" / "gazetteer.py").read_text(encoding="utf-8")
    assert "import pickle" not in source and "pickle." not in source  # plain rows and JSON only


@pytest.fixture
def fresh_gazetteer(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(gz, "_INSTANCE", None)

    def no_build(path):
        raise AssertionError("the index was built at first use instead of unpacked")

    monkeypatch.setattr(gz, "write_index", no_build)
    yield tmp_path / "cache"
    gz._INSTANCE = None


def test_first_use_unpacks_the_shipped_index_and_never_builds(fresh_gazetteer) -> None:
    g = gz.gazetteer()
    assert g.places("Mosul")[0].country == "IQ" and g.is_capital("Kyiv", "UA")
    unpacked = list(fresh_gazetteer.glob("gazetteer-f*.sqlite"))
    assert len(unpacked) == 1 and unpacked[0].stat().st_size == gz.shipped_manifest()["size"]


def test_a_damaged_unpacked_index_is_unpacked_again(fresh_gazetteer) -> None:
    gz.gazetteer()
    path = next(fresh_gazetteer.glob("gazetteer-f*.sqlite"))
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    gz._INSTANCE = None
    assert gz.gazetteer().places("Mosul")[0].country == "IQ"
    assert path.stat().st_size == gz.shipped_manifest()["size"]


# --- the wheel: index and LanguageTool management work from it ------------------------------------------------

class _FakeLanguageTool(BaseHTTPRequestHandler):
    checks: list[dict] = []

    def do_GET(self) -> None:  # /v2/languages: the script's "is it up" probe
        self._answer([{"name": "English (US)", "code": "en", "longCode": "en-US"},
                      {"name": "English (GB)", "code": "en", "longCode": "en-GB"}])

    def do_POST(self) -> None:  # /v2/check: "goverment" is a misspelling, as LanguageTool would say
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        check = {k: v[0] for k, v in form.items()}
        type(self).checks.append(check)
        text, at = check["text"], check["text"].find("goverment")
        rule = {"id": "MORFOLOGIK_RULE_" + check["language"].replace("-", "_").upper(), "issueType": "misspelling",
                "category": {"id": "TYPOS"}}
        matches = [] if at < 0 else [{"message": "Possible spelling mistake found.", "offset": at, "length": 9,
                                      "replacements": [{"value": "government"}], "rule": rule,
                                      "context": {"text": text, "offset": at}}]
        self._answer({"matches": matches})

    def _answer(self, data) -> None:
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_languagetool():
    _FakeLanguageTool.checks = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeLanguageTool)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], _FakeLanguageTool.checks
    server.shutdown()


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory) -> Path:
    """The wheel built from this tree and unpacked as an install would put it (outside the source checkout)."""
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = glob.glob(str(out / "copylint-*.whl"))
    site = out / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    assert os.path.getsize(wheel) < 16_000_000  # the shipped data: place index, spin lexicon, fixed phrases, ranks, seats
    return site


def _from_wheel(site: Path, cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": str(site), **(env or {})}
    environ.pop("LANGUAGETOOL_HOME", None)
    return subprocess.run([sys.executable, "-m", "copylint", *args], capture_output=True, text=True, cwd=cwd,
                          env=environ, stdin=subprocess.DEVNULL, timeout=120)


def test_wheel_carries_the_index_and_the_languagetool_files(installed_wheel) -> None:
    package = installed_wheel / "copylint"
    for name in ("data/places.sqlite.xz", "data/places.json", "server/languagetool.sh", "server/languagetool-pom.xml",
                 "server/languagetool-overlay/org/languagetool/rules/en/replace_custom.txt",
                 "rules/markup/shortcode.toml"):
        assert (package / name).is_file(), name


def test_languagetool_commands_run_from_the_installed_wheel(installed_wheel, tmp_path, fake_languagetool) -> None:
    port, checks = fake_languagetool
    home = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    status = _from_wheel(installed_wheel, tmp_path, "languagetool", "status", "--url", "http://127.0.0.1:9", env=home)
    assert status.returncode == 1 and "not reachable at http://127.0.0.1:9" in status.stderr
    start = _from_wheel(installed_wheel, tmp_path, "languagetool", "start", "--port", str(port), env=home)
    assert start.returncode == 0, start.stderr
    assert "already running" in start.stderr and "warm after" in start.stderr
    # start warms the server through copylint: its en-US check with the curated rules off, the en-GB speller's
    # second opinion on the words flagged, then every rule's examples (a couple of thousand words for the JIT)
    assert [(c["language"], c.get("enabledOnly")) for c in checks] == [("en-US", None), ("en-GB", "true"),
                                                                        ("en-US", None)]
    assert "goverment" in checks[0]["text"] and "disabledRules" in checks[0] and checks[1]["text"] == "goverment"
    assert len(checks[2]["text"].split()) > 1500
    stop = _from_wheel(installed_wheel, tmp_path, "languagetool", "stop", "--port", str(port), env=home)
    assert stop.returncode == 0 and "no server started by this script" in stop.stderr


def test_check_runs_from_the_installed_wheel(installed_wheel, tmp_path) -> None:
    env = {"COPYLINT_CACHE_DIR": str(tmp_path / "cache")}
    where = _from_wheel(installed_wheel, tmp_path, "check", "--no-languagetool", "--format", "json", str(SEED),
                        env=env)
    assert where.returncode == 1, where.stderr
    assert {d["code"] for d in json.loads(where.stdout)} >= {"CL301", "CL201"}  # facts from the shipped index
    assert "building the place index" not in where.stderr
    shipped = json.loads((installed_wheel / "copylint" / "data" / "places.json").read_text(encoding="utf-8"))
    unpacked = [p.name for p in (tmp_path / "cache").glob("gazetteer-*.sqlite")]
    assert unpacked == [f"gazetteer-f{shipped['format']}-{shipped['sha256'][:16]}.sqlite"]  # unpacked, not built


# --- pre-commit -----------------------------------------------------------------------------------------------

def _hook_takes(hook: dict, path: str) -> bool:
    """pre-commit's file filter for a hook: files and not exclude (regex search) and any of types_or."""
    from identify.identify import tags_from_filename

    if not re.search(hook.get("files", ""), path) or re.search(hook.get("exclude", "^$"), path):
        return False
    return bool(set(hook.get("types_or", [])) & tags_from_filename(path)) if hook.get("types_or") else True


@pytest.mark.parametrize("path, taken", [
    ("content/story.md", True), ("story.markdown", True), ("news/page.html", True), ("page.htm", True),
    ("drafts/story.txt", True), ("copylint.py", False), ("data.json", False), (".pre-commit-config.yaml", False),
    ("README", False), ("docs/index.rst", False), ("requirements.txt", False), ("requirements-dev.txt", False),
    ("LICENSE.txt", False), ("CMakeLists.txt", False), ("setup.cfg", False), ("robots.txt", False),
])
def test_pre_commit_hooks_take_articles_only(path, taken) -> None:
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"copylint", "copylint-languagetool"}
    for hook in hooks:
        assert _hook_takes(hook, path) == taken, (hook["id"], path)


# --- the README's snippets ------------------------------------------------------------------------------------

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_installs_from_a_path_or_the_repository_in_a_virtual_environment() -> None:
    installs = re.findall(r"pip install ([^\n&|;]+)", README)
    assert installs
    for args in installs:
        target = next(a for a in shlex.split(args, comments=True) if not a.startswith("-"))
        assert target.startswith((".", "git+", "copylint @")), args  # a path or the repository, not a bare name
    assert "python3 -m venv" in README and "externally" in README


def test_readme_pre_commit_snippet_works_as_written() -> None:
    yaml = pytest.importorskip("yaml")
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", README, re.DOTALL) if "repos:" in b]
    assert blocks
    for block in blocks:
        for repo in yaml.safe_load(block)["repos"]:
            if repo["repo"] == "local":
                assert all(h["entry"].startswith("copylint check") for h in repo["hooks"])
                continue
            rev = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{repo['rev']}^{{commit}}"], cwd=ROOT,
                                 capture_output=True, text=True)
            assert rev.returncode == 0, f"rev {repo['rev']!r} does not exist"
            assert {h["id"] for h in repo["hooks"]} <= hooks
