"""What the language server adds to a keystroke-to-diagnostics round trip (built-in rules, 1,000-word article).

    python bench/lsp_latency.py              # 40 keystrokes, one at a time, then a burst of fast typing
    python bench/lsp_latency.py -n 100

A real client (pygls) starts `python -m copylint lsp` over stdio with LanguageTool off, opens a ~1,000-word
article (the seed, topped up with a clean news article from ../shared/corpus when present) and types one
character at a time as incremental changes, each time timing from sending the change to receiving the
diagnostics for that version. The same texts are then linted in this process with one warm Linter
(Linter.lint_source): the difference of the medians is what the server adds (threads, JSON-RPC, offset
conversion, diagnostics). Target: at most 50 ms. Then a burst (a keystroke every 30 ms) shows that the last
keystroke's diagnostics arrive without a queue of stale checks in front of them.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_20e4f73a90754451.txt"
NEWS = ROOT.parent / "shared" / "corpus" / "news" / "bbc"
TARGET_MS = 50.0


def article(words: int = 1000) -> str:
    text = SEED.read_text(encoding="utf-8")
    extra = sorted(NEWS.rglob("*.txt"))[:5] if NEWS.is_dir() else []
    pool = [p.read_text(encoding="utf-8", errors="replace") for p in extra] or [text]
    for more in pool:
        if len(text.split()) >= words:
            break
        for paragraph in more.split("\n"):
            if paragraph.strip() and len(text.split()) < words:
                text += "\n" + paragraph.strip() + "\n"
    return text


class Bench:
    def __init__(self) -> None:
        self.client = LanguageClient("copylint-bench", "1")
        self.arrived: dict[int, float] = {}
        self.event = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.arrived[params.version] = time.perf_counter()
            self.count = len(params.diagnostics)
            self.event.set()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def message(params: types.ShowMessageParams) -> None:
            print(f"  server: {params.message}", file=sys.stderr)

    async def until(self, version: int, timeout: float = 60.0) -> float:
        deadline = time.perf_counter() + timeout
        while version not in self.arrived:
            self.event.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"no diagnostics for version {version}")
            try:
                await asyncio.wait_for(self.event.wait(), remaining)
            except asyncio.TimeoutError:
                pass
        return self.arrived[version]

    def change(self, uri: str, version: int, line: int, character: int, text: str) -> float:
        at = types.Position(line=line, character=character)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text=text)]))
        return time.perf_counter()


async def run(n: int, text: str, folder: Path) -> tuple[list[float], list[str], float, int]:
    bench = Bench()
    await bench.client.start_io(sys.executable, "-m", "copylint", "lsp")
    await bench.client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=folder.as_uri(),
        initialization_options={"languagetool": {"enabled": False}}))
    bench.client.initialized(types.InitializedParams())
    uri = (folder / "article.txt").as_uri()
    bench.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="plaintext", version=1, text=text)))
    await bench.until(1, timeout=300)  # the first check also loads the gazetteer
    lines = text.split("\n")
    line = max(range(len(lines)), key=lambda i: len(lines[i]))  # type into the longest paragraph
    column = len(lines[line]) // 2
    times, texts = [], []
    version = 1
    for i in range(n):  # one keystroke at a time: insert a letter, then (next time) a space
        version += 1
        letter = "x" if i % 2 == 0 else " "
        sent = bench.change(uri, version, line, column + i, letter)
        lines[line] = lines[line][: column + i] + letter + lines[line][column + i :]
        texts.append("\n".join(lines))
        times.append(await bench.until(version) - sent)
        await asyncio.sleep(0.05)
    # A burst: a keystroke every 30 ms; time from the last one to its diagnostics.
    for i in range(30):
        version += 1
        sent = bench.change(uri, version, line, column + n + i, "y")
        await asyncio.sleep(0.03)
    burst = await bench.until(version) - sent
    skipped = sum(1 for v in range(version - 29, version) if v not in bench.arrived)
    await bench.client.shutdown_async(None)
    bench.client.exit(None)
    await bench.client.stop()
    return times, texts, burst, skipped


def in_process(texts: list[str]) -> list[float]:
    from copylint.api import Linter

    linter = Linter(languagetool=False)
    linter.lint_source("article.txt", texts[0])  # warm
    out = []
    for text in texts:
        start = time.perf_counter()
        linter.lint_source("article.txt", text)
        out.append(time.perf_counter() - start)
    return out


def ms(values: list[float]) -> str:
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
    return f"median {statistics.median(values) * 1000:6.1f} ms   p90 {p90 * 1000:6.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=40, help="keystrokes timed one at a time")
    args = ap.parse_args()
    import tempfile

    text = article()
    print(f"article: {len(text.split())} words, {len(text)} characters")
    with tempfile.TemporaryDirectory() as folder:
        times, texts, burst, skipped = asyncio.run(run(args.n, text, Path(folder)))
    direct = in_process(texts)
    added = (statistics.median(times) - statistics.median(direct)) * 1000
    print(f"keystroke -> diagnostics over the LSP ({len(times)} keystrokes): {ms(times)}")
    print(f"the same texts linted in-process (Linter.lint_source): {ms(direct)}")
    print(f"added by the server (difference of medians): {added:.1f} ms  "
          f"[{'PASS' if added <= TARGET_MS else 'FAIL'}: target ≤ {TARGET_MS:.0f} ms]")
    print(f"burst of 30 keystrokes 30 ms apart: last keystroke -> its diagnostics {burst * 1000:.1f} ms; "
          f"{skipped} of 29 intermediate versions never checked (superseded)")
    return 0 if added <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
