"""Bad files are reported by name and skipped; good ones index; rebuilds embed only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.build import build_index
from indexer.embeddings import MODEL_NAME
from indexer.errors import BuildFailed
from indexer.retriever import load_index
from indexer.store import chroma_client, read_active
from tests.conftest import CountingEmbeddings


def make_pdf(path: Path, pages: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        y = 800
        for line in text.split("\n"):
            c.drawString(60, y, line)
            y -= 16
        c.showPage()
    c.save()


def make_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Reporting a child missing education", level=1)
    d.add_paragraph("Schools must tell the Kent CME team within two school days using the online form.")
    d.add_paragraph("Check the pupil's last known address", style="List Bullet")
    d.save(str(path))


def add_entry(corpus: Path, doc_id: str, source: str, authority: str = "Norfolk") -> None:
    with (corpus / "manifest.yaml").open("a", encoding="utf-8") as fh:
        fh.write(
            f"  - doc_id: {doc_id}\n    title: {doc_id}\n    publisher: test\n    authority: {authority}\n"
            f"    kind: LA guidance\n    source: {source}\n"
        )


def build(corpus: Path, data: Path, emb, **kw):
    return build_index(corpus, data, emb, model_name=MODEL_NAME, client=chroma_client(data), **kw)


def test_bad_files_are_reported_and_skipped_while_the_rest_index(small_corpus, tmp_path, minilm):
    docs = small_corpus / "documents"
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (docs / "latin1.txt").write_bytes("Caf\xe9 policy for pupils who leave".encode("latin-1"))
    (docs / "corrupt.pdf").write_bytes(b"%PDF-1.4\n this is not really a pdf \n%%EOF")
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    (docs / "huge.txt").write_bytes(b"word " * (11_000_000 // 5))  # over the 10 MB limit below
    from pypdf import PdfWriter

    make_pdf(tmp_path / "plain.pdf", ["Secret policy text about registers."])
    writer = PdfWriter(clone_from=str(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="letmein", owner_password="owner", algorithm="RC4-128")
    with (docs / "encrypted.pdf").open("wb") as fh:
        writer.write(fh)
    make_pdf(docs / "good.pdf", ["Page one says the CME officer is Jo Bloggs.", "Page two says refer within two days."])
    make_docx(docs / "good.docx")
    bad = ["empty.txt", "binary.txt", "latin1.txt", "corrupt.pdf", "broken.docx", "huge.txt", "encrypted.pdf"]
    for i, name in enumerate(bad + ["good.pdf", "good.docx"]):
        add_entry(small_corpus, f"doc-{i:02d}", f"documents/{name}")
    (docs / "stray.md").write_text("# Not in the manifest\n\nSome words.", encoding="utf-8")

    data = tmp_path / "data"
    report = build(small_corpus, data, minilm, max_bytes=10_000_000)

    reasons = {Path(s.path).name: (s.code, s.reason) for s in report.skipped}
    assert set(reasons) == set(bad) | {"stray.md"}
    assert reasons["empty.txt"][0] == "empty_document"
    assert reasons["binary.txt"][0] == "corrupt_document"
    assert reasons["latin1.txt"][0] == "not_utf8_text" and "UTF-8" in reasons["latin1.txt"][1]
    assert reasons["corrupt.pdf"][0] in ("corrupt_document", "empty_document")
    assert reasons["broken.docx"][0] == "corrupt_document"
    assert reasons["huge.txt"][0] == "document_too_large"
    assert reasons["encrypted.pdf"][0] == "encrypted_document"
    assert reasons["stray.md"][0] == "unlisted"
    assert report.documents == 4  # the two policies, good.pdf, good.docx
    assert "Skipped 8 file(s)" in report.summary()

    index = load_index(data)
    pdf_chunks = [c for c in index.chunks if c.doc_id == "doc-07"]
    assert {c.page for c in pdf_chunks} == {1, 2}
    assert any("Jo Bloggs" in c.text and c.page == 1 for c in pdf_chunks)
    docx_chunks = [c for c in index.chunks if c.doc_id == "doc-08"]
    assert any("two school days" in c.text for c in docx_chunks)
    assert any(c.section_path.startswith("Reporting a child missing education") for c in docx_chunks)


def test_rebuild_without_change_embeds_nothing_and_one_change_reembeds_one_document(small_corpus, tmp_path, minilm):
    data = tmp_path / "data"
    emb = CountingEmbeddings(minilm)
    first = build(small_corpus, data, emb)
    assert first.embedded == first.chunks > 0 and not first.up_to_date

    emb.documents_embedded = 0
    again = build(small_corpus, data, emb)
    assert again.up_to_date and again.embedded == 0 and emb.documents_embedded == 0
    assert "up to date: nothing to embed" in again.summary()
    assert again.index_id == first.index_id

    path = small_corpus / "documents" / "derbyshire-cromford-cme-policy-2023.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n12.0 Addendum\n\nSchools must also tell the governors.\n", encoding="utf-8")
    changed = build(small_corpus, data, emb)
    assert changed.index_id != first.index_id
    assert changed.embedded_docs == ["derbyshire-cromford-cme-policy-2023"]
    derbyshire = [c for c in load_index(data).chunks if c.doc_id == "derbyshire-cromford-cme-policy-2023"]
    assert 0 < changed.embedded <= len(derbyshire)  # only the changed document's new chunks
    assert emb.documents_embedded == changed.embedded + changed.units_embedded
    assert 0 < changed.units_embedded < first.units_embedded
    # the old collection is pruned only after the swap; the active pointer names the new one
    assert read_active(data)["index_id"] == changed.index_id


class ExplodingEmbeddings(CountingEmbeddings):
    def embed_documents(self, texts):
        raise RuntimeError("model crashed mid-build")


def test_failed_rebuild_keeps_the_previous_index_active(small_corpus, tmp_path, minilm):
    data = tmp_path / "data"
    good = build(small_corpus, data, minilm)
    path = small_corpus / "documents" / "riverside-federation-cme-policy.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA new paragraph that needs embedding.\n", encoding="utf-8")
    with pytest.raises(BuildFailed, match="previous index kept"):
        build(small_corpus, data, ExplodingEmbeddings(minilm))
    assert read_active(data)["index_id"] == good.index_id
    assert len(load_index(data).chunks) == good.chunks
