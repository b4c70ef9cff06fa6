"""Fuzzing claimcheck with hostile input, for as long as asked: random text built from the pieces numbers, units,
qualifiers, control characters and line ends are made of, mutated real documents, random bytes read as a file,
and mutated rule files. Every call must end without an exception other than claimcheck's own located errors, and
every claim must hold low <= value <= high and text[start:end] == claim.text.

    python benchmarks/fuzz.py                       # one minute, seed 0
    python benchmarks/fuzz.py --seconds 3600 --seed 7 --failures /tmp/fuzz-failures

Prints, per target, the examples run, the crashes (kept in --failures, one file each, to replay) and the slowest
call with its input size; exits 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimcheck  # noqa: E402
from claimcheck.errors import ClaimcheckError  # noqa: E402

PIECES = ["about", "nearly", "more than", "at least", "up to", "some", "-", "−", "minus ", "$", "€", "£", "US$", "bn",
          "million", "billion", "%", "per cent", "percentage points", "km", "miles", "°C", "square kilometres", "to",
          "between", "and", "from", ",", ".", ". ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "troops", "people",
          "killed", "injured", "strikes", "in", "Syria", "Iraq", "the", "Mr.", "Dr.", "U.S.", "(", ")", "[", "]", "=",
          "+", "@", "one", "twenty-five", "a dozen", "half a million", "tens of thousands", "two-thirds of", "1/2",
          "½", "2018", "in 2020,", "10:30", "5 p.m.", "F-16", "v2.1.3", "11,OOO", "1,000,000", "1.5", "0.000001",
          "1e9", "9" * 400, "\x00", "\x1b[2J", "\u202e", "\ud800", "\ufeff", "\u00a0", "\u2009", "٣", "١٢", "𝟙𝟚"]
REAL = sorted((ROOT / "examples" / "corpus").glob("*")) + sorted((ROOT / "tests" / "gold" / "extraction").glob("*.jsonl"))


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 60)):
        roll = rng.random()
        if roll < 0.55:
            parts.append(rng.choice(PIECES))
        elif roll < 0.8:
            parts.append(str(rng.choice([rng.randint(-10 ** 6, 10 ** 6), rng.uniform(-1e6, 1e6), rng.randint(0, 100)])))
        else:
            parts.append("".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0, 0x2FFF), rng.randint(0, 31)]))
                                 for _ in range(rng.randint(1, 6))))
    text = "".join(parts)
    if rng.random() < 0.05:  # now and then, one long line
        text = (text or "12 villages ") * rng.randint(50, 2000)
    return text


def mutated_document(rng: random.Random) -> str:
    text = rng.choice(REAL).read_text(encoding="utf-8", errors="replace")[:20_000] if REAL else random_text(rng)
    for _ in range(rng.randint(1, 20)):
        at = rng.randint(0, len(text))
        roll = rng.random()
        if roll < 0.4:
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif roll < 0.7:
            text = text[:at] + text[at + rng.randint(1, 20):]
        else:
            text = text[:at] + random_text(rng) + text[at:]
    return text


def random_bytes(rng: random.Random) -> bytes:
    kind = rng.random()
    if kind < 0.3:
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 400)))
    text = random_text(rng)
    encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"])
    return text.encode(encoding, errors="replace")


RULE_FILES = sorted((ROOT / "rules").glob("*.yaml"))
RULE_PIECES = ["&a", "*a", "[", "]", "{", "}", ":", "- ", "\n", "  ", "'", '"', "kind: sum", "kind: agree",
               "min: " + "9" * 5000, "2020-13-45", "!!python/object:os.system", "\x00", "\t", "rules: 5",
               "synonyms: [x]", "pattern: '(?<=a)b'", "pattern: '(a+)+$'", "tolerance: {abs: '2 km'}", "~", "null"]


def mutated_rules(rng: random.Random) -> str:
    text = rng.choice(RULE_FILES).read_text(encoding="utf-8")
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(RULE_PIECES) + text[at + rng.choice([0, 0, 1, 5]):]
    return text


def check_claims(text: str, claims) -> None:
    for claim in claims:
        if text[claim.start:claim.end] != claim.text:
            raise AssertionError(f"text[{claim.start}:{claim.end}] is {text[claim.start:claim.end]!r}, not {claim.text!r}")
        low = float("-inf") if claim.low is None else claim.low
        high = float("inf") if claim.high is None else claim.high
        if not low <= claim.value <= high:
            raise AssertionError(f"interval [{claim.low}, {claim.high}] does not hold value {claim.value} ({claim.text!r})")


def target_text(rng, folder):
    text = random_text(rng) if rng.random() < 0.6 else mutated_document(rng)
    return text, lambda: check_claims(text, claimcheck.extract_text(text))


def target_file(rng, folder):
    data = random_bytes(rng)
    path = folder / rng.choice(["doc.txt", "doc.md", "doc.html", "rows.csv", "rows.jsonl"])
    path.write_bytes(data)

    def call():
        try:
            documents = claimcheck.read_documents([path])
        except ClaimcheckError:
            return
        for document in documents:
            claimcheck.extract_document(document)
    return data, call


def target_rules(rng, folder):
    text = mutated_rules(rng)
    path = folder / "mutated.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")

    def call():
        try:
            claimcheck.load_rules([path], bundled=False)
        except ClaimcheckError:
            pass
    return text, call


TARGETS = {"extract_text": target_text, "read and extract a file": target_file, "load a rule file": target_rules}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long to fuzz, split between the targets")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--failures", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-fuzz-failures")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)  # trafilatura logs every page it cannot parse
    claimcheck.extract_text("warm up: about 2,000 troops, 5 km, $3bn.")  # imports and first calls out of the timings
    crashed = 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, target in TARGETS.items():
            examples, crashes, slowest = 0, 0, (0.0, 0)
            deadline = time.monotonic() + options.seconds / len(TARGETS)
            while time.monotonic() < deadline:
                given, call = target(rng, folder)
                started = time.perf_counter()
                try:
                    call()
                except Exception:  # noqa: BLE001 - anything but claimcheck's own located errors is a crash
                    crashes += 1
                    options.failures.mkdir(parents=True, exist_ok=True)
                    kept = options.failures / f"{name.replace(' ', '-')}-{options.seed}-{examples}.txt"
                    kept.write_text(f"{given!r}\n\n{traceback.format_exc()}", encoding="utf-8")
                    print(f"  crash: {traceback.format_exc().strip().splitlines()[-1]} (kept in {kept})")
                took = time.perf_counter() - started
                if took > slowest[0]:
                    slowest = (took, len(given))
                examples += 1
            crashed += crashes
            print(f"{name}: {examples} examples, {crashes} crashes, slowest call {slowest[0]:.2f} s "
                  f"(input of {slowest[1]:,} characters or bytes)")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
