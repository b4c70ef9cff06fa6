"""Incremental audits: a generated corpus of N documents (default 5,000) checked three times from the
command line: first run (empty cache), re-run unchanged, and re-run after editing one document.

    python benchmarks/incremental.py [--documents 5000] [--jobs 0]

Prints wall-clock seconds and the ratios that matter (first / unchanged, after-edit / unchanged).
"""

from __future__ import annotations

import argparse
import random
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
CHROME = "Share this article\nRelated: Ministers meet to discuss the 3rd aid package | Podcast 0:00 / 24:{seconds:02d}\n"


def generate(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """News-length documents (about 2 KB): a dateline, a title, four paragraphs drawn from templates, chrome."""
    rng = random.Random(seed)
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
        text = (f"{rng.choice(WEEKDAYS)}, {rng.randint(1, 28)} {rng.choice(MONTHS)} 20{rng.randint(15, 24)}\n\n"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=0, help="extraction workers (0: all cores)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        folder.mkdir()
        files = generate(folder, arguments.documents)
        cache = Path(scratch) / "cache"
        first = run(folder, cache, arguments.jobs)
        unchanged = run(folder, cache, arguments.jobs)
        files[len(files) // 2].write_text(files[len(files) // 2].read_text().replace("officials said", "a spokesman said"))
        edited = run(folder, cache, arguments.jobs)
    print(f"{arguments.documents} documents, jobs={arguments.jobs or 'all cores'}")
    print(f"first run (empty cache):   {first:7.2f} s")
    print(f"re-run, unchanged:         {unchanged:7.2f} s   first / unchanged = {first / unchanged:5.1f}x")
    print(f"re-run after one edit:     {edited:7.2f} s   after-edit / unchanged = {edited / unchanged:4.2f}x")


if __name__ == "__main__":
    main()
