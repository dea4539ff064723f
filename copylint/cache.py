"""Caches under the user cache dir, all plain data (never code): findings (SQLite rows of checksummed JSON) and the
parsed rule files (checksummed JSON). A text with the same content, rules, config and copylint is not linted again."""
from __future__ import annotations

import json
import os
import stat
import time
from hashlib import blake2b
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from . import __version__
from .inputs import MAX_FILE_SIZE, read_source
from .runner import Task

if TYPE_CHECKING:
    from .model import Finding
    from .runner import LinterSpec

SCHEMA = 4  # 4: rows are checksummed JSON (was marshal)
ROW_FORMAT = 1
CHECKSUM_BYTES = 16
# Cache files not used for this long are deleted when another one is opened.
STALE_SECONDS = 30 * 24 * 3600
COMMIT_EVERY = 500
# Keys per SELECT ... IN (...): well under SQLite's oldest limit of 999 bound parameters.
LOOKUP_CHUNK = 500
# A cache file up to this size is read whole at the first lookup: one scan costs less than thousands of probes.
READ_WHOLE_BYTES = 4 << 20
# A file's stat signature is trusted only when its mtime and ctime are this much older than the clock when it was
# read: a change within the file system's timestamp granularity after the read could leave both unchanged (git's
# "racy clean" problem). Such a file is read and hashed again next time.
RACY_NS = 2_000_000_000
_now_ns = time.time_ns  # the clock at read time (tests move it on rather than waiting)


# One-line notices about the caches (a damaged entry discarded, a cache dir refused) for the run to report once.
NOTICES: list[str] = []


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
    _hash_tree(h, package)
    rule_roots = [builtin_rules_dir(package)]
    if spec.config is not None:
        rule_roots.extend(os.fspath(d) for d in spec.config.rule_dirs)
    for root in rule_roots:  # rule files by content: a rewrite keeping size and mtime still shows
        _hash_tree(h, root, content=True)
    return h.hexdigest()


def builtin_rules_dir(package: str) -> str:
    """registry.builtin_rules_dir without importing the registry (and regex): a fully cached run compiles nothing."""
    here = os.path.join(os.path.dirname(package), "rules")
    if os.path.isfile(os.path.join(here, "__init__.py")):
        return here
    from importlib.resources import files

    return str(files("copylint.rules"))


def _hash_tree(h, root: str, rel: str = "", content: bool = False) -> None:
    """Names, sizes and modification times (content: names and bytes) of the files under root: any edit to code,
    rules or data shows."""
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
            if content:
                with open(entry.path, "rb") as handle:
                    body = handle.read()
                h.update(f"{rel}{entry.name}|{len(body)}\n".encode())
                h.update(body)
                continue
            st = entry.stat()
        except OSError:
            continue
        h.update(f"{rel}{entry.name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    for entry in dirs:  # a directory's own files first, then its subdirectories, each in name order
        _hash_tree(h, entry.path, f"{rel}{entry.name}{os.sep}", content)


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
        secure_dir(directory)
        self.path = directory / f"findings-{fingerprint[:24]}.sqlite3"
        _prune(directory, keep=self.path)
        _create_private(self.path)
        self.readonly = False
        self.hits = self.misses = 0
        self.unread = 0  # files known unchanged and finding-free by their stat signature
        self.discarded = 0  # rows that failed to parse or verify (deleted: linted again)
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
        except sqlite3.DatabaseError as exc:  # not a database (junk, truncated): start it again, once
            damaged = directory / f"findings-{fingerprint[:24]}.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                try:
                    os.unlink(f"{damaged}{suffix}")
                except OSError:
                    pass
            try:
                return cls(directory, fingerprint), f"cache file {damaged} was damaged ({exc}): discarded"
            except (OSError, sqlite3.Error) as again:
                return None, f"cache disabled: {directory}: {again}"
        except (OSError, sqlite3.Error, CacheDirError) as exc:
            return None, f"cache disabled: {exc}" if isinstance(exc, CacheDirError) else \
                f"cache disabled: {directory}: {exc}"

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
        found = [self._found(key, rows.get(key), task.path) for key, task in zip(keys, tasks)]
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

    def read(self, name: str, fmt: str | None, st: os.stat_result | None = None,
             max_size: int | None = MAX_FILE_SIZE) -> Task | None:
        """The Task for a file, read as inputs.read_source does, with the stat signature it had before the read (st:
        an os.stat() taken earlier, else one taken now) when old enough to be trusted next time; None, without
        reading it, for a file unchanged() knows (a cache hit with no findings: reporters need not have its text)."""
        if st is None:
            try:
                st = os.stat(name)
            except (OSError, ValueError):
                pass  # read_source says why
        if st is None or not stat.S_ISREG(st.st_mode):
            source, data = read_source(name, max_size=max_size)
            return Task(name, source, fmt, data)
        if self.unchanged(name, fmt, st):
            self.hits += 1
            self.unread += 1
            return None
        source, data = read_source(name, True, max_size)
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

    def _found(self, key: bytes, value: bytes | None, path: str) -> tuple[Finding, ...] | None:
        if value is not None:
            try:
                found = decode(value, path, key)
            except (ValueError, TypeError, KeyError, IndexError):
                self._discard(key)
            else:
                self.hits += 1
                return found
        self.misses += 1
        return None

    def _discard(self, key: bytes) -> None:
        """A row that fails to parse or verify: deleted, and the text linted again."""
        self.discarded += 1
        if self._whole is not None:
            self._whole.pop(key, None)
        self._write("DELETE FROM findings WHERE key = ?", (key,))

    def put(self, task: Task, findings: tuple[Finding, ...]) -> None:
        key = self.key(task)
        try:
            value = encode(findings, key)
        except ValueError:  # a finding whose extra data is not plain JSON data: lint that text again next time
            return
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
        if self.discarded:
            NOTICES.append(f"cache: {self.discarded} damaged entr{'y' if self.discarded == 1 else 'ies'} in "
                           f"{self.path} discarded; those texts were linted again")
            self.discarded = 0

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_PLAIN = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """value for JSON: tuples become lists (and lists come back as tuples); anything but plain data is refused."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    raise ValueError(f"not plain data: {type(value).__name__}")


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _checksum(payload: bytes, key: bytes) -> bytes:
    """BLAKE2b of a row keyed by its cache key: a row moved to another key, or changed, does not verify."""
    return blake2b(payload, digest_size=CHECKSUM_BYTES, key=key[:64]).digest()


def encode(findings: Iterable[Finding], key: bytes = b"") -> bytes:
    """Findings as a checksum then JSON [format, rows] of plain values; the path is the key's, not stored."""
    rows = [
        [f.code, f.name, f.severity.value, f.message, f.start, f.end, f.text, list(f.suggestions),
         None if f.fix is None else [f.fix.applicability.value, [[e.start, e.end, e.content] for e in f.fix.edits]],
         _plain(tuple(f.data))]
        for f in findings
    ]
    payload = json.dumps([ROW_FORMAT, rows], ensure_ascii=False, separators=(",", ":"),
                         allow_nan=False).encode("utf-8", "surrogatepass")
    return _checksum(payload, key) + payload


def decode(data: bytes, path: str, key: bytes = b"") -> tuple[Finding, ...]:
    """encode()'s findings; ValueError (or TypeError, KeyError, IndexError) when the row is damaged or foreign."""
    payload = data[CHECKSUM_BYTES:]
    if len(data) <= CHECKSUM_BYTES or data[:CHECKSUM_BYTES] != _checksum(payload, key):
        raise ValueError("checksum mismatch")
    version, rows = json.loads(payload.decode("utf-8", "surrogatepass"))
    if version != ROW_FORMAT or not isinstance(rows, list):
        raise ValueError("unknown row format")
    if not rows:  # most texts
        return ()
    from .model import Applicability, Edit, Finding, Fix, Severity

    out = []
    for code, name, severity, message, start, end, text, suggestions, fix, extra in rows:
        if not all(isinstance(x, str) for x in (code, name, message, text, *suggestions)) or \
                not all(type(x) is int for x in (start, end)):
            raise TypeError("bad field types")
        if fix is not None:
            fix = Fix(tuple(Edit(int(a), int(b), str(c)) for a, b, c in fix[1]), Applicability(fix[0]))
        out.append(Finding(path, code, name, Severity(severity), message, start, end, text, tuple(suggestions), fix,
                           _tuples(extra)))
    return tuple(out)


class CacheDirError(Exception):
    """A cache directory copylint must not use (owned by another user)."""


def secure_dir(directory: Path) -> None:
    """Create the directory 0700 (and its missing parents); refuse one owned by another user; make ours 0700."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = os.stat(directory)
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise CacheDirError(f"{directory} belongs to another user")
    if stat.S_IMODE(st.st_mode) & 0o077:
        os.chmod(directory, 0o700)


def _create_private(path: Path) -> None:
    """Create the file 0600 if missing (SQLite gives its -wal and -shm files the same mode); never through a link."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        if os.path.islink(path):
            raise CacheDirError(f"{path} is a symlink") from None
        os.chmod(path, 0o600)
        return
    os.close(fd)


_JSON_MAGIC = b"copylint-cache 1 "


def rules_cache_path(names: list[str], contents: list[bytes]) -> Path | None:
    """Where the parsed rule files with exactly these names and bytes (and this copylint) are kept."""
    from . import __version__

    h = blake2b(f"{__version__}|{SCHEMA}\n".encode(), digest_size=16)
    for name, body in zip(names, contents):
        h.update(f"{name}|{len(body)}\n".encode("utf-8", "surrogatepass"))
        h.update(body)
    return default_dir() / "rules" / f"{h.hexdigest()}.json"


def read_json(path: Path, expect: type = object) -> Any:
    """The plain data write_json stored at path, or None when missing; a damaged or foreign file is deleted (one
    notice) and None returned."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > 64 << 20:
            raise ValueError("not a regular file of sane size")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read()
        header, _, payload = data.partition(b"\n")
        if not header.startswith(_JSON_MAGIC) or bytes.fromhex(header[len(_JSON_MAGIC):].decode("ascii")) != \
                blake2b(payload, digest_size=CHECKSUM_BYTES).digest():
            raise ValueError("checksum mismatch")
        value = json.loads(payload.decode("utf-8"))
        if not isinstance(value, expect):
            raise ValueError("unexpected content")
        os.utime(fd)  # in use: not pruned
        return value
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        NOTICES.append(f"cache: {path} was damaged ({exc}): discarded and built again")
        try:
            os.unlink(path)
        except OSError:
            pass
        return None
    finally:
        os.close(fd)


def write_json(path: Path, value: Any) -> None:
    """Store plain data at path (0600, written to a fresh temp file then renamed); old files there are pruned.
    A cache that cannot be written costs speed, never correctness."""
    import tempfile

    try:
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):  # e.g. a TOML date: not JSON data, so not cached
        return
    body = _JSON_MAGIC + blake2b(payload, digest_size=CHECKSUM_BYTES).hexdigest().encode() + b"\n" + payload
    try:
        secure_dir(path.parent.parent)  # the cache root: other caches (the place index) live there too
        secure_dir(path.parent)
        _prune_files(path.parent, ".json", keep=path.name)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(body)
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)
            raise
    except (OSError, CacheDirError):
        pass


def _prune_files(directory: Path, suffix: str, keep: str) -> None:
    cutoff = time.time() - STALE_SECONDS
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.endswith(suffix) and entry.name != keep:
                    try:
                        if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                            os.unlink(entry.path)
                    except OSError:
                        pass
    except OSError:
        pass


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
