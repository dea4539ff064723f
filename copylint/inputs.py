"""Read input files strictly as UTF-8 text (BOM allowed and kept); binary or undecodable input is an InputError."""
from __future__ import annotations

import os

from .errors import InputError


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def read_text(path: str) -> str:
    """The file's text with its BOM and newlines exactly as stored."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return decode(data, path)


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
