"""The shipped examples still say what today's claimcheck finds: a baseline that no longer matches would report
its findings as gone and, with suppressions off, as new. This test compares and never rewrites; a failure says
how to regenerate the baseline."""

import json
import subprocess
import sys

from conftest import ROOT

#: each shipped baseline, with the folder and the arguments it was written with (--write-baseline FILE)
BASELINES = {"examples/dataset/baseline.json": ("examples/dataset", ["articles.csv"])}


def test_every_shipped_baseline_is_known_here():
    assert {str(path.relative_to(ROOT)) for path in (ROOT / "examples").rglob("baseline.json")} == set(BASELINES)


def test_shipped_baselines_match_todays_findings():
    for name, (folder, args) in BASELINES.items():
        recorded = {entry["fingerprint"]: entry["rule"] for entry in json.loads((ROOT / name).read_text())["findings"]}
        # SARIF lists every violated finding, the suppressed and baselined ones with their suppressions
        result = subprocess.run([sys.executable, "-m", "claimcheck", "check", *args, "--baseline", "baseline.json",
                                 "--format", "sarif", "--fail-on", "never", "--no-cache"], capture_output=True, text=True,
                                cwd=ROOT / folder, env={"PATH": "/usr/bin:/bin", "CI": "1"}, timeout=600)
        assert result.returncode == 0, result.stderr
        today = {entry["partialFingerprints"]["claimcheckFinding/v1"]: entry["ruleId"]
                 for entry in json.loads(result.stdout)["runs"][0]["results"] if entry["kind"] == "fail"}
        regenerate = f"cd {folder} && claimcheck check {' '.join(args)} --write-baseline baseline.json --no-cache"
        assert today == recorded, (f"{name} no longer matches today's findings (new: {sorted(set(today) - set(recorded))}, "
                                   f"gone: {sorted(set(recorded) - set(today))}); regenerate it with: {regenerate}")
        assert "baseline: gone" not in result.stderr
