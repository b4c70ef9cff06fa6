"""``conversion``: a figure and the conversion its sentence gives right after it say the same ("83 km (52 miles)"
holds; "145 km (about 70 miles)" does not: 145 km is 90 miles). Writers round a conversion, and convert money at a
rate of their own, so only a conversion beyond the rule's tolerance is a finding."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Claim, Finding, Tolerance
from ...money import is_currency
from ...rules.ruleset import Rule
from ...units import convertible
from ..comparison import compare, message as comparison_message, restates
from ..context import CheckContext
from ..registry import option, rule_kind


@dataclass(frozen=True)
class ConversionOptions:
    tolerance: Tolerance = option(Tolerance(rel=0.1), "how far a converted figure may be from the figure it restates, "
                                  "beyond the interval each states (\"about 70 miles\")")
    currency_tolerance: Tolerance = option(Tolerance(rel=0.2), "the same for money, converted at the rate of the page's "
                                           "date: outlets convert at a rate of a few days or weeks before")


@rule_kind("conversion", runs_per="document", severity="error", options=ConversionOptions, summary="""
a figure and the conversion written right after it in brackets ("83 km (52 miles)", "€85 million ($100 million)")
or after "or" ("7.6 tonnes or about 16,800 pounds") agree: the figure converted (pint; money at the rate of the
page's date) lies within `tolerance` of the converted figure (`currency_tolerance` for money). A page without a
date has no rate of the day, so its money is not checked, nor a bare "$" converted into "US$" (a page's own
dollar, Canada's or Australia's).""")
def check_conversion(rule: Rule, context: CheckContext) -> list[Finding]:
    options: ConversionOptions = rule.options
    findings = []
    by_sentence: dict[tuple[str, str], list[Claim]] = {}
    for claim in context.claims_for(rule):
        by_sentence.setdefault((claim.doc, claim.sentence), []).append(claim)
    for claims in by_sentence.values():
        claims.sort(key=lambda claim: claim.start)
        for figure, converted in zip(claims, claims[1:]):
            if (converted.scope != "conversion" or figure.scope == "conversion" or figure.is_range
                    or converted.is_range or not restates(converted, figure)
                    or figure.unit == converted.unit  # "$10 million (US$7.3 million)": a page's own dollar, not the US's
                    or not convertible(figure.unit, converted.unit)):
                continue
            money = is_currency(figure.unit)
            tolerance = options.currency_tolerance if money else options.tolerance
            compared = compare(context, figure, converted, tolerance, written=True)
            if compared is None:
                continue  # a currency the reference rates do not cover, or money on an undated page
            status = "consistent" if compared.agrees else "violated"
            said = comparison_message(compared.first, compared.second, compared.first_value, compared.second_value,
                                      compared.unit, compared.tolerance, compared.agrees, "", status, None,
                                      rate=compared.rate, pages=False)
            verdict = "restates" if compared.agrees else "does not restate"
            between = context.documents[figure.doc].text[figure.end:converted.start]
            told = "bracketed conversion" if "(" in between else "conversion after 'or'"
            findings.append(context.finding(rule, status, f"the {told} {verdict} its figure: {said}",
                                            [figure, converted]))
    return findings

