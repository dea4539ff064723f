"""Findings cache (SQLite under the user cache dir): a text with the same content, rules, config and copylint is not linted again."""
from __future__ import annotations

import marshal
import os
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

try:  # the built-in BLAKE2: importing hashlib loads OpenSSL, a few ms of a fully cached run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

from . import __version__
from .inputs import read_source
from .runner import Task

if TYPE_CHECKING:
    from .model import Finding
    from .runner import LinterSpec

SCHEMA = 3
# Cache files not used for this long are deleted when another one is opened.
STALE_SECONDS = 30 * 24 * 3600
COMMIT_EVERY = 500
# Keys per SELECT ... IN (...): well under SQLite's oldest limit of 999 bound parameters.
LOOKUP_CHUNK = 500
# A cache file up to this size is read whole at the first lookup: one scan costs less than thousands of probes.
READ_WHOLE_BYTES = 4 << 20
_NOTHING = marshal.dumps(())
# A file's stat signature is trusted only when its mtime and ctime are this much older than the clock when it was
# read: a change within the file system's timestamp granularity after the read could leave both unchanged (git's
# "racy clean" problem). Such a file is read and hashed again next time.
RACY_NS = 2_000_000_000
_now_ns = time.time_ns  # the clock at read time (tests move it on rather than waiting)


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
    h = blake2b(digest_size=16)
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


def signature(st: os.stat_result) -> str:
    """What a change to a file changes: device, inode, size, modification and inode-change times (as git's index)."""
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def trusted_signature(st: os.stat_result, read_ns: int) -> str | None:
    """The signature of a file stat()ed before it was read at read_ns, or None when it changed too recently to be
    told apart by its timestamps from a change made just after the read."""
    if st.st_mtime_ns < read_ns - RACY_NS and st.st_ctime_ns < read_ns - RACY_NS:
        return signature(st)
    return None


def _file_id(path: str, fmt: str | None) -> bytes:
    return f"{path}\0{fmt}".encode("utf-8", "surrogatepass")


class Cache:
    """One SQLite file per fingerprint; rows keyed by a hash of (path, format, text). Errors never stop a run:
    a cache that cannot be read or written just misses. A second table holds the stat signature (when read) of each
    file (path and format) in whose text nothing was found, so such a file is not even read again while unchanged."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        import sqlite3

        self._sqlite3 = sqlite3
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"findings-{fingerprint[:24]}.sqlite3"
        _prune(directory, keep=self.path)
        self.readonly = False
        self.hits = self.misses = 0
        self.unread = 0  # files known unchanged and finding-free by their stat signature
        self._pending = 0
        self._whole: dict[bytes, bytes] | None = None  # every row, when the file was small enough to read whole
        # file id -> stat signature: every row when read whole, else the rows looked up or stored so far
        self._files: dict[bytes, str] = {}
        self._looked = False
        self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS findings (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
        self._db.execute("CREATE TABLE IF NOT EXISTS files (file BLOB PRIMARY KEY, stat TEXT NOT NULL) WITHOUT ROWID")
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
        """BLAKE2b-256 of the path, format and text (as UTF-8: task.data when the reader kept the bytes it decoded)."""
        data = task.data if task.data is not None else task.source.encode("utf-8", "surrogatepass")
        h = blake2b(f"{task.path}\0{task.fmt}\0".encode("utf-8", "surrogatepass"), digest_size=32)
        h.update(data)
        return h.digest()

    def get(self, task: Task) -> tuple[Finding, ...] | None:
        return self.get_many([task])[0]

    def get_many(self, tasks: Sequence[Task]) -> list[tuple[Finding, ...] | None]:
        """get() for each task: from the whole table when it is small, else one SELECT per LOOKUP_CHUNK keys."""
        keys = [self.key(task) for task in tasks]
        self._look()
        rows = self._whole if self._whole is not None else self._select(keys)
        found = [self._found(rows.get(key), task.path) for key, task in zip(keys, tasks)]
        for task, hit in zip(tasks, found):
            if hit is not None and not hit and task.stat is not None:
                self._remember(task)  # read again only for want of a trusted signature: not next time
        return found

    def unchanged(self, path: str, fmt: str | None, st: os.stat_result) -> bool:
        """Whether the file has the stat signature stored when it was last read, with nothing found in its text."""
        self._look()
        file = _file_id(path, fmt)
        stored = self._files.get(file) if self._whole is not None else self._select_file(file)
        return stored == signature(st)

    def read(self, name: str, fmt: str | None, st: os.stat_result | None = None) -> Task | None:
        """The Task for a file, read as inputs.read_source does, with the stat signature it had before the read (st:
        an os.stat() taken earlier, else one taken now) when old enough to be trusted next time; None, without
        reading it, for a file unchanged() knows (a cache hit with no findings: reporters need not have its text)."""
        if st is None:
            try:
                st = os.stat(name)
            except (OSError, ValueError):
                pass  # read_source says why
        if st is None or not stat.S_ISREG(st.st_mode):
            source, data = read_source(name)
            return Task(name, source, fmt, data)
        if self.unchanged(name, fmt, st):
            self.hits += 1
            self.unread += 1
            return None
        source, data = read_source(name, True)
        return Task(name, source, fmt, data, stat=trusted_signature(st, _now_ns()))

    def _look(self) -> None:
        if not self._looked:
            self._looked = True
            self._read_whole()

    def _read_whole(self) -> None:
        try:
            pages = self._db.execute("PRAGMA page_count").fetchone()[0]
            if pages * self._db.execute("PRAGMA page_size").fetchone()[0] <= READ_WHOLE_BYTES:
                whole = dict(self._db.execute("SELECT key, value FROM findings"))
                self._files = dict(self._db.execute("SELECT file, stat FROM files"))
                self._whole = whole
        except self._sqlite3.Error:
            pass

    def _select_file(self, file: bytes) -> str | None:
        try:
            row = self._db.execute("SELECT stat FROM files WHERE file = ?", (file,)).fetchone()
        except self._sqlite3.Error:
            return None
        if row is None:
            return None
        self._files[file] = row[0]
        return row[0]

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
        try:
            value = encode(findings)
        except ValueError:  # a finding whose extra data marshal cannot store: lint that text again next time
            return
        key = self.key(task)
        if self._write("INSERT OR REPLACE INTO findings (key, value) VALUES (?, ?)", (key, value)):
            if self._whole is not None:
                self._whole[key] = value
            if not findings and task.stat is not None:
                self._remember(task)

    def _remember(self, task: Task) -> None:
        """Store the signature of a file read with nothing found in it (task.stat: trusted when read)."""
        file = _file_id(task.path, task.fmt)
        if self._files.get(file) != task.stat and self._write("INSERT OR REPLACE INTO files VALUES (?, ?)",
                                                             (file, task.stat)):
            self._files[file] = task.stat

    def _write(self, sql: str, params: tuple) -> bool:
        """One statement in the open batch of writes; False (and no more writes) once the cache cannot be written."""
        if self.readonly:
            return False
        try:
            if self._pending == 0:
                self._db.execute("BEGIN")
            self._db.execute(sql, params)
            self._pending += 1
            if self._pending >= COMMIT_EVERY:
                self._commit()
            return True
        except self._sqlite3.Error:
            self._pending = 0
            self.readonly = True
            return False

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
