"""Findings cache (SQLite under the user cache dir): a text with the same content, rules, config and copylint is not linted again."""
from __future__ import annotations

import hashlib
import marshal
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from . import __version__

if TYPE_CHECKING:
    from .model import Finding
    from .runner import LinterSpec, Task

SCHEMA = 2
# Cache files not used for this long are deleted when another one is opened.
STALE_SECONDS = 30 * 24 * 3600
COMMIT_EVERY = 500
# Keys per SELECT ... IN (...): well under SQLite's oldest limit of 999 bound parameters.
LOOKUP_CHUNK = 500
# A cache file up to this size is read whole at the first lookup: one scan costs less than thousands of probes.
READ_WHOLE_BYTES = 4 << 20
_NOTHING = marshal.dumps(())


def default_dir() -> Path:
    """$COPYLINT_CACHE_DIR, else the platform's user cache dir (e.g. ~/.cache/copylint)."""
    env = os.environ.get("COPYLINT_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("copylint", appauthor=False))


def fingerprint(spec: LinterSpec, languagetool_active: bool = False) -> str:
    """What findings depend on besides the text: copylint's version and code, every rule file, the config and the
    command-line selection, and whether LanguageTool took part."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{SCHEMA}|{__version__}|{spec!r}|lt={languagetool_active}".encode())
    if languagetool_active:
        h.update(f"{os.environ.get('LANGUAGETOOL_URL')}|{os.environ.get('LANGUAGETOOL_PORT')}".encode())
    package = os.path.dirname(os.path.realpath(__file__))
    roots = [package, builtin_rules_dir(package)]
    if spec.config is not None:
        roots.extend(os.fspath(d) for d in spec.config.rule_dirs)
    for root in roots:
        _hash_tree(h, root)
    return h.hexdigest()


def builtin_rules_dir(package: str) -> str:
    """registry.builtin_rules_dir without importing the registry (and regex): a fully cached run compiles nothing."""
    here = os.path.join(os.path.dirname(package), "rules")
    if os.path.isfile(os.path.join(here, "__init__.py")):
        return here
    from importlib.resources import files

    return str(files("copylint.rules"))


def _hash_tree(h, root: str, rel: str = "") -> None:
    """Names, sizes and modification times of the files under root: any edit to code, rules or data shows."""
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    dirs = []
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__" and not entry.name.startswith("."):
                    dirs.append(entry)
                continue
            if entry.name.endswith((".pyc", ".pyo")):
                continue
            st = entry.stat()
        except OSError:
            continue
        h.update(f"{rel}{entry.name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    for entry in dirs:  # a directory's own files first, then its subdirectories, each in name order
        _hash_tree(h, entry.path, f"{rel}{entry.name}{os.sep}")


class Cache:
    """One SQLite file per fingerprint; rows keyed by a hash of (path, format, text). Errors never stop a run:
    a cache that cannot be read or written just misses."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        import sqlite3

        self._sqlite3 = sqlite3
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"findings-{fingerprint[:24]}.sqlite3"
        _prune(directory, keep=self.path)
        self.readonly = False
        self.hits = self.misses = 0
        self._pending = 0
        self._whole: dict[bytes, bytes] | None = None  # every row, when the file was small enough to read whole
        self._looked = False
        self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS findings (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
        os.utime(self.path)

    @classmethod
    def open(cls, directory: Path, fingerprint: str) -> tuple[Cache | None, str | None]:
        """(cache, None), or (None, why) when the directory or database cannot be used."""
        import sqlite3

        try:
            return cls(directory, fingerprint), None
        except (OSError, sqlite3.Error) as exc:
            return None, f"cache disabled: {directory}: {exc}"

    @staticmethod
    def key(task: Task) -> bytes:
        """sha256 of the path, format and text (as UTF-8: task.data when the reader kept the bytes it decoded)."""
        data = task.data if task.data is not None else task.source.encode("utf-8", "surrogatepass")
        h = hashlib.sha256(f"{task.path}\0{task.fmt}\0".encode("utf-8", "surrogatepass"))
        h.update(data)
        return h.digest()

    def get(self, task: Task) -> tuple[Finding, ...] | None:
        return self.get_many([task])[0]

    def get_many(self, tasks: Sequence[Task]) -> list[tuple[Finding, ...] | None]:
        """get() for each task: from the whole table when it is small, else one SELECT per LOOKUP_CHUNK keys."""
        keys = [self.key(task) for task in tasks]
        if not self._looked:
            self._looked, self._whole = True, self._read_whole()
        rows = self._whole if self._whole is not None else self._select(keys)
        return [self._found(rows.get(key), task.path) for key, task in zip(keys, tasks)]

    def _read_whole(self) -> dict[bytes, bytes] | None:
        try:
            pages = self._db.execute("PRAGMA page_count").fetchone()[0]
            if pages * self._db.execute("PRAGMA page_size").fetchone()[0] <= READ_WHOLE_BYTES:
                return dict(self._db.execute("SELECT key, value FROM findings"))
        except self._sqlite3.Error:
            pass
        return None

    def _select(self, keys: list[bytes]) -> dict[bytes, bytes]:
        rows: dict[bytes, bytes] = {}
        try:
            for i in range(0, len(keys), LOOKUP_CHUNK):
                chunk = keys[i : i + LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows.update(self._db.execute(f"SELECT key, value FROM findings WHERE key IN ({marks})", chunk))
        except self._sqlite3.Error:
            pass  # what was not read misses
        return rows

    def _found(self, value: bytes | None, path: str) -> tuple[Finding, ...] | None:
        if value is not None:
            try:
                found = decode(value, path)
            except (ValueError, EOFError, TypeError, KeyError, IndexError):
                pass
            else:
                self.hits += 1
                return found
        self.misses += 1
        return None

    def put(self, task: Task, findings: tuple[Finding, ...]) -> None:
        if self.readonly:
            return
        try:
            value = encode(findings)
        except ValueError:  # a finding whose extra data marshal cannot store: lint that text again next time
            return
        try:
            if self._pending == 0:
                self._db.execute("BEGIN")
            key = self.key(task)
            self._db.execute("INSERT OR REPLACE INTO findings (key, value) VALUES (?, ?)", (key, value))
            if self._whole is not None:
                self._whole[key] = value
            self._pending += 1
            if self._pending >= COMMIT_EVERY:
                self._commit()
        except self._sqlite3.Error:
            self._pending = 0
            self.readonly = True

    def _commit(self) -> None:
        if self._pending:
            self._pending = 0
            self._db.execute("COMMIT")

    def close(self) -> None:
        try:
            self._commit()
            self._db.close()
        except self._sqlite3.Error:
            pass

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def encode(findings: Iterable[Finding]) -> bytes:
    """Findings as plain tuples (marshal: fast, no code execution on load); the path is the key's, not stored."""
    rows = tuple(
        (f.code, f.name, f.severity.value, f.message, f.start, f.end, f.text, tuple(f.suggestions),
         None if f.fix is None else (f.fix.applicability.value, tuple((e.start, e.end, e.content) for e in f.fix.edits)),
         tuple(f.data))
        for f in findings
    )
    return marshal.dumps(rows)


def decode(data: bytes, path: str) -> tuple[Finding, ...]:
    if data == _NOTHING:  # most texts
        return ()
    rows = marshal.loads(data)
    from .model import Applicability, Edit, Finding, Fix, Severity

    out = []
    for code, name, severity, message, start, end, text, suggestions, fix, extra in rows:
        if fix is not None:
            fix = Fix(tuple(Edit(*e) for e in fix[1]), Applicability(fix[0]))
        out.append(Finding(path, code, name, Severity(severity), message, start, end, text, suggestions, fix, extra))
    return tuple(out)


def _prune(directory: Path, keep: Path) -> None:
    cutoff = time.time() - STALE_SECONDS
    with os.scandir(directory) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith("findings-") and ".sqlite3" in name[9:]) or name.startswith(keep.name):
                continue
            try:
                if entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
            except OSError:
                pass
