"""Findings do not depend on the interpreter's hash seed."""
from __future__ import annotations

import os
import subprocess
import sys

_SCRIPT = r"""
from copylint.api import lint_text
text = ('Report\n\n'
        'Protesters set fire to government buildings in the city centre on Wednesday night after riot police opened '
        'fire on peaceful marchers near the central railway station. '
        'Rioters set fire to government buildings in the city centre on Wednesday evening after riot police opened '
        'fire on peaceful crowds near the central railway station. '
        'Rioters set fire to government buildings in the town centre on Wednesday evening after riot police opened '
        'fire on peaceful crowds near the central railway station.\n')
for f in lint_text(text, select=['CL608']):
    print(f.code, f.start, f.end, f.message)
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_near_duplicate_names_the_same_earlier_sentence_under_any_hash_seed() -> None:
    outputs = {_run(seed) for seed in map(str, range(16))}
    assert len(outputs) == 1
    assert "CL608" in outputs.pop()
