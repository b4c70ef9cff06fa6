"""Every bad input the hostile-input review found (issue 11) gives one located error line and exit 2: no traceback,
no internal error, no hang (each command runs in a subprocess with a timeout), no memory exhaustion. The cases
are in hostile_inputs.py; they run side by side, since each is a separate process."""

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from hostile_inputs import CASES, run_case, verdict


@pytest.fixture(scope="module")
def answers():
    """Each case's verdict (None: as it must be), all cases run at once."""
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))

    def one(index_case):
        index, case = index_case
        place = folder / str(index)
        place.mkdir()
        try:
            return case.name, verdict(case, run_case(case, place, timeout=120))
        except Exception as error:  # a timeout is a hang
            return case.name, f"{type(error).__name__}: {error}"

    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        return dict(pool.map(one, enumerate(CASES)))


@pytest.mark.parametrize("name", [case.name for case in CASES])
def test_a_bad_input_is_one_located_error_and_exit_2(answers, name):
    assert answers[name] is None, answers[name]


def test_the_cases_cover_each_class_of_the_review():
    names = " ".join(case.name for case in CASES)
    for needed in ("fifo", "/dev/zero", "alias bomb", "surrogate", "nested deeply", "5000 digits", "NUL", "rules: 5",
                   "synonyms", "2020-13-45", "/dev/full", "damaged ledger", "lowered user_version", "missing a table",
                   "missing a column", "hand-edited", "symlink loop", "utf-16", "broken pyproject", "look-behind"):
        assert needed in names, needed


def test_a_rule_pattern_that_would_backtrack_for_ever_runs_in_linear_time(tmp_path):
    """With Python's re, this pattern takes exponential time on the document below; RE2 matches it at once. The
    subprocess timeout is the test."""
    import re
    import subprocess
    import sys

    from hostile_inputs import ROOT

    pattern = r"(?P<part>(\d+,?)+)x of (?P<whole>\d+)"
    assert re.compile(pattern)  # a valid pattern, which the loader accepts
    (tmp_path / "r.yaml").write_text("version: 1\nrules:\n  - id: slow\n    kind: range\n    pattern: '" + pattern + "'\n"
                                     "    examples:\n      - text: '" + "1" * 40 + " of 5 strikes.'\n        expect: []\n")
    (tmp_path / "doc.txt").write_text("Officials said " + "1" * 5000 + " of the 12 villages were cut off.\n")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    for args in (["rules", "test", "r.yaml"], ["check", "--no-cache", "--no-bundled", "--rules", "r.yaml", "doc.txt", "-f", "json"]):
        done = subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=tmp_path, capture_output=True, text=True,
                              timeout=120, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
