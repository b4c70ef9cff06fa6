"""Extraction throughput against plain quantulum3 on the same text, in the same process.

Runs alternate (quantulum3, claimcheck, quantulum3, ...) so that machine noise hits both alike; the
figure that matters is the ratio of medians. Also reports peak traced memory of one pass of each, the
cold start of ``claimcheck extract`` on one small file, and the time of one long line against the same text one
sentence per line.

    python benchmarks/extraction_speed.py [--rounds 7] [--copies 4] [--sentences 8000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(copies: int) -> list[str]:
    """The bundled examples and the gold passages: news-like text with page chrome."""
    import claimcheck

    texts = [document.text for document in claimcheck.read_documents([ROOT / "examples" / "corpus"])]
    for gold in sorted((ROOT / "tests" / "gold" / "extraction").glob("*.jsonl")):
        passages = [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts.extend("\n\n".join(passages[i:i + 10]) for i in range(0, len(passages), 10))
    return texts * copies


def timed(function, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - start


def peak_memory(function, texts: list[str]) -> int:
    tracemalloc.start()
    for text in texts:
        function(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def cold_start(rounds: int) -> float:
    """Median wall time of `claimcheck extract` on one small file, each run with a fresh user cache."""
    sample = ROOT / "examples" / "corpus" / "strike-tally.txt"
    times = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as cache:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "claimcheck", "extract", str(sample), "--format", "jsonl"],
                           check=True, capture_output=True, env={**os.environ, "XDG_CACHE_HOME": cache})
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def single_line(count: int, rounds: int) -> tuple[float, float]:
    """Median seconds for ``count`` gold sentences one per line and the same sentences on one line (as scraped
    pages often are): the sentence splitter must not make the second grow with the square of the line."""
    import claimcheck
    from claimcheck.extraction import clear_caches

    sentences = []
    for gold in sorted((ROOT / "tests" / "gold" / "extraction").glob("*.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            text = " ".join(json.loads(line)["text"].split()) if line.strip() else ""
            if text.endswith((".", "!", "?")):
                sentences.append(text)
    body = (sentences * (count // len(sentences) + 1))[:count]
    per_line, one_line = [], []
    for _ in range(rounds):
        clear_caches()
        per_line.append(timed(claimcheck.extract_text, ["\n".join(body)]))
        clear_caches()
        one_line.append(timed(claimcheck.extract_text, [" ".join(body)]))
    return statistics.median(per_line), statistics.median(one_line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--sentences", type=int, default=8000, help="sentences in the single-line document")
    arguments = parser.parse_args()
    warnings.simplefilter("ignore")

    import claimcheck
    from quantulum3 import parser as quantulum

    texts = corpus(arguments.copies)
    kilobytes = sum(len(text.encode("utf-8")) for text in texts) / 1024
    quantulum.parse("warm up 5 miles")
    claimcheck.extract_text("warm up: about 5 miles")
    baseline, ours = [], []
    from claimcheck.extraction import clear_caches

    for _ in range(arguments.rounds):
        baseline.append(timed(quantulum.parse, texts))
        clear_caches()  # no reuse of unit readings from the previous round
        ours.append(timed(claimcheck.extract_text, texts))
    base_median, our_median = statistics.median(baseline), statistics.median(ours)
    print(f"corpus: {len(texts)} texts, {kilobytes:.0f} KB; {arguments.rounds} alternating rounds")
    print(f"quantulum3.parser.parse : {kilobytes / base_median:8.1f} KB/s (median {base_median:.2f} s)")
    print(f"claimcheck.extract_text : {kilobytes / our_median:8.1f} KB/s (median {our_median:.2f} s)")
    print(f"throughput ratio (claimcheck / quantulum3): {base_median / our_median:.2f}x")
    base_peak = peak_memory(quantulum.parse, texts[:20])
    our_peak = peak_memory(claimcheck.extract_text, texts[:20])
    print(f"peak traced memory, 20 texts: quantulum3 {base_peak / 1e6:.1f} MB, claimcheck {our_peak / 1e6:.1f} MB"
          f" (ratio {our_peak / base_peak:.2f})")
    print(f"cold start of `claimcheck extract` on one small file, fresh user cache: {cold_start(5):.2f} s (median of 5)")
    per_line, one_line = single_line(arguments.sentences, 3)
    print(f"{arguments.sentences} sentences one per line {per_line:.2f} s, on one line {one_line:.2f} s"
          f" (ratio {one_line / per_line:.2f}, median of 3)")


if __name__ == "__main__":
    main()
