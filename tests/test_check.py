"""claimcheck check on the project's example documents: arithmetic and cross-source findings, explained."""

import json
import shutil

import pytest

import claimcheck
from conftest import EXAMPLES


@pytest.fixture(scope="module")
def result():
    return claimcheck.check_result([EXAMPLES])


def find(findings, rule, status=None, docs=None):
    found = [f for f in findings if f.rule == rule and (status is None or f.status == status)
             and (docs is None or {c.doc.rsplit("/", 1)[-1] for c in f.claims} == set(docs))]
    return found


def test_sum_holds_and_fails(result):
    holds = find(result.findings, "parts-sum-to-total", "consistent", ["strike-tally.txt"])
    assert [f.message for f in holds] == ["27 + 28 = 55 ✓ matches the total 55 air strikes"]
    assert [c.text for c in holds[0].claims] == ["55", "27", "28"]
    assert find(result.findings, "parts-sum-to-total", "consistent", ["weekly-roundup.txt"])
    broken = find(result.findings, "parts-sum-to-total", "violated", ["strike-tally-error.txt"])
    assert [f.message for f in broken] == ["27 + 30 = 57 ≠ 55 air strikes: the parts exceed the total by 2"]
    assert broken[0].severity == "error"


def test_miles_and_kilometres_agree_after_conversion(result):
    [distance] = find(result.findings, "figures-agree-across-sources", "consistent")
    assert distance.message.startswith("5 mi = 8.047 km (") and "khusham-attack.md) vs ~8 km (" in distance.message
    assert "within 5%" in distance.message


def test_troops_in_two_sources_agree_and_casualty_estimate_is_no_contradiction(result):
    assert find(result.findings, "troop-numbers-agree", "consistent", ["coalition-update.txt", "khusham-attack.md"])
    [killed] = find(result.findings, "casualty-figures-agree", docs=["defensive-strikes.html", "khusham-attack.md"])
    assert killed.status == "consistent"


def test_territory_lower_bounds_differ_and_dates_make_it_a_change(result):
    [territory] = find(result.findings, "territory-shares-agree")
    assert territory.status == "changed"  # eleven months apart
    for part in (">99%", ">98%", "values differ by 1 point", "both are lower bounds", "dated 2019-01-08 vs 2018-02-09",
                 "scopes differ: place — vs Syria"):
        assert part in territory.message


def test_a_bounded_size_comparison_says_how_its_bound_was_compared(result):
    [size] = find(result.findings, "size-comparison-reference", docs=["coalition-update.txt"])
    assert size.status == "violated" and size.severity == "warning"
    assert size.message == (">100,000 km² vs Britain 209,331 km² (Ordnance Survey (island of Great Britain), as of 2011): "
                            "the stated figure is 48% of the reference (a lower bound, compared by its value), beyond 15%")


def test_two_lower_bounds_within_the_window_never_contradict(tmp_path):
    for name in ("coalition-update.txt", "khusham-attack.md"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    page = tmp_path / "coalition-update.txt"
    page.write_text(page.read_text().replace("Tuesday, 8 January 2019", "Saturday, 10 February 2018"))
    [territory] = find(claimcheck.check([tmp_path]), "territory-shares-agree")
    assert territory.status == "consistent"  # over 98% and more than 99% can both be true
    assert "dated 2018-02-10 vs 2018-02-09" in territory.message
    assert "both are lower bounds, which never contradict each other" in territory.message


def test_a_changed_number_is_flagged_with_the_arithmetic(tmp_path):
    for page in EXAMPLES.iterdir():
        shutil.copy(page, tmp_path / page.name)
    tally = tmp_path / "strike-tally.txt"
    tally.write_text(tally.read_text().replace("28 strikes in Iraq", "30 strikes in Iraq"))
    attack = tmp_path / "defensive-strikes.html"
    attack.write_text(attack.read_text().replace("some eight kilometers", "some eighteen kilometers"))
    findings = claimcheck.check([tmp_path])
    [tally_sum] = find(findings, "parts-sum-to-total", "violated", ["strike-tally.txt"])
    assert tally_sum.message == "27 + 30 = 57 ≠ 55 air strikes: the parts exceed the total by 2"
    [distance] = find(findings, "figures-agree-across-sources", "violated")
    assert "5 mi = 8.047 km" in distance.message and "~18 km" in distance.message


def test_every_finding_quotes_its_claims_and_has_a_stable_fingerprint(result):
    again = claimcheck.check([EXAMPLES])
    assert [f.fingerprint for f in again] == [f.fingerprint for f in result.findings]
    for finding in result.findings:
        data = finding.to_dict()
        assert set(data) == {"rule", "kind", "status", "severity", "message", "fact", "fingerprint", "claims"}
        for claim in data["claims"]:
            assert {"doc", "start", "end", "line", "column", "text", "value", "low", "high", "bound", "unit", "measure"} <= set(claim)


def test_fingerprint_ignores_reflowed_text(tmp_path):
    shutil.copy(EXAMPLES / "strike-tally-error.txt", tmp_path / "strike-tally-error.txt")
    before = find(claimcheck.check([tmp_path]), "parts-sum-to-total")[0].fingerprint
    page = tmp_path / "strike-tally-error.txt"
    page.write_text("\n\n" + page.read_text().replace("27 air strikes in Syria and", "27 air strikes in Syria\nand"))
    after = find(claimcheck.check([tmp_path]), "parts-sum-to-total")[0]
    assert after.fingerprint == before and after.claims[0].line != 1


def test_summary_counts_coverage(result):
    summary = result.summary
    assert (summary["documents"], summary["claims"]) == (6, 30)
    assert summary["claims_checked"] + summary["claims_unchecked"] == 30
    assert 0 < summary["claims_checked"] < 30


def test_json_output_and_passing(cli):
    result = cli("check", str(EXAMPLES), "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "events", "summary"}
    assert [len(event["documents"]) for event in data["events"]] == [1, 2, 3]  # the update, the attack, the strike tallies
    assert {f["status"] for f in data["findings"]} == {"violated"}
    passing = json.loads(cli("check", str(EXAMPLES), "--format", "json", "--passing").stdout)
    assert {f["status"] for f in passing["findings"]} == {"violated", "consistent", "changed"}


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_exit_codes_follow_fail_on(cli, fail_on, code):
    assert cli("check", str(EXAMPLES), "--format", "json", "--fail-on", fail_on).returncode == code


def test_exit_zero_when_only_warnings_and_fail_on_error(cli, tmp_path):
    shutil.copy(EXAMPLES / "coalition-update.txt", tmp_path)
    result = cli("check", str(tmp_path), "--format", "json")
    data = json.loads(result.stdout)
    assert {f["severity"] for f in data["findings"]} == {"warning"}
    assert result.returncode == 0
    assert cli("check", str(tmp_path), "--format", "json", "--fail-on", "warning").returncode == 1


def test_table_shows_sources_side_by_side_and_the_summary(cli):
    result = cli("check", str(EXAMPLES), "--format", "table")
    assert "27 + 30 = 57 ≠ 55" in result.stdout
    assert "examples/corpus/strike-tally-error.txt:7:38" in result.stdout
    assert "6 documents, 30 claims:" in result.stdout and "that no rule looked at" in result.stdout


def test_findings_frame():
    frame = claimcheck.findings_frame(claimcheck.check([EXAMPLES]))
    assert list(frame.columns) == ["rule", "kind", "status", "severity", "message", "fact", "fingerprint", "docs", "claim_texts"]
    assert "parts-sum-to-total" in set(frame["rule"])


@pytest.mark.parametrize(("later_toll", "status"), [("15", "changed"), ("9", "violated")])
def test_a_later_higher_toll_is_an_update_and_a_lower_one_a_contradiction(tmp_path, later_toll, status):
    (tmp_path / "a.txt").write_text("Monday, 5 January 2009\n\n12 people were killed in the blast at the market, "
                                    "police said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Tuesday, 6 January 2009\n\n{later_toll} people were killed in the blast at the "
                                    "market, police said.\n", encoding="utf-8")
    [finding] = claimcheck.Checker().check([tmp_path]).findings
    assert finding.status == status
    assert [claim.text for claim in finding.claims] == ["12", later_toll]


@pytest.mark.parametrize(("other_toll", "statuses"), [("41", []), ("52", ["violated"])])
def test_undated_pages_close_tolls_may_be_an_update_and_far_ones_contradict(tmp_path, other_toll, statuses):
    for name, toll in (("a.txt", "39"), ("b.txt", other_toll)):
        (tmp_path / name).write_text(
            f"Market bomb kills {toll}\n\nA car bomb killed {toll} people in a crowded market in Peshawar, police "
            "said.\nAbout 100 people were wounded, hospital officials said.\nThe bomb held about 150 kg of "
            "explosives.\nWitnesses said the blast shattered windows 500 metres away.\n", encoding="utf-8")
    findings = claimcheck.Checker().check([tmp_path]).findings
    assert [finding.status for finding in findings if finding.about[0].outcome == "killed"] == statuses


@pytest.mark.parametrize(("first", "second", "statuses"), [
    # a force's standing strength is reported from event to event ...
    ("The US keeps about 2,000 troops in Syria.", "Some 4,000 American soldiers remain in Syria.", ["violated"]),
    # ... soldiers a storm's relief sends, named by neither force nor place, are each storm's own
    ("Some 2,000 soldiers were helping to clear roads.", "Some 4,000 soldiers were deployed to clear roads.", []),
])
def test_troops_are_compared_across_events_only_where_they_name_a_force_or_place(tmp_path, first, second, statuses):
    (tmp_path / "a.txt").write_text(
        "Friday, 15 September 2017\n\nTyphoon Kaliya flattened rice fields in Quang Binh on Friday.\nFishermen "
        f"hauled their boats ashore as waves battered the coast near Dong Hoi.\n{first}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Tuesday, 10 October 2017\n\nA week of monsoon rains swamped Ha Tinh, cutting the railway.\nReservoirs "
        f"spilled over in Huong Khe and schools closed across the district.\n{second}\n", encoding="utf-8")
    result = claimcheck.Checker().check([tmp_path])
    assert len({document.event for document in result.documents}) == 2
    assert [finding.status for finding in result.findings if finding.rule == "troop-numbers-agree"] == statuses


@pytest.mark.parametrize(("archive_from", "statuses", "periods"), [
    (10_000, ["violated", "consistent"], [None]),  # three pages: one series, December's 2,000 against January's 4,000
    (3, ["consistent"], ["2000s", "2010s"]),  # an archive of three or more: each decade's reports apart
])
def test_an_archives_standing_quantity_is_grouped_decade_by_decade(tmp_path, archive_from, statuses, periods):
    pages = {"a.txt": "Tuesday, 22 December 2009\n\nThe US keeps about 2,000 troops in Syria.\n",
             "b.txt": "Friday, 8 January 2010\n\nSome 4,000 American soldiers remain in Syria.\n",
             "c.txt": "Saturday, 9 January 2010\n\nAbout 4,000 US troops are stationed in Syria.\n"}
    (tmp_path / "corpus").mkdir()
    for name, text in pages.items():
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    (tmp_path / "archive.yaml").write_text(f"version: 1\nname: archive\ndefaults:\n  archive_from: {archive_from}\n"
                                           "rules: []\n", encoding="utf-8")
    result = claimcheck.Checker(rules=[tmp_path / "archive.yaml"]).check([tmp_path / "corpus"])
    assert [finding.status for finding in result.findings if finding.rule == "troop-numbers-agree"] == statuses
    assert sorted({fact.key.period for fact in result.facts if fact.measure == "troops"}, key=str) == periods


_QUAKE_RESCUE = ("Rescuers dug through fallen buildings in Elazig and Malatya, near the epicentre at Sivrice.\n"
                 "The quake struck at a depth of 10 km.\nAbout 30 aftershocks followed within hours.\n")


def _quake_pages(tmp_path, first: str, second: str) -> list:
    """The findings on two undated articles of one quake, with the given lines at their tops."""
    (tmp_path / "a.txt").write_text(f"\nQuake kills at least 18 in eastern Turkey\n{first}\n{_QUAKE_RESCUE}",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"\nElazig counts the cost of the quake\n{second}\n{_QUAKE_RESCUE}",
                                    encoding="utf-8")
    return claimcheck.Checker().check([tmp_path]).findings


@pytest.mark.parametrize(("top", "statuses"), [
    ("Families in Elazig slept in cars and tents on Saturday, a day after the quake.", []),  # no figure on that line
    ("Families in Elazig slept in cars and tents after the quake.", ["violated"]),
])
def test_an_undated_page_whose_top_tells_of_a_later_day_may_give_a_later_count(tmp_path, top, statuses):
    findings = _quake_pages(tmp_path, "ISTANBUL, Jan 24 (Reuters) - A strong earthquake hit eastern Turkey on Friday "
                                      "evening, injuring 553 as houses fell in Elazig province, officials said.",
                            f"{top}\nThe governor said more than 1,400 were injured across the region.")
    assert [finding.status for finding in findings if finding.about[0].outcome == "injured"] == statuses


@pytest.mark.parametrize(("told", "statuses"), [("The final official toll", []), ("The official toll", ["violated"])])
def test_a_final_toll_may_be_a_later_count_than_another_pages(tmp_path, told, statuses):
    findings = _quake_pages(tmp_path, "A strong earthquake hit Elazig province in eastern Turkey, killing 31 people, "
                                      "officials said.",
                            f"The quake in Elazig province ruptured a fault.\n{told} stood at 41 dead after the "
                            "search ended.")
    assert [finding.status for finding in findings if finding.status != "consistent"] == statuses


def test_two_sources_on_one_page_are_judged_as_one_days_accounts_whatever_an_earlier_page_says(tmp_path):
    (tmp_path / "a.txt").write_text("Saturday, 4 November 2017\n\nTyphoon Sonamu kills 19 in Vietnam\nThe typhoon "
                                    "killed 19 people in central Vietnam, the disaster committee said.\nIt flooded "
                                    "rice fields across Ha Tinh province.\nPower was cut to 40,000 homes.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Sunday, 5 November 2017\n\nTyphoon Sonamu toll disputed\nThe disaster committee "
                                    "put the death toll from Typhoon Sonamu at 19, but Ha Tinh provincial officials "
                                    "said 23 people had died.\nIt flooded rice fields across Ha Tinh province.\nPower "
                                    "was cut to 40,000 homes.\n", encoding="utf-8")
    [finding] = [finding for finding in claimcheck.Checker().check([tmp_path]).findings
                 if {claim.text for claim in finding.about} == {"19", "23"}]
    assert finding.status == "violated"  # not a change from the first page's 19 a day before
    assert [(claim.doc[-5:], claim.text) for claim in finding.about] == [("b.txt", "19"), ("b.txt", "23")]


def test_two_pages_wind_speeds_of_one_storm_are_compared_in_one_unit(tmp_path):
    (tmp_path / "a.txt").write_text("Saturday, 3 May 2008\n\nThe cyclone hit the delta on Friday with winds of 120 mph, "
                                    "forecasters said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Saturday, 3 May 2008\n\nThe cyclone hit the delta on Friday with winds of 215 "
                                    "km/h, forecasters said.\n", encoding="utf-8")
    [finding] = claimcheck.Checker().check([tmp_path]).findings
    assert (finding.status, finding.severity) == ("violated", "warning")
    assert finding.message.startswith("120 mph = 193.1 km/h (") and "the only wind speed each page gives" in finding.message


def test_a_bracketed_conversion_that_does_not_restate_its_figure_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Tuesday, 5 March 2019\n\nThe epicentre was 145 km (about 70 miles) north of the "
                                    "capital. The ship sank 83 km (52 miles) off the coast.\n", encoding="utf-8")
    findings = find(claimcheck.check_result([tmp_path]).findings, "conversion-restates-figure")
    assert [(f.status, f.severity, [c.text for c in f.claims]) for f in findings] == [
        ("violated", "error", ["145 km", "about 70 miles"]), ("consistent", "info", ["83 km", "52 miles"])]
    assert findings[0].message == ("the bracketed conversion does not restate its figure: 145 km = 90.1 mi vs ~70 mi: "
                                   "values differ by 20.1 (22.3%), beyond 10%")


def test_a_barrel_is_a_barrel_of_oil(tmp_path):
    # 42 US gallons, 159 litres: pint's own barrel holds 31.5 gallons, and 3,000 of them would be 357,700 litres
    (tmp_path / "a.txt").write_text("Monday, 4 October 2021\n\nThe pipeline spilled 3,000 barrels (477,000 litres) of "
                                    "crude oil into the bay.\n", encoding="utf-8")
    findings = find(claimcheck.check_result([tmp_path]).findings, "conversion-restates-figure")
    assert [f.status for f in findings] == ["consistent"]


@pytest.mark.parametrize("text, statuses", [
    ("India will pay 1.5 million rupees ($21,000) to each family, Indian officials said.", ["consistent"]),
    ("India will pay 1.5 million rupees ($2,100) to each family, Indian officials said.", ["violated"]),
    # Pakistani rupees, which the reference rates do not cover: as Indian rupees the $8,800 would be a third too low
    ("Pakistan will pay 1.5 million rupees ($8,800) to each family, Pakistani officials said.", []),
    # Philippine pesos: as Mexican pesos the $930,000 would be a third of the sum
    ("Rebels in the Philippines asked 50 million pesos (nearly $1 million) for each hostage, police said.",
     ["consistent"]),
    ("The city will pay 10 million euros ($15 million) to shop owners, the mayor said.", ["violated"]),  # $11.6 million
    ("The city will pay 10 million euros (11.6 million U.S. dollars) to shop owners.", ["consistent"]),  # Xinhua's way
    # converted at the rate of the day the page was written, not of the year the figure is told of
    ("The reform will save 10 million euros (11.6 million U.S. dollars) a year by 2030.", ["consistent"]),
    # the UAE dirham, left out of the reference rates, is held at 3.6725 to the dollar: 10 million euros are Dh42.7m
    ("The city will pay 10 million euros (Dh42m) to shop owners, the mayor said.", ["consistent"]),
    ("The city will pay 10 million euros (Dh25m) to shop owners, the mayor said.", ["violated"]),
    # the page's own dollar, Canada's, converted into US dollars: a bare "$" is not the US dollar there
    ("Ottawa will pay $10 million (US$7.3 million) to each province, officials said.", []),
])
def test_money_conversions_are_checked_at_the_days_rate_in_the_pages_own_currency(tmp_path, text, statuses):
    (tmp_path / "a.txt").write_text(f"Monday, 4 October 2021\n\n{text}\n", encoding="utf-8")
    findings = find(claimcheck.check_result([tmp_path]).findings, "conversion-restates-figure")
    assert [f.status for f in findings] == statuses


def test_an_undated_pages_conversion_is_not_checked_at_the_rate_it_gives_itself(tmp_path):
    (tmp_path / "a.txt").write_text("Each family will receive 20 million pesos (about $50,000) in aid.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Each family will get 20 million pesos (about $5,000), officials said.\n",
                                    encoding="utf-8")
    findings = claimcheck.check_result([tmp_path]).findings
    # no conversion is judged at the rate it gives itself; the two pages' sums still agree
    assert [(finding.rule, finding.status, [claim.text for claim in finding.claims]) for finding in findings] == [
        ("figures-agree-across-sources", "consistent", ["20 million pesos", "20 million pesos"])]
