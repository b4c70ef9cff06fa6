"""JUnit XML: a test case per rule × document, failing where a violated finding names that document."""

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
    paths = paths or RepoPaths(result.documents)
    documents = result.documents_by_id
    violated = defaultdict(list)
    for finding in findings:
        if finding.status == "violated":
            for doc in dict.fromkeys(claim.doc for claim in finding.claims):
                violated[(finding.rule, doc)].append(finding)
    suites = ElementTree.Element("testsuites", name="claimcheck")
    rules = result.rule_set.rules if result.rule_set else []
    total = failures = 0
    for rule in rules:
        suite = ElementTree.SubElement(suites, "testsuite", name=rule.id)
        suite_failures = 0
        for document in result.documents:
            case = ElementTree.SubElement(suite, "testcase", name=_xml(paths.doc(document.id)), classname=f"claimcheck.{rule.id}")
            for finding in violated.get((rule.id, document.id), []):
                failure = ElementTree.SubElement(case, "failure", message=_xml(paths.message(finding)), type=finding.severity)
                failure.text = _xml("\n".join(f"{where_text(c, documents, paths)}: {c.sentence}" for c in finding.claims))
                suite_failures += 1
        suite.set("tests", str(len(result.documents)))
        suite.set("failures", str(suite_failures))
        total += len(result.documents)
        failures += suite_failures
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    ElementTree.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(suites, encoding="unicode"))
    stream.write("\n")
