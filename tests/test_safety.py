"""Regression tests for the fault-injection findings: no code from caches, safe --fix writes, trusted config,
bounded reads and rules, LanguageTool failures never silent, every failure one line."""
from __future__ import annotations

import json
import os
import pickle
import re
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from copylint.pipeline import CheckOptions, check_paths
from copylint.reporters.base import CollectingReporter

ARTICLE = "Back to top\n\nThe council met on Tuesday. It agreed the the budget.\n"


def cli(*args: str, cache: Path, cwd: Path | None = None, timeout: float = 60, env: dict | None = None,
        memory: int | None = 2 << 30) -> subprocess.CompletedProcess:
    """copylint in a child process (its own cache dir; address space capped so a runaway read cannot hurt)."""
    def limit() -> None:
        if memory:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    full_env = {**os.environ, "COPYLINT_CACHE_DIR": str(cache), **(env or {})}
    return subprocess.run([sys.executable, "-m", "copylint", *args], capture_output=True, text=True, cwd=cwd,
                          env=full_env, timeout=timeout, preexec_fn=limit)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("copylint: error")]
    assert result.returncode == 2 and len(errors) == 1, result.stderr
    return errors[0]


# --- caches hold data, never code ------------------------------------------------------------------------------

class _Planted:
    def __reduce__(self):
        return (os.system, (f"touch {os.environ['PLANTED_MARKER']}",))


def test_a_planted_rules_cache_runs_no_code(tmp_path) -> None:
    cache = tmp_path / "cache"
    assert cli("rules", cache=cache).returncode == 0
    marker = tmp_path / "pwned"
    os.environ["PLANTED_MARKER"] = str(marker)
    try:
        evil = pickle.dumps(_Planted())
    finally:
        del os.environ["PLANTED_MARKER"]
    planted = [p for p in (cache / "rules").iterdir() if p.is_file()]
    assert planted
    for path in planted:
        path.write_bytes(evil)
    for extra in ("--no-cache",), ():
        result = cli("check", "--no-languagetool", *extra, str(_article(tmp_path)), cache=cache)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert not marker.exists()


def test_junk_in_the_rules_cache_is_discarded_with_a_notice(tmp_path) -> None:
    cache = tmp_path / "cache"
    assert cli("rules", cache=cache).returncode == 0
    for path in (cache / "rules").iterdir():
        path.write_bytes(pickle.dumps(("not", "rules")))
    result = cli("check", "--no-languagetool", str(_article(tmp_path)), cache=cache)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "CL2" in result.stdout  # the page furniture is still found
    assert "discarded" in result.stderr
    again = cli("check", "--no-languagetool", "--no-cache", str(_article(tmp_path)), cache=cache)
    assert "discarded" not in again.stderr  # rebuilt once


def test_a_planted_finding_is_not_reported(tmp_path) -> None:
    import marshal

    cache = tmp_path / "cache"
    article = _article(tmp_path)
    first = cli("check", "--no-languagetool", str(article), cache=cache)
    [db] = cache.glob("findings-*.sqlite3")
    fake = marshal.dumps((("CL999", "planted", "error", "PLANTED FINDING", 0, 4, "Back", (), None, ()),))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE findings SET value = ?", (fake,))
    conn.close()
    second = cli("check", "--no-languagetool", str(article), cache=cache)
    assert "PLANTED" not in second.stdout and "Traceback" not in second.stderr
    assert second.stdout == first.stdout


def test_a_junk_findings_cache_is_rebuilt(tmp_path) -> None:
    cache = tmp_path / "cache"
    article = _article(tmp_path)
    first = cli("check", "--no-languagetool", str(article), cache=cache)
    [db] = cache.glob("findings-*.sqlite3")
    for extra in cache.glob("findings-*.sqlite3-*"):
        extra.unlink()
    db.write_bytes(b"\x00junk" * 100)
    second = cli("check", "--no-languagetool", str(article), cache=cache)
    assert second.stdout == first.stdout and "Traceback" not in second.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM findings").fetchone()[0] == 1


def test_cache_files_and_folders_are_private(tmp_path) -> None:
    cache = tmp_path / "cache"
    cli("check", "--no-languagetool", str(_article(tmp_path)), cache=cache)
    folders = [cache, *(p for p in cache.rglob("*") if p.is_dir())]
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert files and all(stat.S_IMODE(p.stat().st_mode) == 0o700 for p in folders)
    assert all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in files), [oct(p.stat().st_mode) for p in files]


def test_findings_rows_are_checksummed_plain_data() -> None:
    from copylint.cache import decode, encode
    from copylint.model import Applicability, Edit, Finding, Fix, Severity

    finding = Finding("a.txt", "CL201", "x", Severity.WARNING, "m", 0, 4, "Back", ("b",),
                      Fix((Edit(0, 4, ""),), Applicability.SAFE), (("spin_score", 1.5), ("n", (1, 2))))
    row = encode([finding], b"k" * 32)
    assert decode(row, "a.txt", b"k" * 32) == (finding,)
    with pytest.raises(ValueError):
        decode(row, "a.txt", b"j" * 32)  # a row moved to another text
    with pytest.raises(ValueError):
        decode(row[:-1] + b"}", "a.txt", b"k" * 32)


def test_rule_cache_key_is_the_rule_files_content(tmp_path) -> None:
    from copylint.cache import rules_cache_path

    assert rules_cache_path(["a.toml"], [b"x = 1"]) != rules_cache_path(["a.toml"], [b"x = 2"])


# --- --fix writes safely --------------------------------------------------------------------------------------

def _article(folder: Path, name: str = "article.txt", text: str = ARTICLE) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_fix_never_writes_through_a_planted_temp_link(tmp_path) -> None:
    article = _article(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    victim.chmod(0o600)
    (tmp_path / ".article.txt.copylint-tmp").symlink_to(victim)
    result = cli("check", "--fix", "--no-languagetool", str(article), cache=tmp_path / "cache")
    assert result.returncode in (0, 1), result.stderr
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o600
    assert "Back to top" not in article.read_text(encoding="utf-8")


def test_fix_writes_through_a_symlinked_article_and_keeps_its_mode(tmp_path) -> None:
    real = _article(tmp_path, "real.txt")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    result = cli("check", "--fix", "--no-languagetool", str(link), cache=tmp_path / "cache")
    assert result.returncode in (0, 1), result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "Back to top" not in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if "copylint-tmp" in p.name] == []


def test_fix_refuses_a_hard_linked_article(tmp_path) -> None:
    article = _article(tmp_path)
    twin = tmp_path / "twin.txt"
    os.link(article, twin)
    result = cli("check", "--fix", "--no-languagetool", str(article), cache=tmp_path / "cache")
    line = one_line_error(result)
    assert "hard links" in line
    assert article.read_text(encoding="utf-8") == ARTICLE and os.path.samefile(article, twin)


# --- config you can trust ---------------------------------------------------------------------------------------

def _settings(path: Path, cache: Path) -> dict:
    result = cli("check", "--show-settings", "--format", "json", str(path), cache=cache)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_config_search_stops_at_the_repository_root(tmp_path) -> None:
    (tmp_path / "copylint.toml").write_text('[languagetool]\nurl = "http://203.0.113.9:8081"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    article = _article(repo)
    settings = _settings(article, tmp_path / "cache")
    assert settings["config"].startswith("(none") and "203.0.113.9" not in settings["languagetool"]


def test_config_search_skips_folders_others_can_write(tmp_path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # as /tmp
    (shared / "copylint.toml").write_text('ignore = ["CL2"]\n', encoding="utf-8")
    mine = shared / "mine"
    mine.mkdir(mode=0o700)
    settings = _settings(_article(mine), tmp_path / "cache")
    assert settings["config"].startswith("(none")


def test_an_off_machine_url_from_a_config_outside_the_project_is_not_used(tmp_path) -> None:
    (tmp_path / "copylint.toml").write_text('[languagetool]\nurl = "http://203.0.113.9:8081"\n', encoding="utf-8")
    sub = tmp_path / "drafts"
    sub.mkdir()
    article = _article(sub)
    settings = _settings(article, tmp_path / "cache")
    assert settings["config"] == str(tmp_path / "copylint.toml")
    assert "203.0.113.9" not in settings["languagetool"]
    reporter = CollectingReporter()
    check_paths([str(article)], CheckOptions(languagetool=False, cache=False), reporter)
    assert any("203.0.113.9" in w and "not used" in w for w in reporter.warnings)
    # Inside the project (the folder holding .git), or named on the command line, it is used.
    (tmp_path / ".git").mkdir()
    assert "203.0.113.9" in _settings(article, tmp_path / "cache")["languagetool"]


def test_a_remote_url_is_announced(tmp_path) -> None:
    from copylint.engines.languagetool import is_loopback

    url = "http://203.0.113.9:8081"
    result = cli("check", "--languagetool-url", url, "--no-cache", str(_article(tmp_path)), cache=tmp_path / "cache",
                 env={"LANGUAGETOOL_TIMEOUT": "1"})
    assert f"LanguageTool at {url}" in result.stderr and "sent" in result.stderr
    quiet = cli("check", "--no-cache", str(_article(tmp_path)), cache=tmp_path / "cache")
    assert "sent to" not in quiet.stderr
    assert all(is_loopback(u) for u in ("http://127.0.0.1:8081", "http://localhost:8081/", "http://[::1]:80"))
    assert not any(is_loopback(u) for u in ("https://api.languagetool.org", "http://10.0.0.1", "http://localhost.evil"))


def test_an_unreadable_folder_in_the_config_search_is_not_a_crash(tmp_path, monkeypatch) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    article = _article(tmp_path / "a" / "b")
    blocked = tmp_path / "a"
    real_is_file = Path.is_file

    def is_file(self):
        if self.parent == blocked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_file(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    summary = check_paths([str(article)], CheckOptions(languagetool=False, cache=False), CollectingReporter())
    assert summary.texts == 1


# --- bounded everything ----------------------------------------------------------------------------------------

def test_a_device_is_refused_in_one_line(tmp_path) -> None:
    result = cli("check", "--no-languagetool", "/dev/zero", cache=tmp_path / "cache", timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "character device" in result.stdout + result.stderr


def test_walks_skip_devices_fifos_and_links_to_them(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _article(docs, "real.txt")
    (docs / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(docs / "pipe.md")
    result = cli("check", "--no-languagetool", str(docs), cache=tmp_path / "cache", timeout=60)
    assert result.returncode == 1, result.stderr
    assert "zero.txt: a character device, not a regular file: skipped" in result.stderr
    assert "pipe.md: a FIFO, not a regular file: skipped" in result.stderr
    assert "real.txt" in result.stdout


def test_files_over_the_size_cap_are_refused(tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Words and more words.\n" * 600_000)  # 13 MB: over the default cap
    result = cli("check", "--no-languagetool", str(big), cache=tmp_path / "cache")
    assert result.returncode == 2 and "over the size cap of 10,485,760 bytes" in result.stdout + result.stderr
    small = cli("check", "--no-languagetool", "--max-file-size", "1K", str(_article(tmp_path, text="A" * 2000)),
                cache=tmp_path / "cache")
    assert small.returncode == 2 and "over the size cap of 1,024 bytes" in small.stdout + small.stderr
    piped = subprocess.run([sys.executable, "-m", "copylint", "check", "--no-languagetool", "--max-file-size",
                            "1K", "-"], input="B" * 5000, capture_output=True, text=True,
                           env={**os.environ, "COPYLINT_CACHE_DIR": str(tmp_path / "cache")}, timeout=60)
    assert piped.returncode == 2 and "size cap" in piped.stdout + piped.stderr


def _user_rule(folder: Path, message: str = "user rule hit", pattern: str = "zzqx", raw: bytes | None = None) -> Path:
    rules = folder / "house-rules"
    rules.mkdir(exist_ok=True)
    body = (f'code = "CL299"\nname = "house-test"\nkind = "existence"\nseverity = "warning"\n'
            f"message = '{message}'\npattern = '{pattern}'\n"
            '[[examples]]\nbad = "x ⟦zzqx⟧ y"\n[[examples]]\ngood = "x y"\n')
    (rules / "house.toml").write_bytes(raw if raw is not None else body.encode("utf-8"))
    (folder / "copylint.toml").write_text('rule-dirs = ["house-rules"]\n', encoding="utf-8")
    (folder / ".git").mkdir(exist_ok=True)
    return folder


def test_a_runaway_user_pattern_is_one_error_naming_the_rule(tmp_path) -> None:
    _user_rule(tmp_path, pattern="(a+)+$")
    article = _article(tmp_path, text="a" * 5000 + "b\n")
    started = time.monotonic()
    result = cli("check", "--no-languagetool", "--no-cache", str(article), cache=tmp_path / "cache", timeout=90)
    assert time.monotonic() - started < 60
    line = one_line_error(result)
    assert "CL299" in line and "house.toml" in line


@pytest.mark.parametrize("message", ["{0} {", "{match.__class__.__mro__}", "{match[0]}", "{match!r}"])
def test_message_templates_take_named_fields_only(tmp_path, message) -> None:
    _user_rule(tmp_path, message=message)
    article = _article(tmp_path, text="A zzqx here.\n")
    line = one_line_error(cli("check", "--no-languagetool", "--no-cache", str(article), cache=tmp_path / "cache"))
    assert "house.toml" in line and "message" in line and "mro" not in line.split("template")[0]


def test_a_rule_file_that_is_not_utf8_is_one_error(tmp_path) -> None:
    _user_rule(tmp_path, raw=b'code = "CL299"\nname = "caf\xe9"\n')
    article = _article(tmp_path)
    line = one_line_error(cli("check", "--no-languagetool", "--no-cache", str(article), cache=tmp_path / "cache"))
    assert "house.toml" in line and "not UTF-8" in line


# --- LanguageTool failures: bounded and never silent ------------------------------------------------------------

class _FakeLanguageTool:
    """A local HTTP server playing LanguageTool badly: 'hang' accepts and never answers; 'fail' lists its
    languages then answers checks with a 500 and junk; 'drop' closes check connections; 'ok' answers no matches."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        if mode == "hang":
            self.sock = socket.socket()
            self.sock.bind(("127.0.0.1", 0))
            self.sock.listen(64)
            self.port = self.sock.getsockname()[1]
            return
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _json(self, body) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._json([{"name": "English (US)", "code": "en", "longCode": "en-US"},
                            {"name": "English (GB)", "code": "en", "longCode": "en-GB"}])

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if outer.mode == "ok":
                    self._json({"matches": []})
                elif outer.mode == "drop":
                    self.connection.shutdown(socket.SHUT_RDWR)
                else:
                    self.send_response(500)
                    self.end_headers()
                    self.wfile.write(b"<html>oops")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        if self.mode == "hang":
            self.sock.close()
        else:
            self.server.shutdown()
            self.server.server_close()


def test_a_server_that_never_answers_costs_seconds_not_minutes(tmp_path) -> None:
    server = _FakeLanguageTool("hang")
    try:
        started = time.monotonic()
        result = cli("check", "--languagetool-url", server.url, "--no-cache", str(_article(tmp_path)),
                     cache=tmp_path / "cache", env={"LANGUAGETOOL_TIMEOUT": "1"}, timeout=120)
        took = time.monotonic() - started
    finally:
        server.close()
    assert took < 30 and "Traceback" not in result.stderr
    assert "LanguageTool not reachable" in result.stderr and "timed out" in result.stderr


@pytest.mark.parametrize("mode", ["fail", "drop"])
def test_a_server_failing_mid_run_is_one_warning_and_nothing_is_cached(tmp_path, mode) -> None:
    server = _FakeLanguageTool(mode)
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        _article(docs, f"a{i}.txt", f"Story {i}. The council met on Tuesday.\n")
    cache = tmp_path / "cache"
    try:
        result = cli("check", "--languagetool-url", server.url, "-j", "1", str(docs), cache=cache, timeout=120)
    finally:
        server.close()
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "did not check 3 of 3 texts" in warnings[0], result.stderr
    assert result.returncode == 1
    for db in cache.glob("findings-*.sqlite3"):
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM findings").fetchone()[0] == 0
    assert "Traceback" not in result.stderr


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_pool_workers_die_with_their_parent(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = ("The council met on Tuesday and agreed a budget for the year. " * 40 + "\n\n") * 20
    for i in range(60):
        _article(docs, f"a{i:02}.txt", f"Story {i}.\n\n{text}")
    env = {**os.environ, "COPYLINT_CACHE_DIR": str(tmp_path / "cache")}
    parent = subprocess.Popen([sys.executable, "-m", "copylint", "check", "--no-languagetool", "--no-cache", "-j",
                               "2", str(docs)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2 and parent.poll() is None:
        workers = _children(parent.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool never started"
    time.sleep(0.5)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    survivors = [w for w in workers if _alive(w)]
    for w in survivors:
        os.kill(w, signal.SIGKILL)
    assert not survivors


def test_choosing_fixes_is_not_quadratic_in_their_number() -> None:
    from copylint.api import Linter

    text = "Ã©tÃ© " * 10_000 + "\n"  # 10,000 mojibake fixes, then doubled words: tens of thousands of fixes
    started = time.process_time()
    done = Linter(languagetool=False).fix("many.txt", text, "plain")
    assert time.process_time() - started < 10
    assert "Ã" not in done.source


def test_a_named_fifo_is_refused_but_process_substitution_and_stdin_are_read(tmp_path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    named = cli("check", "--no-languagetool", str(pipe), cache=tmp_path / "cache", timeout=30)
    assert named.returncode == 2 and "Traceback" not in named.stderr
    assert f"{pipe}:1:1: CL900 [error] cannot check: a FIFO, not a regular file: not read" in named.stdout
    env = {**os.environ, "COPYLINT_CACHE_DIR": str(tmp_path / "cache")}
    substituted = subprocess.run(["bash", "-c", f"'{sys.executable}' -m copylint check --no-languagetool "
                                  "<(printf 'It it was here.\\n')"], capture_output=True, text=True, env=env,
                                 timeout=60)
    assert substituted.returncode == 1, substituted.stderr
    assert re.search(r"^/(dev|proc/self)/fd/\d+:1:1: CL601", substituted.stdout, re.M)
    piped = subprocess.run([sys.executable, "-m", "copylint", "check", "--no-languagetool", "-"],
                           input="It it was here.\n", capture_output=True, text=True, env=env, timeout=60)
    assert piped.returncode == 1 and "<stdin>:1:1: CL601" in piped.stdout
    named_stdin = subprocess.run([sys.executable, "-m", "copylint", "check", "--no-languagetool", "/dev/stdin"],
                                 input="It it was here.\n", capture_output=True, text=True, env=env, timeout=60)
    assert named_stdin.returncode == 1 and "/dev/stdin:1:1: CL601" in named_stdin.stdout
