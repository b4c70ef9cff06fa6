"""Incremental audits: a generated corpus of N documents (default 5,000) checked from the command line:
first run (empty cache), re-run unchanged, re-run after rewording a sentence of one document, and re-run
after correcting a figure in one document. Each round starts from an empty cache.

    python benchmarks/incremental.py [--documents 5000] [--rounds 3] [--jobs 0]

Prints medians of wall-clock seconds and the ratios that matter (first / unchanged, edited / unchanged).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Syria", "Iraq", "Libya", "Yemen", "Somalia", "Mali", "Niger", "Sudan"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SENTENCES = [
    "Coalition aircraft flew {total} air strikes in {place} and {other} this week, {first} in {place} and {second} in {other}, officials said.",
    "About {troops:,} US troops remain in {place}, according to the defence ministry.",
    "Aid agencies said {families:,} families had been displaced by the fighting since the start of the month.",
    "The checkpoint lies {miles} miles east of the river, a local commander told reporters on {weekday}.",
    "More than {fighters} fighters were killed in the clashes, the monitoring group said.",
    "Officials said {share}% of the district's schools had reopened, up from {share_before}% a month earlier.",
    "A {force:,}-strong border force is being trained at {bases} bases near the frontier.",
    "The United Nations appealed for ${appeal}m to feed an estimated {people:,} people through the winter.",
    "Engineers repaired {bridges} bridges and cleared roughly {roads} kilometres of road, the ministry said.",
    "Prices of bread have risen {rise}% since January, straining families who returned to the town.",
    "The council said {of_part} of the {of_whole} villages in the valley were still without power.",
    "Turnout in the local vote was {turnout}%, the election commission said.",
    "Witnesses described long queues at the crossing, where trucks waited for days to enter.",
    "The governor said the situation was improving but warned that more help would be needed before the rains.",
    "Residents said they had heard explosions through the night and that several buildings had been damaged.",
    "Talks between the parties are expected to resume next week in the capital, diplomats said.",
]
REWORDINGS = ["a spokesman said", "a ministry official told reporters", "the command said in a statement"]
CHROME = "Share this article\nRelated: Ministers meet to discuss the 3rd aid package | Podcast 0:00 / 24:{seconds:02d}\n"


PER_YEAR = 500  # documents a year of datelines holds: a larger corpus spans more years, as a real archive grows


def generate(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """News-length documents (about 2 KB): a dateline, a title, four paragraphs drawn from templates, chrome.

    Datelines fall in the ten years to 2024, and in more years for a corpus over 5,000 documents (a year per 500),
    so that a larger corpus is a longer archive of the same density (the same documents a day, so events of the
    same size), not the same years more crowded. A corpus of 5,000 documents or fewer is as it always was."""
    rng = random.Random(seed)
    years = max(10, -(-count // PER_YEAR))
    files = []
    for number in range(count):
        place, other = rng.sample(PLACES, 2)
        first, second = rng.randint(5, 40), rng.randint(5, 40)
        values = dict(
            weekday=rng.choice(WEEKDAYS), place=place, other=other, first=first, second=second,
            total=first + second + (rng.random() < 0.05), troops=rng.choice([900, 2000, 2500, 5200]),
            families=rng.randint(100, 5000), miles=rng.randint(2, 9), fighters=rng.randint(10, 200),
            share=rng.randint(20, 95), share_before=rng.randint(10, 60), force=rng.choice([20000, 30000]),
            bases=rng.randint(2, 6), appeal=rng.randint(5, 90), people=rng.randint(10, 900) * 1000,
            bridges=rng.randint(2, 30), roads=rng.randint(10, 400), rise=rng.randint(5, 150),
            of_part=rng.randint(1, 12), of_whole=rng.randint(8, 20), turnout=rng.randint(30, 80),
            seconds=rng.randint(0, 59))
        sentences = rng.sample(SENTENCES, 12)
        paragraphs = [" ".join(sentence.format(**values) for sentence in sentences[i:i + 3]) for i in range(0, 12, 3)]
        text = (f"{rng.choice(WEEKDAYS)}, {rng.randint(1, 28)} {rng.choice(MONTHS)} "
                f"{2025 - years + rng.randint(0, years - 1)}\n\n"
                f"Report {number}: fighting and aid in {place}\n\n" + "\n\n".join(paragraphs) + "\n\n"
                + CHROME.format(**values))
        path = folder / f"doc-{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def run(folder: Path, cache: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claimcheck", "check", str(folder), "--format", "json", "--output",
                    str(cache.parent / "report.json"), "--cache-dir", str(cache), "--jobs", str(jobs), "--fail-on", "never"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def edit(files: list[Path], pattern: str, replace, start: int) -> tuple[Path, str]:
    """Change the first document from ``start`` on that matches; returns it and its text before the change."""
    for path in files[start:] + files[:start]:
        before = path.read_text(encoding="utf-8")
        after = re.sub(pattern, replace, before, count=1)
        if after != before:
            path.write_text(after, encoding="utf-8")
            return path, before
    raise SystemExit(f"no document matches {pattern!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each from an empty cache (medians are shown)")
    parser.add_argument("--jobs", type=int, default=0, help="extraction workers (0: all cores)")
    arguments = parser.parse_args()
    times: dict[str, list[float]] = {"first": [], "unchanged": [], "wording": [], "figure": []}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        folder.mkdir()
        files = generate(folder, arguments.documents)
        for round in range(arguments.rounds):
            cache = Path(scratch) / f"cache-{round}"
            times["first"].append(run(folder, cache, arguments.jobs))
            times["unchanged"].extend(run(folder, cache, arguments.jobs) for _ in range(2))
            # a reworded sentence: the document's figures say the same, only their positions move
            path, before = edit(files, r"officials said", REWORDINGS[round % len(REWORDINGS)], len(files) // 2)
            times["wording"].append(run(folder, cache, arguments.jobs))
            path.write_text(before, encoding="utf-8")
            # a corrected figure: every fact the figure belongs to is judged again
            path, before = edit(files, r"(\d[\d,]*) families", lambda m: f"{int(m[1].replace(',', '')) + round + 1:,} families",
                                len(files) // 3)
            times["figure"].append(run(folder, cache, arguments.jobs))
            path.write_text(before, encoding="utf-8")
    first, unchanged, wording, figure = (statistics.median(times[key]) for key in ("first", "unchanged", "wording", "figure"))
    print(f"{arguments.documents} documents, jobs={arguments.jobs or 'all cores'}, medians of {arguments.rounds} rounds")
    for key, samples in times.items():
        print(f"  {key:10} " + " ".join(f"{sample:6.2f}" for sample in samples))
    print(f"first run (empty cache):   {first:7.2f} s")
    print(f"re-run, unchanged:         {unchanged:7.2f} s   first / unchanged = {first / unchanged:5.1f}x")
    print(f"re-run, one sentence edit: {wording:7.2f} s   edited / unchanged = {wording / unchanged:4.2f}x")
    print(f"re-run, one figure edit:   {figure:7.2f} s   edited / unchanged = {figure / unchanged:4.2f}x")


if __name__ == "__main__":
    main()
