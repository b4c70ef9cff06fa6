import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
GOLD = ROOT / "tests" / "gold"


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True,
                          input=input, cwd=cwd or ROOT, env={"PATH": "/usr/bin:/bin", "CI": "1", "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def cli():
    return run_cli
