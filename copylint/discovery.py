"""Find the files to lint: walk directories for known extensions, honour .gitignore and include/exclude globs."""
from __future__ import annotations

import os
import stat
from typing import Iterable, Iterator, Sequence

from .errors import InputError
from .formats import EXTENSIONS

WALKED_EXTENSIONS = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})
# Never descended into, ignored or not (hidden directories such as .git and .github are skipped too).
_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
# Named paths sharing a directory from which one listing of it replaces a stat() of each.
_LIST_FROM = 32


def discover(
    paths: Sequence[str],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    respect_gitignore: bool = True,
    regular: set[str] | None = None,
    stats: dict[str, os.stat_result] | None = None,
    errors: list[tuple[str, str]] | None = None,
    skipped: list[str] | None = None,
) -> tuple[list[tuple[str, str]], list[str]]:
    """(path, format) of every file to lint, sorted, plus the explicit files read as plain text for want of a
    known extension. Explicit files are always taken; walked files need a known extension (or an include glob),
    must not match an exclude glob and must not be git-ignored. `regular`, when given, receives the explicit files
    known to be regular files (a reader need not ask their size again); `stats`, when given, the os.stat() of each
    explicit file (each is then stat()ed rather than found in a listing of its directory). A path that is missing
    or unreadable is an InputError, or, when `errors` is given, appended to it as (path, problem) and skipped.
    A walked entry that is not a regular file (a FIFO, socket, device, or a link to one) is never read: `skipped`,
    when given, receives a one-line notice for each."""
    include_spec = _spec(include)
    exclude_spec = _spec(exclude)
    found: dict[str, str] = {}
    unknown: list[str] = []
    listed = _listed_kinds(paths) if stats is None else {}
    for path in paths:
        kind = listed.get(path)
        st = None
        if kind is None:
            try:
                st = os.stat(path)
            except (OSError, ValueError):
                _problem(errors, path, "no such file or directory")
                continue
            kind = stat.S_IFMT(st.st_mode)
        if kind == stat.S_IFDIR:
            if not os.access(path, os.R_OK | os.X_OK):
                _problem(errors, path, "directory is not readable")
                continue
            for file in _walk(path, include_spec, exclude_spec, respect_gitignore, skipped):
                ext = os.path.splitext(file)[1].lower()
                found.setdefault(file, EXTENSIONS.get(ext, "plain"))
            continue
        path = os.path.normpath(path)
        ext = os.path.splitext(path)[1].lower()
        if ext not in EXTENSIONS and path not in found:
            unknown.append(path)
        found.setdefault(path, EXTENSIONS.get(ext, "plain"))
        if regular is not None and kind == stat.S_IFREG:
            regular.add(path)
        if stats is not None and st is not None:
            stats[path] = st
    return sorted(found.items()), unknown


def _problem(errors: list[tuple[str, str]] | None, path: str, problem: str) -> None:
    if errors is None:
        raise InputError(f"{path}: {problem}")
    errors.append((path, problem))


def _listed_kinds(paths: Sequence[str]) -> dict[str, int]:
    """The file type (stat.S_IFDIR, S_IFREG, or 0 for another) of named paths that share their directory with many
    others: one listing of it answers for all (a command line may name thousands of files). Symlinks are not here."""
    by_parent: dict[str, list[tuple[str, str]]] = {}
    for path in paths:
        head, tail = os.path.split(path)
        if tail not in ("", ".", ".."):
            by_parent.setdefault(head, []).append((path, tail))
    kinds: dict[str, int] = {}
    for head, members in by_parent.items():
        if len(members) < _LIST_FROM:
            continue
        try:
            with os.scandir(head or ".") as listing:
                entries = {entry.name: entry for entry in listing}
        except OSError:
            continue
        for path, name in members:
            entry = entries.get(name)
            if entry is not None and not entry.is_symlink():
                kinds[path] = (stat.S_IFDIR if entry.is_dir(follow_symlinks=False)
                               else stat.S_IFREG if entry.is_file(follow_symlinks=False) else 0)
    return kinds


def _spec(globs: Iterable[str]):
    """A gitignore-style matcher for globs (pathspec is imported only when there are globs to match)."""
    globs = list(globs)
    if not globs:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(globs)


def _walk(root: str, include_spec, exclude_spec, respect_gitignore: bool,
          skipped: list[str] | None = None) -> Iterable[str]:
    ignores = _GitIgnores(root) if respect_gitignore else None
    for directory, dirnames, filenames, special in _scan_tree(root):
        if ignores is not None:
            ignores.enter(directory)
        rel_dir = os.path.relpath(directory, root)
        rel_dir = "" if rel_dir == "." else rel_dir.replace(os.sep, "/") + "/"
        kept = []
        for name in sorted(dirnames):
            if name.startswith(".") or name in _SKIP_DIRS:
                continue
            full = os.path.join(directory, name)
            if exclude_spec is not None and exclude_spec.match_file(rel_dir + name + "/"):
                continue
            if ignores is not None and ignores.ignored(full, is_dir=True):
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted([*filenames, *special]):
            rel = rel_dir + name
            if include_spec is not None:
                if not include_spec.match_file(rel):
                    continue
            elif os.path.splitext(name)[1].lower() not in WALKED_EXTENSIONS:
                continue
            if exclude_spec is not None and exclude_spec.match_file(rel):
                continue
            full = os.path.join(directory, name)
            if ignores is not None and ignores.ignored(full, is_dir=False):
                continue
            if name in special:
                if skipped is not None:
                    skipped.append(f"{os.path.normpath(full)}: {special[name]}, not a regular file: skipped")
                continue
            yield os.path.normpath(full)


def _scan_tree(root: str) -> Iterator[tuple[str, list[str], list[str], dict[str, str]]]:
    """os.walk (top-down, links to folders listed but not followed) that also tells apart entries that are not
    regular files (FIFOs, sockets, devices, links to them or dangling): (folder, dirnames, files, {special: kind})."""
    from .inputs import kind_name

    stack = [root]
    while stack:
        directory = stack.pop()
        dirnames: list[str] = []
        files: list[str] = []
        special: dict[str, str] = {}
        walk_into: set[str] = set()
        try:
            with os.scandir(directory) as listing:
                for entry in listing:
                    try:
                        if entry.is_dir():
                            dirnames.append(entry.name)
                            if not entry.is_symlink():
                                walk_into.add(entry.name)
                        elif entry.is_file():
                            files.append(entry.name)
                        else:
                            try:
                                special[entry.name] = kind_name(entry.stat().st_mode)
                            except OSError:
                                special[entry.name] = "a dangling link"
                    except OSError:
                        special[entry.name] = "unreadable"
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is passed over
        yield directory, dirnames, files, special
        # dirnames may have been pruned by the caller; descend in reverse so the stack pops them in name order
        stack.extend(os.path.join(directory, d) for d in reversed(dirnames) if d in walk_into)


class _GitIgnores:
    """.gitignore files from the enclosing git work tree's root down to the directory being walked."""

    def __init__(self, root: str) -> None:
        self.specs: dict[str, tuple] = {}  # ignore file -> (its directory, spec)
        self.entered: set[str] = set()
        top = os.path.abspath(root)
        git_root = _git_root(top)
        self.chain: list[str] = []
        if git_root is not None:
            self._load(git_root, os.path.join(git_root, ".git", "info", "exclude"))
            current = git_root
            rel = os.path.relpath(top, git_root)
            parts = [] if rel == "." else rel.split(os.sep)
            for part in [None, *parts]:
                if part is not None:
                    current = os.path.join(current, part)
                self._load(current, os.path.join(current, ".gitignore"))

    def _load(self, directory: str, file: str) -> None:
        import pathspec

        try:
            with open(file, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            return
        key = file  # .git/info/exclude and the root .gitignore share a directory, so key by file
        self.specs[key] = (directory, pathspec.GitIgnoreSpec.from_lines(lines))
        self.chain.append(key)

    def enter(self, directory: str) -> None:
        file = os.path.join(os.path.abspath(directory), ".gitignore")
        if file not in self.specs and file not in self.entered:
            self.entered.add(file)
            self._load(os.path.dirname(file), file)

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Later (deeper) .gitignore files win, as in git; a file under an ignored directory never reaches here."""
        absolute = os.path.abspath(path)
        verdict = None
        for key in self.chain:
            directory, spec = self.specs[key]
            if absolute != directory and not absolute.startswith(directory + os.sep):
                continue
            rel = os.path.relpath(absolute, directory).replace(os.sep, "/") + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                verdict = result.include
        return bool(verdict)


def _git_root(start: str) -> str | None:
    current = start
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent
