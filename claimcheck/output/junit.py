"""JUnit XML: a test case per rule × document, failing where a violated finding names that document, skipped where
its only violated findings were accepted (suppressed or baselined)."""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
import re
from xml.etree import ElementTree

from .locations import where_text
from .paths import RepoPaths

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: control characters (terminal escapes in scraped text) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def write_junit(result, findings, stream: TextIO, paths: RepoPaths | None = None) -> None:
    """A suite per rule, a case per document: a failure for each violated finding shown, and a case whose only
    violated findings were suppressed or baselined is skipped, with the reason."""
    paths = paths or RepoPaths(result.documents)
    documents = result.documents_by_id
    violated = defaultdict(list)
    for finding in findings:
        if finding.status == "violated":
            for doc in dict.fromkeys(claim.doc for claim in finding.claims):
                violated[(finding.rule, doc)].append(finding)
    held = defaultdict(list)
    for finding, _, justification in (result.triage.held_back() if result.triage is not None else []):
        for doc in dict.fromkeys(claim.doc for claim in finding.claims):
            held[(finding.rule, doc)].append(justification)
    suites = ElementTree.Element("testsuites", name="claimcheck")
    rules = result.active_rules
    total = failures = skipped = 0
    for rule in rules:
        suite = ElementTree.SubElement(suites, "testsuite", name=rule.id)
        suite_failures = suite_skipped = 0
        for document in result.documents:
            case = ElementTree.SubElement(suite, "testcase", name=_xml(paths.doc(document.id)), classname=f"claimcheck.{rule.id}")
            for finding in violated.get((rule.id, document.id), []):
                failure = ElementTree.SubElement(case, "failure", message=_xml(paths.message(finding)), type=finding.severity)
                failure.text = _xml("\n".join(f"{where_text(c, documents, paths)}: {c.sentence}" for c in finding.claims))
                suite_failures += 1
            reasons = held.get((rule.id, document.id))
            if reasons and len(case) == 0:
                ElementTree.SubElement(case, "skipped", message=_xml("accepted: " + "; ".join(dict.fromkeys(reasons))))
                suite_skipped += 1
        suite.set("tests", str(len(result.documents)))
        suite.set("failures", str(suite_failures))
        suite.set("skipped", str(suite_skipped))
        total += len(result.documents)
        failures += suite_failures
        skipped += suite_skipped
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("skipped", str(skipped))
    ElementTree.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(suites, encoding="unicode"))
    stream.write("\n")
