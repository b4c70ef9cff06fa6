"""Documents: the list, one document's text with every claim highlighted and its revisions, and ingest from the
browser (uploaded files, or a page's saved HTML pasted with its URL): the checks run and the queue updates."""

from __future__ import annotations

import re

from starlette.responses import Response

from ..documents.decoding import decode
from ..documents.readers import read_text
from ..errors import InputError
from ..report.html import highlight
from .web import Context, guarded

PAGE_SIZE = 100
FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@guarded("viewer")
def document_list(context: Context) -> Response:
    search = context.request.query_params.get("q", "")[:300].lower()
    found = []
    for document_id, document in context.store.documents(current_only=True):
        if search and not any(search in (text or "").lower() for text in (document.id, document.title, document.outlet)):
            continue
        found.append((document_id, document))
    found.sort(key=lambda item: (item[1].date or "", item[1].id), reverse=True)
    return context.render("documents.html.j2", documents=found[:PAGE_SIZE], total=len(found), search=search)


@guarded("viewer")
def document_page(context: Context) -> Response:
    try:
        document_id = int(context.request.path_params["document_id"])
    except ValueError:
        return context.error(404, "no such document")
    store = context.store
    found = store.document_version(document_id)
    if found is None:
        return context.error(404, f"no document #{document_id}")
    version, document = found
    records = store.claim_records(document_id=document_id)
    claims = [record.claim for record in records if record.claim.end > record.claim.start]
    findings = store.findings_of_claims([record.id for record in records])
    return context.render("document.html.j2", version=version, document=document, text=highlight(document.text, claims),
                          claims=records, versions=store.versions_of(version.doc), findings=findings,
                          event=getattr(document, "event", None))


@guarded("reviewer")
def ingest_form(context: Context) -> Response:
    return context.render("ingest.html.j2", report=None)


@guarded("reviewer", change=True, upload=True)
def ingest(context: Context) -> Response:
    """Read the uploaded files and the pasted page, add them to the ledger and run the checks (one transaction)."""
    form = context.form
    documents = []
    for upload in form.getlist("files"):
        if not hasattr(upload, "filename") or not upload.filename:
            continue
        name = _UNSAFE.sub("-", upload.filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip("-.") or "upload"
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix not in FORMATS:
            return context.error(400, f"{upload.filename}: upload .txt, .md or .html files")
        text = decode(upload.file.read(), f"uploads/{name}", None)
        documents.append(read_text(text, id=f"uploads/{name}", format=FORMATS[suffix]))
    url = str(form.get("url", "")).strip()
    html = str(form.get("html", ""))
    if html.strip():
        if not re.fullmatch(r"https?://[^\s<>\"]{1,2000}", url):
            return context.error(400, "give the page's URL (http:// or https://) with its saved HTML")
        documents.append(read_text(html, id=url, format="html"))
    elif url:
        return context.error(400, "paste the page's saved HTML too (the desk does not fetch pages itself)")
    if not documents:
        return context.error(400, "choose files to upload, or paste a page's HTML with its URL")
    from ..checker import Checker

    try:
        report = context.ledger.ingest(documents, Checker(rules=context.desk.rule_set), who=context.user.name)
    except InputError as error:
        return context.error(400, str(error))
    context.desk.counts.changed()
    return context.render("ingest.html.j2", report=report)
