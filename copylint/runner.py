"""Lint many texts in input order: cache first, then a process pool whose workers each build one Linter."""
from __future__ import annotations

import os
import sys
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol, Sequence

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .api import Linter
    from .config import Config
    from .model import Finding

# Texts per pool task, and characters per task: big enough to amortise pickling, small enough to balance the load.
BATCH_TEXTS = 16
BATCH_CHARS = 200_000
# Tasks in flight per worker: bounds memory on endless inputs (a JSON Lines crawl) while keeping workers busy.
IN_FLIGHT_PER_JOB = 4
# Below this many texts to lint, starting worker processes costs more than it saves.
MIN_TEXTS_FOR_POOL = 8
# Texts (and characters) asked of the cache in one lookup: one query instead of one per text, bounded read-ahead.
LOOKUP_TEXTS = 256
LOOKUP_CHARS = 4_000_000


@dataclass(frozen=True)
class LinterSpec:
    """A picklable recipe for a Linter, so another process (a pool worker, a Dask worker) builds the same one."""

    config: Config | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    languagetool: bool | None = None

    def build(self) -> Linter:
        from .api import Linter

        return Linter(self.config, select=self.select, ignore=self.ignore, extend_select=self.extend_select,
                      languagetool=self.languagetool)

    @property
    def wants_languagetool(self) -> bool:
        if self.languagetool is not None:
            return self.languagetool
        return self.config.languagetool_enabled if self.config is not None else True


@dataclass(frozen=True, slots=True)
class Task:
    """One text to lint; findings carry `path` (a file's display name or a record's id)."""

    path: str
    source: str
    fmt: str | None = None
    # source as UTF-8, when the reader has the bytes it decoded: the cache keys them without encoding again
    data: bytes | None = field(default=None, repr=False, compare=False)
    # the file's stat signature before it was read (cache.trusted_signature): stored when nothing is found in it
    stat: str | None = field(default=None, repr=False, compare=False)
    # why the text could not be read (then source is empty): reported as an unreadable-input finding, never linted
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    task: Task
    findings: tuple[Finding, ...]
    fixed: str | None = None  # with fix=True: the text after fixes (findings are what remains)
    cached: bool = False
    applied: tuple[Finding, ...] = ()  # with fix=True: the findings whose fixes were applied
    looping: tuple[str, ...] = ()  # with fix=True: codes still fixing when the passes ran out
    # why LanguageTool did not check this text though the run uses it (it failed mid-run): never cached
    unchecked: str | None = None


def unreadable(task: Task) -> Finding:
    """The finding-like error for an input that could not be read (ruff's E902): at its start, severity error."""
    from .errors import UNREADABLE_CODE, UNREADABLE_NAME
    from .model import Finding, Severity

    return Finding(task.path, UNREADABLE_CODE, UNREADABLE_NAME, Severity.ERROR, f"cannot check: {task.error}", 0, 0, "")


class FindingCache(Protocol):
    def get_many(self, tasks: Sequence[Task]) -> list[tuple[Finding, ...] | None]: ...

    def put(self, task: Task, findings: tuple[Finding, ...]) -> None: ...


def default_jobs() -> int:
    """The cores this process may use (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def run(
    tasks: Iterable[Task],
    spec: LinterSpec,
    *,
    jobs: int = 1,
    fix: bool = False,
    unsafe: bool = False,
    cache: FindingCache | None = None,
    local: Callable[[], Linter] | None = None,
    expected: int | None = None,
) -> Iterator[Result]:
    """Lint every task and yield one Result per task, in input order, whatever `jobs` is.

    `local` returns this process's Linter (built lazily by the caller, so a fully cached run never builds one);
    `expected` is the number of tasks when known: a short list is linted here rather than in a pool. The cache is
    not used when fixing."""
    if fix:
        cache = None
    local = local or _memo(spec.build)
    if jobs <= 1 or (expected is not None and expected < MIN_TEXTS_FOR_POOL):
        return _serial(tasks, local, fix, unsafe, cache)
    return _parallel(tasks, spec, local, jobs, fix, unsafe, cache)


def _serial(tasks, local, fix, unsafe, cache) -> Iterator[Result]:
    for task, hit in _lookups(tasks, cache):
        if hit is not None:
            yield Result(task, hit, cached=True)
            continue
        outcome = lint_task(local(), task, fix, unsafe)
        if cache is not None and outcome[-1] is None:
            cache.put(task, outcome[0])
        yield Result(task, *outcome)


@dataclass
class _Group:
    """Consecutive tasks in input order: cache hits already answered, the rest sent to the pool as one call."""

    slots: list = field(default_factory=list)  # Result (answered) or int (index into todo)
    todo: list = field(default_factory=list)
    chars: int = 0
    future: Future | None = None

    def full(self) -> bool:
        return len(self.todo) >= BATCH_TEXTS or self.chars >= BATCH_CHARS or len(self.slots) >= 16 * BATCH_TEXTS


def _lookups(tasks: Iterable[Task], cache) -> Iterator[tuple[Task, tuple[Finding, ...] | None]]:
    """Each task with its cached findings (None: to be linted), the cache asked for many tasks at a time. An
    unreadable input is answered at once with its error finding."""
    if cache is None:
        for task in tasks:
            yield task, (unreadable(task),) if task.error is not None else None
        return
    chunk: list[Task] = []
    chars = 0
    for task in tasks:
        if task.error is not None:
            yield from zip(chunk, cache.get_many(chunk)) if chunk else ()
            chunk, chars = [], 0
            yield task, (unreadable(task),)
            continue
        chunk.append(task)
        chars += len(task.source)
        if len(chunk) >= LOOKUP_TEXTS or chars >= LOOKUP_CHARS:
            yield from zip(chunk, cache.get_many(chunk))
            chunk, chars = [], 0
    if chunk:
        yield from zip(chunk, cache.get_many(chunk))


def _parallel(tasks, spec, local, jobs, fix, unsafe, cache) -> Iterator[Result]:
    pool = None
    window: deque[_Group] = deque()
    group = _Group()
    misses = 0
    try:
        for task, hit in _lookups(tasks, cache):
            if hit is not None:
                group.slots.append(Result(task, hit, cached=True))
            else:
                group.slots.append(len(group.todo))
                group.todo.append(task)
                group.chars += len(task.source)
            if not group.full():
                continue
            misses += len(group.todo)
            if group.todo and pool is None and misses < MIN_TEXTS_FOR_POOL:
                # Mostly cache hits so far: a few texts are linted here rather than starting workers for them.
                group.future = _done([lint_task(local(), t, fix, unsafe) for t in group.todo])
            else:
                if group.todo and pool is None:
                    # The caller's Linter first: config and rule errors surface here, before any worker starts;
                    # forked workers then start from it instead of compiling every rule again.
                    _inherit(spec, local())
                    from concurrent.futures import ProcessPoolExecutor

                    _mark_pool_parent()

                    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init_worker,
                                               initargs=(spec,))
                _submit(pool, group, fix, unsafe)
            window.append(group)
            group = _Group()
            while window and (len(window) > jobs * IN_FLIGHT_PER_JOB or _ready(window[0])):
                yield from _finish(window.popleft(), cache)
        if group.slots:
            if group.todo and pool is None:
                # Everything else was cached: too little left to be worth a pool.
                group.future = _done([lint_task(local(), t, fix, unsafe) for t in group.todo])
            else:
                _submit(pool, group, fix, unsafe)
            window.append(group)
        while window:
            yield from _finish(window.popleft(), cache)
    finally:
        _inherit(spec, None)
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool, group: _Group, fix: bool, unsafe: bool) -> None:
    if group.todo:
        # Without what the reader kept for the cache (bytes, stat signature): workers need the text only.
        todo = [task if task.data is None and task.stat is None else Task(task.path, task.source, task.fmt)
                for task in group.todo]
        group.future = pool.submit(_lint_batch, todo, fix, unsafe)


def _ready(group: _Group) -> bool:
    return group.future is None or group.future.done()


def _done(value) -> Future:
    from concurrent.futures import Future

    future: Future = Future()
    future.set_result(value)
    return future


def _finish(group: _Group, cache) -> Iterator[Result]:
    answers = group.future.result() if group.future is not None else []
    for slot in group.slots:
        if isinstance(slot, int):
            task = group.todo[slot]
            outcome = answers[slot]
            if cache is not None and outcome[-1] is None:
                cache.put(task, outcome[0])
            yield Result(task, *outcome)
        else:
            yield slot


def lint_task(linter: Linter, task: Task, fix: bool = False, unsafe: bool = False) -> tuple:
    """(findings, fixed text or None, cached, applied fixes' findings, looping codes, unchecked) for one task:
    Result's fields after the task."""
    engine = getattr(linter, "languagetool", None)
    before = engine.unchecked if engine is not None else 0
    if fix:
        done = linter.fix(task.path, task.source, task.fmt, unsafe=unsafe)
        outcome = (done.findings, done.source, False, done.fixed, done.looping)
    else:
        outcome = (tuple(linter.lint_source(task.path, task.source, task.fmt)), None, False, (), ())
    unchecked = None
    if engine is not None and engine.unchecked > before:
        unchecked = engine.warning or "LanguageTool did not answer"
    elif engine is None and _WORKER_LT_PROBLEM is not None:
        unchecked = _WORKER_LT_PROBLEM
    return (*outcome, unchecked)


# --- inside a pool worker -------------------------------------------------------------------------------------

_WORKER_LINTER: Linter | None = None
_POOL_PARENT: int | None = None
# Why this worker's LanguageTool could not start though the run uses it (its texts are then unchecked by it).
_WORKER_LT_PROBLEM: str | None = None
_INHERITED: tuple[str, Linter] | None = None  # the parent's Linter, seen by workers that fork after it is set


def _inherit(spec: LinterSpec, linter: Linter | None) -> None:
    """Offer the parent's Linter to workers forked after this, unless it holds a LanguageTool connection: a
    connection is not to be shared between processes, so such workers connect on their own."""
    global _INHERITED
    usable = linter is not None and getattr(linter, "languagetool", None) is None
    _INHERITED = (repr(spec), linter) if usable else None


def _init_worker(spec: LinterSpec) -> None:
    """Runs once per worker process: the worker's one Linter (rules compiled, engines connected). A forked worker
    takes the copy of its parent's Linter; a spawned one builds its own."""
    global _WORKER_LINTER, _WORKER_LT_PROBLEM
    _die_with_parent(_POOL_PARENT)
    inherited = _INHERITED
    if inherited is not None and inherited[0] == repr(spec):
        _WORKER_LINTER = inherited[1]
    else:
        _WORKER_LINTER = spec.build()
        if _WORKER_LINTER.languagetool is None and _WORKER_LINTER.warnings:
            _WORKER_LT_PROBLEM = _WORKER_LINTER.warnings[0]
    import gc

    # The worker's Linter and tables are made once: kept out of garbage collection, which would scan them again
    # and again; collections run (again: a forked worker inherits the pause of a warming-up parent) for the rest.
    gc.freeze()
    gc.enable()


def _mark_pool_parent() -> None:
    global _POOL_PARENT
    _POOL_PARENT = os.getpid()  # seen by forked workers: the process whose death ends them


def _die_with_parent(parent: int | None) -> None:
    """Linux: the kernel kills this worker when the process that started it dies (even by SIGKILL), so a killed
    run leaves no workers behind. Elsewhere the pool's own shutdown is all there is."""
    if not sys.platform.startswith("linux") or parent is None or parent == os.getpid():
        return  # not a forked pool worker
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the call: nothing would signal us
        os._exit(1)


def _lint_batch(tasks: list[Task], fix: bool, unsafe: bool) -> list:
    linter = _WORKER_LINTER
    assert linter is not None, "pool worker started without _init_worker"
    return [lint_task(linter, task, fix, unsafe) for task in tasks]


def _context():
    """fork on Linux (workers inherit the imported modules and the compiled-regex cache); the platform's default
    elsewhere, where fork is unsafe or missing."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _memo(build: Callable[[], Linter]) -> Callable[[], Linter]:
    made: list[Linter] = []

    def get() -> Linter:
        if not made:
            made.append(build())
        return made[0]

    return get
