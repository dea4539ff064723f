"""Read input files strictly as UTF-8 text (BOM allowed and kept; regular files only, up to a size cap); binary,
undecodable, special or oversized input is an InputError. Write fixed text back safely."""
from __future__ import annotations

import os
import re
import stat

from .errors import InputError

# O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused once opened, as every non-regular file is).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
_FIRST_READ = 1 << 16  # bytes asked for at once from a file whose size is not known
MAX_FILE_SIZE = 10 * 1024 * 1024  # default cap on one input (--max-file-size)


def kind_name(mode: int) -> str:
    """What a non-regular file is, for the one-line refusal."""
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def is_fd_path(path: str) -> bool:
    """A path naming an already open descriptor: process substitution as shells pass it (/dev/fd/N,
    /proc/self/fd/N), or /dev/stdin."""
    return re.fullmatch(r"/dev/stdin|/(?:dev|proc/self)/fd/[0-9]+", path) is not None


def too_big(name: str, size: int, limit: int) -> InputError:
    return InputError(f"{name}: {size:,} bytes is over the size cap of {limit:,} bytes (--max-file-size)")


def decode(data: bytes, name: str) -> str:
    if data.find(b"\x00", 0, 8192) != -1:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def read_text(path: str) -> str:
    """The file's text with its BOM and newlines exactly as stored."""
    return read_source(path)[0]


def read_source(path: str, regular: bool = False, max_size: int | None = MAX_FILE_SIZE) -> tuple[str, bytes]:
    """The file's text (as read_text) and the bytes it was decoded from: a regular file of at most max_size bytes
    (None: no cap), else an InputError. `regular` is accepted for callers that know the kind; the opened file is
    checked all the same (it may have changed since)."""
    try:
        data = _read_bytes(path, max_size)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return decode(data, path), data


def _read_bytes(path: str, max_size: int | None) -> bytes:
    # os.open/os.read rather than open(): no buffered file object per file, which counts over thousands of files.
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if stat.S_ISFIFO(st.st_mode) and is_fd_path(path):
            # Process substitution (`copylint check <(cmd)`): the shell passes a pipe as a /dev/fd path; read to
            # its end, up to the cap. Any other FIFO (a named pipe) is refused below: it may never be written.
            os.set_blocking(fd, True)
            return read_bounded(fd, path, _FIRST_READ, max_size)
        if not stat.S_ISREG(st.st_mode):
            hint = " (pipe text in with `-` or `<(command)`)" if stat.S_ISFIFO(st.st_mode) else ""
            raise InputError(f"{path}: {kind_name(st.st_mode)}, not a regular file: not read{hint}")
        if max_size is not None and st.st_size > max_size:
            raise too_big(path, st.st_size, max_size)
        return read_bounded(fd, path, st.st_size + 1, max_size)
    finally:
        os.close(fd)


def read_bounded(fd: int, name: str, first: int, max_size: int | None) -> bytes:
    """Everything from fd, refused (InputError) once past max_size bytes (a file growing while read, a pipe)."""
    data = os.read(fd, first)
    if len(data) < first and first > _FIRST_READ:
        return data  # a regular file read short of its size + 1: at its end
    parts = [data]
    total = len(data)
    while data:
        data = os.read(fd, max(first, _FIRST_READ))
        parts.append(data)
        total += len(data)
        if max_size is not None and total > max_size:
            raise too_big(name, total, max_size)
    return b"".join(parts)


def write_atomic(path: str, text: str) -> None:
    """Replace the file's content in one step: a fresh temp file (O_EXCL, never through a link, in the target's
    folder) given the target's mode, then renamed over it. A symlinked file is written through: its target gets the
    new content and the link stays. A hard-linked or non-regular file is refused (a rename would split the links)."""
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: {kind_name(st.st_mode)}, not a regular file: not written")
    if st.st_nlink > 1:
        raise InputError(f"{path}: has {st.st_nlink} hard links; not rewritten (the links would split): "
                         "fix it by hand or use --diff")
    import tempfile

    directory, base = os.path.split(target)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{base}.", suffix=".copylint-tmp", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            os.fchmod(handle.fileno(), stat.S_IMODE(st.st_mode))
            if hasattr(os, "getuid") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.fchown(handle.fileno(), st.st_uid, st.st_gid)
                except OSError:
                    pass  # as the user running copylint: the file becomes theirs (as an editor saving it would)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def write_file(path: str, text: str) -> None:
    """Write a whole file: an existing one replaced atomically, a new one created (never through a symlink)."""
    if os.path.lexists(path) and not os.path.islink(path):
        write_atomic(path, text)
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as exc:
        raise InputError(f"{path}: cannot create: {exc.strerror or exc}") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))
