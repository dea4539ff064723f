"""Read input files strictly as UTF-8 text (BOM allowed and kept); binary or undecodable input is an InputError."""
from __future__ import annotations

import os
import stat

from .errors import InputError

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_FIRST_READ = 1 << 16  # bytes asked for at once from a file whose size is not known


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


def read_source(path: str, regular: bool = False) -> tuple[str, bytes]:
    """The file's text (as read_text) and the bytes it was decoded from. `regular`: the path is known to be a
    regular file, so its size is not asked first (one system call fewer: they count over thousands of files)."""
    try:
        data = _read_bytes(path, regular)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return decode(data, path), data


def _read_bytes(path: str, regular: bool) -> bytes:
    # os.open/os.read rather than open(): no buffered file object per file, which counts over thousands of files.
    fd = os.open(path, _OPEN_FLAGS)
    try:
        if regular:
            size = _FIRST_READ
        else:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError
            size, regular = st.st_size + 1, stat.S_ISREG(st.st_mode)
        data = os.read(fd, size)
        if regular and len(data) < size:
            return data  # a regular file read short of what was asked for has been read to its end
        parts = [data]
        while data:
            data = os.read(fd, max(size, _FIRST_READ))
            parts.append(data)
        return b"".join(parts)
    finally:
        os.close(fd)


def write_atomic(path: str, text: str) -> None:
    """Replace the file's content in one step (temp file + rename), keeping its permissions."""
    directory = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(directory, f".{os.path.basename(path)}.copylint-tmp")
    try:
        mode = os.stat(path).st_mode & 0o7777
        with open(tmp, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
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
