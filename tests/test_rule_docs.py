"""Rule documentation: a page per bundled rule generated from its pack (kept current in docs/rules/), printed by
``claimcheck rules show``, embedded in SARIF's help with helpUri pointing at it; no install paths anywhere."""

import json
import re
import subprocess

import pytest

import claimcheck
from claimcheck.about import project_urls
from claimcheck.rules.docs import index_page, rule_page
from conftest import EXAMPLES, ROOT

PAGES = ROOT / "docs" / "rules"
REGENERATE = "regenerate them with: claimcheck rules docs docs/rules"


def test_every_bundled_rule_has_its_current_page():
    rules = claimcheck.load_rules().rules
    stale = [rule.id for rule in rules if not (PAGES / f"{rule.id}.md").exists()
             or (PAGES / f"{rule.id}.md").read_text(encoding="utf-8") != rule_page(rule)]
    assert stale == [], f"pages missing or out of date for {stale}: {REGENERATE}"
    assert (PAGES / "index.md").read_text(encoding="utf-8") == index_page(rules), REGENERATE
    extra = {page.stem for page in PAGES.glob("*.md")} - {rule.id for rule in rules} - {"index"}
    assert extra == set(), f"pages of rules no pack has: {extra}"


def test_a_page_says_what_the_rule_checks_shows_its_examples_and_how_to_suppress_it():
    page = (PAGES / "parts-sum-to-total.md").read_text(encoding="utf-8")
    assert page.startswith("# parts-sum-to-total\n\nParts listed together (\"27 in Syria and 28 in Iraq\") add up to their stated total.")
    assert "- kind: `sum`, run a document at a time" in page and "- pack: `rules/general.yaml` (bundled)" in page
    assert "| `tolerance` | exact |" in page
    assert "- reported as **violated**:\n\n  > Jets flew 55 sorties in all. Officials said 27 were in the north and 30 in the south." in page
    assert "`<!-- claimcheck-ignore parts-sum-to-total: why it is accepted -->`" in page
    assert "    - rule: parts-sum-to-total\n" in page and "--ignore parts-sum-to-total" in page
    agree = (PAGES / "strike-counts-agree.md").read_text(encoding="utf-8")
    assert "| `window` | 14 days |" in agree and "  `b.txt`\n\n  > Saturday, 27 September 2014" in agree


def test_rules_list_and_show(cli):
    listed = cli("rules", "list")
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert len(lines) == len(claimcheck.load_rules().rules)
    [parts] = [line for line in lines if line.startswith("parts-sum-to-total ")]
    assert re.fullmatch(r"parts-sum-to-total +sum +error +general\.yaml:\d+ \(bundled\) +Parts listed together .*", parts)
    assert all("/" not in line.split("(bundled)")[0] for line in lines)  # no install path
    shown = cli("rules", "show", "strike-counts-agree")
    assert shown.returncode == 0 and shown.stdout == (PAGES / "strike-counts-agree.md").read_text(encoding="utf-8")
    unknown = cli("rules", "show", "strike-count-agree")
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "error: no rule 'strike-count-agree' (did you mean 'strike-counts-agree'?)"
    assert "| `sum` | document | error |" in cli("rules", "kinds").stdout  # kept


def test_sarif_rules_carry_their_page_and_no_install_path(cli, tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "desk.yaml").write_text(
        "version: 1\nname: desk\nrules:\n  - id: sorties-agree\n    kind: agree\n    severity: warning\n"
        "    description: Sortie counts agree.\n    measures: [sorties]\n")
    (tmp_path / "work").mkdir()
    result = cli("check", str(EXAMPLES), "--rules", "../packs", "--format", "sarif", "--no-cache", cwd=tmp_path / "work")
    rules = {rule["id"]: rule for rule in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    docs = project_urls()["Documentation"]
    for rule in claimcheck.load_rules().rules:
        entry = rules[rule.id]
        assert entry["helpUri"] == f"{docs}/rules/{rule.id}.md" and (PAGES / f"{rule.id}.md").exists()
        assert entry["help"]["markdown"] == rule_page(rule)
        assert f"claimcheck-ignore {rule.id}" in entry["help"]["text"]
        assert entry["fullDescription"]["text"].endswith(f"defined in {rule.source.rsplit('/', 1)[-1]}:{rule.line} (bundled))")
    text = json.dumps(rules)
    assert "site-packages" not in text and str(ROOT) not in text and str(tmp_path) not in text
    own = rules["sorties-agree"]
    assert own["fullDescription"]["text"] == "Sortie counts agree. (kind: agree; defined in packs/desk.yaml:4)"
    assert "helpUri" not in own and own["help"]["markdown"].startswith("# sorties-agree\n\nSortie counts agree.")


def test_rules_docs_writes_a_page_per_rule_of_any_pack(cli, tmp_path):
    pack = tmp_path / "desk.yaml"
    pack.write_text("version: 1\nname: desk\nrules:\n  - id: sorties-agree\n    kind: agree\n    severity: warning\n")
    result = cli("rules", "docs", str(tmp_path / "out"), "--rules", str(pack), "--no-bundled")
    assert result.returncode == 0 and result.stderr == f"wrote 2 pages in {tmp_path / 'out'}\n"
    assert (tmp_path / "out" / "sorties-agree.md").read_text().startswith("# sorties-agree\n\nA `agree` rule.")


@pytest.mark.parametrize("rule_id", ["parts-sum-to-total", "size-comparison-reference"])
def test_the_suppression_a_page_shows_works(cli, tmp_path, rule_id):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    page = (PAGES / f"{rule_id}.md").read_text(encoding="utf-8")
    comment = page.split("comment on its own line: `")[1].split("`")[0]
    for document in corpus.iterdir():
        document.write_text(document.read_text() + f"\n{comment}\n")
    report = json.loads(cli("check", str(corpus), "--format", "json", "--no-cache").stdout)
    assert rule_id not in {finding["rule"] for finding in report["findings"]}
    assert report["summary"]["suppressed"] == 1
