"""Findings and facts scored on labelled news clusters (claimcheck evaluate --clusters), and the labelled gold itself."""

import json
from pathlib import Path

import pytest

import claimcheck
from claimcheck.errors import InputError
from claimcheck.evaluation.clusters import evaluate_clusters, read_cluster_gold

from conftest import ROOT

ECB_GOLD = ROOT / "tests" / "gold" / "realnews" / "ecb"
ECB_DOCS = ROOT.parent / "shared" / "eval" / "realnews" / "ecb_dev"
SHIPPED_GOLD = ROOT.parent / "shared" / "eval" / "realnews" / "dev_gold"  # the clusters labelled with the data
WIKIPEDIA_GOLD = ROOT / "tests" / "gold" / "realnews" / "wikipedia"
WIKIPEDIA_DOCS = ROOT.parent / "shared" / "eval" / "corpora" / "wikipedia_syria_iraq_articles" / "articles"

GOLD = """\
cluster: t98_ecb
event: "a made-up fire for the test"
groups:
  - id: g1
    quantity: "people killed in the fire"
    kind: count
    mentions:
      - {doc: 98_1ecb, line: 3, surface: "killed 12", value: 12}
      - {doc: 98_2ecb, line: 3, surface: "killed 15", value: 15}
      - {doc: 98_3ecb, line: 3, surface: "killed 12", value: 12}
    disagree:
      - {pair: [0, 1], severity: major, why: "12 vs 15"}
      - {pair: [1, 2], severity: major, why: "15 vs 12"}
  - id: g2
    quantity: "fire engines sent"
    kind: count
    mentions:
      - {doc: 98_1ecb, line: 4, surface: "40 engines", value: 40}
      - {doc: 98_2ecb, line: 4, surface: "40 engines", value: 40}
"""

DOCS = {
    "98_1ecb": "Warehouse fire in Dunmore\nMonday, 3 March 2025\nThe blaze at the Dunmore warehouse killed 12 people, police said.\n"
               "Crews brought 40 engines to the site.\n",
    "98_2ecb": "Dunmore warehouse blaze\nMonday, 3 March 2025\nThe blaze at the Dunmore warehouse killed 15 people, police said.\n"
               "Crews brought 40 engines to the site.\n",
    "98_3ecb": "Dunmore fire toll\nTuesday, 4 March 2025\nThe blaze at the Dunmore warehouse killed 12 people, police said.\n"
               "Investigators have not named a cause.\n",
}


@pytest.fixture()
def labelled(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "t98_ecb.yaml").write_text(GOLD, encoding="utf-8")
    folder = tmp_path / "docs" / "t98_ecb"
    folder.mkdir(parents=True)
    for name, text in DOCS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return gold, tmp_path / "docs"


def test_a_labelled_disagreement_is_found_and_scored(labelled):
    topics = read_cluster_gold(*labelled)
    assert [(topic.name, len(topic.mentions), len(topic.disagreements)) for topic in topics] == [("t98", 5, 2)]
    scores = evaluate_clusters(topics, claimcheck.Checker())
    summary = scores.summary()
    assert (summary["topics"], summary["documents"], summary["mentions_matched"]) == (1, 3, 1.0)
    assert summary["violated"] == 1 and summary["violated_precision"] == 1.0  # one finding: 12 (twice) against 15
    assert (summary["disagreement_recall"], summary["major_recall"]) == (1.0, 1.0)
    assert summary["same_quantity_precision"] == 1.0 and summary["same_quantity_recall"] == 1.0
    assert (summary["same_event_precision"], summary["same_event_recall"]) == (1.0, 1.0)  # three pages, one event
    assert scores.error_lines() == []


def test_pages_of_two_events_are_scored_pair_by_pair_against_their_folders(labelled):
    gold, docs = labelled
    (gold / "t98_ecbplus.yaml").write_text(
        "cluster: t98_ecbplus\nevent: \"a made-up flood\"\ngroups: []\n", encoding="utf-8")
    folder = docs / "t98_ecbplus"
    folder.mkdir()
    for index in (1, 2):
        (folder / f"98_{index}ecbplus.txt").write_text(
            f"Flood in Kersey\nFriday, {index + 10} July 2025\nThe river burst its banks in Kersey, flooding 300 "
            "homes, the council said.\nVolunteers filled sandbags through the night.\n", encoding="utf-8")
    total = evaluate_clusters(read_cluster_gold(gold, docs), claimcheck.Checker()).total()
    # pairs of pages in one event: the fire's three (3 pairs) and the flood's two (1 pair), told apart
    assert (total.event_pairs_predicted, total.event_pairs_gold, total.event_pairs_both) == (4, 4, 4)


def test_a_finding_on_unlabelled_figures_is_a_false_alarm(labelled):
    gold, docs = labelled
    (gold / "t98_ecb.yaml").write_text(GOLD.split("    disagree:")[0] + GOLD.split("why: \"15 vs 12\"}\n")[1], encoding="utf-8")
    scores = evaluate_clusters(read_cluster_gold(gold, docs), claimcheck.Checker())
    summary = scores.summary()
    assert (summary["violated"], summary["violated_precision"], summary["disagreement_recall"]) == (1, 0.0, None)
    [alarm] = scores.error_lines()
    assert alarm.startswith("false alarm\tt98\t") and "'12'" in alarm and "'15'" in alarm


def test_the_command_prints_the_table_and_json(labelled, cli):
    gold, docs = labelled
    table = cli("evaluate", "--clusters", str(gold), "--docs", str(docs))
    assert table.returncode == 0, table.stderr
    assert "precision of violated findings 1.000; recall of disagreements 1.000 (major 1.000)" in table.stdout
    scores = json.loads(cli("evaluate", "--clusters", str(gold), "--docs", str(docs), "--json").stdout)
    assert (scores["violated"], scores["violated_per_folder"]) == (1, 1.0)


def test_gold_naming_a_missing_document_is_a_located_error(labelled, tmp_path):
    gold, docs = labelled
    (docs / "t98_ecb" / "98_2ecb.txt").rename(tmp_path / "moved.txt")
    (docs / "t98_ecb").rename(docs / "elsewhere")
    with pytest.raises(InputError) as raised:
        read_cluster_gold(gold, docs)
    assert "98_2ecb" in str(raised.value)


def _need(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"the development texts are not beside the repository ({folder})")


def test_every_gold_mention_is_on_its_line():
    """Each labelled mention's number phrase is written on the line it names, so the gold still fits the texts it
    was made from."""
    _need(ECB_DOCS)
    for gold, docs in ((ECB_GOLD, ECB_DOCS), (WIKIPEDIA_GOLD, WIKIPEDIA_DOCS)):
        if not docs.is_dir():
            continue
        for topic in read_cluster_gold(gold, docs):
            lines = {}
            for path in [*(file for folder in topic.folders for file in folder.glob("*")), *topic.files]:
                lines[path.stem] = path.read_text(encoding="utf-8").splitlines()
            for mention in topic.mentions:
                text = lines[mention.doc]
                assert 1 <= mention.line <= len(text), (topic.name, mention)
                line = " ".join(text[mention.line - 1].split()).lower()
                assert " ".join(mention.surface.split()).lower() in line, (topic.name, mention)


@pytest.mark.parametrize("gold, docs, floors", [
    (ECB_GOLD, ECB_DOCS, {"topics": 31, "precision": 0.9, "per_folder": 2.0, "matched": 0.75, "same_precision": 0.4,
                          "major_recall": 0.4, "same_event": (0.98, 0.78)}),
    (SHIPPED_GOLD, ECB_DOCS, {"topics": 2, "precision": 0.9, "per_folder": 6.0, "matched": 0.85, "same_precision": 0.85,
                              "major_recall": 0.75, "same_event": (0.98, 0.6)}),
    (WIKIPEDIA_GOLD, WIKIPEDIA_DOCS, {"topics": 9, "precision": 0.9, "per_folder": 2.0, "matched": 0.95, "same_precision": 0.3,
                                      "major_recall": 0.4, "same_event": None}),  # an article each: no event folders
], ids=["ecb", "shipped", "wikipedia"])
def test_findings_on_the_development_gold(gold, docs, floors):
    """The labelled development clusters: violated findings are mostly right and few per folder, and they find at least
    the share of major disagreements they found when last measured."""
    _need(docs)
    summary = evaluate_clusters(read_cluster_gold(gold, docs), claimcheck.Checker()).summary()
    assert summary["topics"] == floors["topics"]
    if summary["violated"]:
        assert summary["violated_precision"] >= (floors["precision"] or 0.5)
    assert summary["violated_per_folder"] <= floors["per_folder"]
    assert summary["mentions_matched"] >= floors["matched"]
    assert summary["same_quantity_precision"] >= floors["same_precision"]
    assert summary["major_recall"] >= floors["major_recall"]
    if floors["same_event"] is None:
        assert (summary["same_event_precision"], summary["same_event_recall"]) == (None, None)
    else:
        assert summary["same_event_precision"] >= floors["same_event"][0]
        assert summary["same_event_recall"] >= floors["same_event"][1]


@pytest.mark.parametrize("text, unit, gold_unit, gold_value, matched", [
    ("three decades", "decade", "years", 30, True),  # extracted in decades, labelled in years
    ("nine days", "day", "days", 9, True),
    ("36 hours", "hour", "days", 1.5, True),
    ("three decades", "decade", "years", 3, False),  # 3 decades are not 3 years
    ("$30 million", "USD", "EUR", 30e6, False),  # money is never converted: its rate changes
])
def test_a_claim_in_another_unit_of_its_kind_matches_the_gold_value(text, unit, gold_unit, gold_value, matched):
    from claimcheck.evaluation.clusters import Mention, match_mentions
    from claimcheck.model import Claim

    value = float(text.split()[0].strip("$").replace("three", "3").replace("nine", "9"))
    claim = Claim(doc="docs/1ecb.txt", start=0, end=len(text), text=text, sentence=text, value=value, low=value,
                  high=value, unit=unit, line=4, type="duration")
    mention = Mention("t98_ecb:g1", 0, "1ecb", 4, gold_value, surface=text, unit=gold_unit)
    assert (mention in match_mentions([mention], [claim])) is matched


def test_a_line_that_gives_one_value_twice_matches_each_mention_by_its_surface():
    from claimcheck.evaluation.clusters import Mention, match_mentions

    line = "It was centered about three miles northwest of St. Helena and about 3 miles deep."
    northwest, deep = claimcheck.extract_text(line)
    depth = Mention("t98_ecb:g3", 0, "1ecb", 1, 3, surface="about 3 miles deep")
    distance = Mention("t98_ecb:g4", 0, "1ecb", 1, 3, surface="about three miles northwest")
    for claim in (northwest, deep):
        claim.doc, claim.line = "docs/1ecb.txt", 1
    matched = match_mentions([depth, distance], [northwest, deep])
    assert (matched[depth].text, matched[distance].text) == ("about 3 miles", "about three miles")
