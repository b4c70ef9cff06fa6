"""Rule files: the bundled packs load and pass their own tests; broken files are located errors (exit 2)."""

import json
from pathlib import Path

import pytest

import claimcheck
from claimcheck.errors import RuleFileError
from claimcheck.rules import RULE_FILE_SCHEMA, bundled_rules_path
from conftest import EXAMPLES, ROOT


def test_bundled_packs_load():
    rules = claimcheck.load_rules()
    kinds = {rule.kind for rule in rules.rules}
    assert kinds == {"sum", "agree", "conversion", "range", "partition", "change", "reference"}
    assert rules.synonyms.canonical("measure", "soldiers") == "troops"
    assert rules.synonyms.canonical("actor", "U.S.") == "US"


def test_bundled_rule_tests_pass(cli):
    result = cli("rules", "test")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("15 passed, 0 failed")
    assert "parts-sum-to-total: 6 hits, 0 misses, 0 false alarms" in result.stdout


def test_schema_command_prints_the_schema_kept_for_editors(cli):
    result = cli("rules", "schema")
    assert json.loads(result.stdout) == RULE_FILE_SCHEMA
    assert json.loads((ROOT / "docs" / "rules.schema.json").read_text()) == RULE_FILE_SCHEMA


def test_bundled_packs_validate_against_the_schema():
    from jsonschema import Draft202012Validator
    from ruamel.yaml import YAML

    validator = Draft202012Validator(RULE_FILE_SCHEMA)
    for pack in sorted(bundled_rules_path().glob("*.yaml")):
        assert list(validator.iter_errors(YAML(typ="safe").load(pack.read_text()))) == []


BROKEN = {
    "kind.yaml": ("version: 1\nrules:\n  - id: my-rule\n    kind: summ\n",
                  "kind.yaml:4:11: unknown rule kind 'summ' (did you mean 'sum'?)\n    4 |     kind: summ"),
    "typo.yaml": ("version: 1\nrules:\n  - id: my-sum\n    kind: sum\n    tolerence: {abs: 1}\n",
                  "typo.yaml:5:5: unknown key for a sum rule 'tolerence' (did you mean 'tolerance'?)"),
    "unit.yaml": ("version: 1\nrules:\n  - id: r\n    kind: range\n    units: [furlongz]\n",
                  "unit.yaml:5:13: unknown unit 'furlongz'"),
    "tolerance.yaml": ("version: 1\nrules:\n  - id: a\n    kind: agree\n    units: [percent]\n    tolerance: {abs: \"2 km\"}\n",
                       "tolerance.yaml:6:22: tolerance '2 km' has dimension [length] but the rule's unit 'percent'"),
    "pattern.yaml": ("version: 1\nrules:\n  - id: p\n    kind: range\n    pattern: '(?P<part>\\d+ of (?P<whole>\\d+'\n",
                     "pattern.yaml:5:31: pattern does not compile: missing ), unterminated subpattern at position 16"),
    "version.yaml": ("version: 2\nrules: []\n", "version.yaml:1:10: version: 1 was expected"),
    "syntax.yaml": ("version: 1\nrules:\n  - id: x\n    kind: sum\n   bad: [\n", "syntax.yaml:5:4: not valid YAML"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_rule_file_is_a_located_error(tmp_path, name, cli):
    text, expected = BROKEN[name]
    (tmp_path / name).write_text(text)
    with pytest.raises(RuleFileError) as raised:
        claimcheck.load_rules([tmp_path / name])
    assert expected in str(raised.value).replace(str(tmp_path) + "/", "")
    result = cli("check", str(EXAMPLES), "--rules", str(tmp_path / name))
    assert result.returncode == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ")


def test_reference_table_missing_a_column(tmp_path, cli):
    (tmp_path / "refs.csv").write_text("key,value,unit\nWales,20779,kilometer ** 2\n")
    (tmp_path / "ref.yaml").write_text("version: 1\nrules:\n  - id: ref\n    kind: reference\n    table: refs.csv\n"
                                       "    pattern: 'size of (?P<key>[A-Z]\\w+)'\n")
    result = cli("check", str(EXAMPLES), "--rules", str(tmp_path / "ref.yaml"))
    assert result.returncode == 2
    assert f"{tmp_path / 'refs.csv'}:1:1: reference table is missing column(s) as_of, source" in result.stderr


def test_rule_file_errors_stop_the_run_before_documents_are_read(tmp_path, cli):
    (tmp_path / "kind.yaml").write_text(BROKEN["kind.yaml"][0])
    result = cli("check", "no/such/documents", "--rules", str(tmp_path / "kind.yaml"))
    assert result.returncode == 2 and "unknown rule kind" in result.stderr and "no such file" not in result.stderr


def test_a_new_rule_of_an_existing_kind_needs_no_python(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "version: 1\nrules:\n  - id: villages-agree\n    kind: agree\n    measures: [villages]\n    tolerance: {abs: 0}\n")
    a = claimcheck.read_text("Monday, 3 March 2025\n\nFloods cut off 12 villages in the valley.", id="a.txt")
    b = claimcheck.read_text("Monday, 3 March 2025\n\nFloods isolated 15 villages in the valley.", id="b.txt")
    findings = claimcheck.check([a, b], rules=[tmp_path / "mine.yaml"])
    mine = [f for f in findings if f.rule == "villages-agree"]
    assert [(f.status, f.severity) for f in mine] == [("violated", "warning")]
    assert "12 (a.txt) vs 15 (b.txt): values differ by 3" in mine[0].message


REFERENCE_RULE = ("version: 1\nrules:\n  - id: ref\n    kind: reference\n    table: refs.csv\n"
                  "    tolerance: {rel: 0.1}\n    pattern: 'size of (?P<key>[A-Z]\\w+)'\n")


def test_a_rule_set_is_kept_per_content_in_the_cache_folder(tmp_path, monkeypatch):
    from claimcheck.rules import loader

    cache = tmp_path / "cache"
    (tmp_path / "refs.csv").write_text("key,value,unit,as_of,source\nWales,20779,kilometer ** 2,2020,ONS\n")
    (tmp_path / "ref.yaml").write_text(REFERENCE_RULE)
    first = claimcheck.load_rules([tmp_path / "ref.yaml"], cache_dir=cache)
    assert first.by_id("ref").options.table.rows[0]["value"] == 20779.0
    assert type(first.by_id("ref").options.tolerance.rel) is float  # plain values, not the YAML parser's own types
    assert len(list((cache / "rules-v2").glob("*.json"))) == 1
    parsed = []
    monkeypatch.setattr(loader._RuleFile, "load", lambda self, rule_set: parsed.append(self.path) or [])
    again = claimcheck.load_rules([tmp_path / "ref.yaml"], cache_dir=cache)
    assert parsed == [] and again.digest() == first.digest()
    monkeypatch.undo()
    # a changed reference table or rule file is read afresh, and its problems are reported as ever
    (tmp_path / "refs.csv").write_text("key,value,unit,as_of,source\nWales,20779,zorkmids,2020,ONS\n")
    with pytest.raises(RuleFileError, match="unknown unit 'zorkmids'"):
        claimcheck.load_rules([tmp_path / "ref.yaml"], cache_dir=cache)
    (tmp_path / "refs.csv").write_text("key,value,unit,as_of,source\nWales,20000,kilometer ** 2,2020,ONS\n")
    assert claimcheck.load_rules([tmp_path / "ref.yaml"], cache_dir=cache).by_id("ref").options.table.rows[0]["value"] == 20000.0
    (tmp_path / "ref.yaml").write_text(REFERENCE_RULE.replace("kind: reference", "kind: refrence"))
    with pytest.raises(RuleFileError, match="unknown rule kind"):
        claimcheck.load_rules([tmp_path / "ref.yaml"], cache_dir=cache)


def test_a_damaged_stored_rule_set_is_loaded_afresh(tmp_path):
    cache = tmp_path / "cache"
    expected = claimcheck.load_rules(cache_dir=cache).digest()
    entries = list((cache / "rules-v2").glob("*.json"))
    assert len(entries) == 1
    for damage in (b"not JSON", b"[" * 100_000, b'{"cache": "claimcheck rule set", "format": "2"}', b"\xff\xfe"):
        entries[0].write_bytes(damage)
        assert claimcheck.load_rules(cache_dir=cache).digest() == expected


def test_rules_guide_lists_every_kind_as_declared():
    from claimcheck.checks.registry import kinds_table, options_table

    guide = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert kinds_table() in guide and options_table() in guide
    assert "| `sum` | document | error |" in kinds_table()
    assert "| `agree` | `window` | duration |" in options_table()


def test_a_new_rule_kind_is_one_declaration(tmp_path):
    """A kind declared with @rule_kind is in the schema, loads from YAML with typed options, and runs."""
    from dataclasses import dataclass

    from claimcheck.checks import registry
    from claimcheck.checks.runner import run_checks
    from claimcheck.rules.schema import rule_file_schema

    @dataclass(frozen=True)
    class AtMostOptions:
        limit: float = registry.option(doc="the largest figure allowed")
        words: registry.Words = registry.option(("troops",), "unused here")

    @registry.rule_kind("at-most", runs_per="document", severity="error", options=AtMostOptions, statuses=("violated",),
                        summary="each claim is at most `limit`")
    def check_at_most(rule, context):
        return [context.finding(rule, "violated", f"{claim.value:g} > {rule.options.limit:g}", [claim])
                for claim in context.claims_for(rule) if claim.value > rule.options.limit]

    try:
        rule_file_schema.cache_clear()
        rules = tmp_path / "limit.yaml"
        rules.write_text("version: 1\nrules:\n  - id: small\n    kind: at-most\n    limit: 10\n    words: [a, b]\n")
        rule_set = claimcheck.load_rules([rules], bundled=False)
        assert rule_set.rules[0].options == AtMostOptions(limit=10, words=("a", "b"))
        assert rule_set.rules[0].severity == "error"
        document = claimcheck.read_text("The town has 12 wells.", id="town.txt")
        findings = run_checks([document], claimcheck.extract_document(document), rule_set).findings
        assert [(f.rule, f.kind, f.status, f.message) for f in findings] == [("small", "at-most", "violated", "12 > 10")]
        rules.write_text("version: 1\nrules:\n  - id: small\n    kind: at-most\n")
        with pytest.raises(RuleFileError, match="'limit' is a required property"):
            claimcheck.load_rules([rules], bundled=False)
    finally:
        registry._KINDS.pop("at-most", None)
        rule_file_schema.cache_clear()


def test_a_price_is_quoted_to_the_cent_and_a_sum_to_its_last_digit():
    from claimcheck.checks.comparison import reported_interval

    price, cents, sum_, toll = (claimcheck.extract_text(text)[0] for text in (
        "HP will pay $25 a share.", "HP will pay $25.50 a share.", "The deal is worth $13.9 billion.",
        "The quake killed 40 people."))
    assert (reported_interval(price).low, reported_interval(price).high) == pytest.approx((24.995, 25.005))
    assert (reported_interval(cents).low, reported_interval(cents).high) == pytest.approx((25.495, 25.505))
    assert (reported_interval(sum_).low, reported_interval(sum_).high) == pytest.approx((13.85e9, 13.95e9))
    assert (reported_interval(toll).low, reported_interval(toll).high) == pytest.approx((39.5, 40.5))
