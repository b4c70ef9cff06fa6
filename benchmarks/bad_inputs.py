"""Every bad input we know of, run through the command line: the cases of tests/hostile_inputs.py, and variants
generated from them (each YAML problem in each file claimcheck reads YAML from, each kind of special file in each
place a path is taken, each control character in YAML, ...). Each must give exit 2 and one located error line.

    python benchmarks/bad_inputs.py             # prints each failure, then the counts
    python benchmarks/bad_inputs.py --jobs 4 --verbose
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import (BOMB, CASES, DEEP, DOCUMENT, FIFO, GOOD_RULE, HUGE, RULE_HEAD, SOCKET, Case,  # noqa: E402
                            run_case, verdict)

YAML_PROBLEMS = {  # name -> (text appended as a top-level key or replacing the file, expected words)
    "alias bomb": ("x:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines()), "alias bomb"),
    "recursive alias": ("x: &r [1, *r]\n", "recursive alias"),
    "nesting 5000 deep": ("x: " + DEEP + "\n", "nested more than"),
    "integer of 5000 digits": ("x: " + HUGE + "\n", "5,000 digits"),
    "date 2020-13-45": ("x: 2020-13-45\n", "2020-13-45"),
    "unclosed bracket": ("x: [1, 2\n", "not valid YAML"),
    "tab indentation": ("x:\n\t- 1\n", "not valid YAML"),
    "undefined alias": ("x: *nothing\n", "undefined alias"),
    "duplicate key": ("x: 1\nx: 2\n", "not valid YAML"),
    **{f"control character U+{code:04X}": (f"x: a{chr(code)}b\n", f"U+{code:04X}")
       for code in [*range(0, 9), 11, 12, *range(14, 32), 127]},
}


def yaml_variants() -> list[Case]:
    cases = []
    for problem, (text, expect) in YAML_PROBLEMS.items():
        cases.append(Case(f"rule file: {problem}", {"r.yaml": GOOD_RULE + text}, ["rules", "test", "r.yaml"], expect, "r.yaml:",
                          slow=True))
        cases.append(Case(f"config: {problem}", {"claimcheck.yaml": "jobs: 1\n" + text, "a.txt": DOCUMENT},
                          ["check", "--no-cache", "a.txt"], expect, "claimcheck.yaml:", slow=True))
        cases.append(Case(f"suppressions: {problem}", {"s.yaml": "suppressions: []\n" + text, "a.txt": DOCUMENT},
                          ["check", "--no-cache", "--suppressions", "s.yaml", "a.txt"], expect, "s.yaml:", slow=True))
        cases.append(Case(f"reference table: {problem}",
                          {"r.yaml": RULE_HEAD + "  - id: ref\n    kind: reference\n    table: refs.yaml\n"
                                                 "    pattern: 'size of (?P<key>[A-Z]\\w+)'\n",
                           "refs.yaml": "- {key: Wales, value: 1, unit: count, as_of: 2020, source: x}\n" + text.replace("x:", "-", 1)},
                          ["rules", "test", "r.yaml"], "" if problem == "duplicate key" else expect, "refs.yaml:", slow=True))
    return cases


SPECIAL = {"fifo": FIFO, "socket": SOCKET, "link loop": ("link", "{name}"), "broken link": ("link", "missing-target")}


def special_file_variants() -> list[Case]:
    places = [  # (where, file name, command)
        ("document", "doc.txt", ["check", "--no-cache", "doc.txt"]),
        ("markdown document", "doc.md", ["extract", "doc.md"]),
        ("html document", "doc.html", ["extract", "doc.html"]),
        ("csv dataset", "rows.csv", ["check", "--no-cache", "rows.csv"]),
        ("jsonl dataset", "rows.jsonl", ["check", "--no-cache", "rows.jsonl"]),
        ("parquet dataset", "rows.parquet", ["check", "--no-cache", "rows.parquet"]),
        ("rule file", "r.yaml", ["rules", "test", "r.yaml"]),
        ("config", "c.yaml", ["check", "--no-cache", "--config", "c.yaml", "a.txt"]),
        ("suppressions", "s.yaml", ["check", "--no-cache", "--suppressions", "s.yaml", "a.txt"]),
        ("baseline", "b.json", ["check", "--no-cache", "--baseline", "b.json", "a.txt"]),
        ("ledger", "desk.db", ["review", "list", "--db", "desk.db"]),
    ]
    cases = []
    for where, name, args in places:
        for kind, content in SPECIAL.items():
            if isinstance(content, tuple):
                content = ("link", content[1].format(name=name))
            cases.append(Case(f"{where} is a {kind}", {name: content, "a.txt": DOCUMENT}, args, "", name, slow=True))
    for device in ("/dev/zero", "/dev/urandom", "/dev/null", "/dev/full"):
        cases.append(Case(f"document {device}", {}, ["check", "--no-cache", device], "character device", device, slow=True))
        cases.append(Case(f"rule file {device}", {}, ["rules", "test", device], "character device", device, slow=True))
    return cases


def dataset_variants() -> list[Case]:
    lines = {
        "lone high surrogate": '{"text": "a \\ud83d b"}',
        "lone low surrogate": '{"text": "a \\ude00 b"}',
        "surrogate in a key": '{"te\\ud800xt": "a"}',
        "nested 100,000 deep": '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "integer of 5000 digits": '{"text": "a", "n": ' + HUGE + "}",
        "negative integer of 5000 digits": '{"text": "a", "n": -' + HUGE + "}",
        "truncated object": '{"text": "a"',
        "a list": "[1, 2, 3]",
        "a number": "42",
        "NaN text": '{"text": NaN}',
    }
    cases = [Case(f"jsonl: {name}", {"rows.jsonl": '{"text": "12 villages"}\n' + line + "\n"}, ["check", "--no-cache", "rows.jsonl"],
                  "", "rows.jsonl:2") for name, line in lines.items() if name != "NaN text"]
    csvs = {
        "ragged row": "text,id\na,1\nb,2,3\n",
        "no text column": "body\na\n",
        "NUL byte": "text\na\x00b\n",
    }
    cases += [Case(f"csv: {name}", {"rows.csv": text}, ["check", "--no-cache", "rows.csv"], "", "rows.csv:") for name, text in csvs.items()]
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    cases = [*CASES, *yaml_variants(), *special_file_variants(), *dataset_variants()]
    with tempfile.TemporaryDirectory() as scratch:
        def one(item):
            index, case = item
            folder = Path(scratch) / str(index)
            folder.mkdir()
            try:
                return case, verdict(case, run_case(case, folder, timeout=120))
            except Exception as error:  # a timeout is a hang
                return case, f"{type(error).__name__}: {error}"

        with ThreadPoolExecutor(max_workers=options.jobs) as pool:
            results = list(pool.map(one, enumerate(cases)))
    failed = [(case, problem) for case, problem in results if problem]
    for case, problem in results:
        if problem or options.verbose:
            print(f"{'FAIL' if problem else 'ok  '} {case.name}: {problem or ''}")
    print(f"{len(cases)} bad inputs tried; {len(cases) - len(failed)} gave one located error line and exit 2; "
          f"{len(failed)} did not")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
