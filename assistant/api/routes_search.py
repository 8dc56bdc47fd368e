"""Health, retrieval and corpus routes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from assistant.api.deps import RetrieverDep, ServicesDep
from assistant.api.errors import ApiError
from assistant.api.schemas import ChunkOut, DocumentOut, DocumentText, SearchHit, SearchRequest, SearchResponse
from indexer.corpus import Document

router = APIRouter()


@router.get("/healthz", tags=["health"])
def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz", tags=["health"], responses={503: {"description": "Index not loaded yet"}})
def readyz(services: ServicesDep):
    r = services.retriever
    if r is None:
        return JSONResponse({"status": "not_ready", "reason": services.load_error or "loading"}, status_code=503)
    return {"status": "ready", "documents": len(r.index.documents), "chunks": len(r.index.chunks),
            "index_id": r.index.index_id}


def document_out(doc: Document, chunks: int, services) -> DocumentOut:
    return DocumentOut(
        doc_id=doc.doc_id, title=doc.title, authority=doc.authority, publisher=doc.publisher, kind=doc.kind,
        dated=doc.dated, review_due=doc.review_due, status=doc.status(services.clock()), chunks=chunks,
        url=doc.url, licence=doc.licence, notes=doc.notes,
    )


@router.post("/v1/search", response_model=SearchResponse, tags=["retrieval"])
def search(req: SearchRequest, retriever: RetrieverDep, services: ServicesDep) -> SearchResponse:
    if len(req.query) > services.settings.api.max_query_chars:
        raise ApiError(422, "query_too_long", f"Query is longer than {services.settings.api.max_query_chars} characters.")
    hits = retriever.search(req.query, k=req.k, authority=req.authority, include_national=req.include_legislation)
    return SearchResponse(
        index_id=retriever.index.index_id,
        hits=[
            SearchHit(chunk_id=h.chunk.chunk_id, doc_id=h.chunk.doc_id, title=h.document.title,
                      authority=h.document.authority, section=h.chunk.section_path, text=h.chunk.text,
                      score=h.score, paragraphs=h.chunk.paragraphs, page=h.chunk.page)
            for h in hits
        ],
    )


@router.get("/v1/documents", response_model=list[DocumentOut], tags=["corpus"])
def documents(retriever: RetrieverDep, services: ServicesDep) -> list[DocumentOut]:
    counts: dict[str, int] = {}
    for c in retriever.index.chunks:
        counts[c.doc_id] = counts.get(c.doc_id, 0) + 1
    return [document_out(d, counts.get(d.doc_id, 0), services) for d in retriever.index.documents.values()]


@router.get("/v1/documents/{doc_id}", response_model=DocumentText, tags=["corpus"])
def document(doc_id: str, retriever: RetrieverDep, services: ServicesDep) -> DocumentText:
    doc = retriever.index.documents.get(doc_id)
    if doc is None:
        raise ApiError(404, "document_not_found", f"No document with id {doc_id!r}.")
    out = document_out(doc, len(retriever.chunks_of(doc_id)), services)
    return DocumentText(**out.model_dump(), text=retriever.index.texts.get(doc_id, ""))


@router.get("/v1/chunks/{chunk_id}", response_model=ChunkOut, tags=["corpus"])
def chunk(chunk_id: str, retriever: RetrieverDep, services: ServicesDep) -> ChunkOut:
    c = retriever.chunk(chunk_id)
    if c is None:
        raise ApiError(404, "chunk_not_found", f"No chunk with id {chunk_id!r}.")
    prev, nxt = retriever.neighbours(chunk_id)
    doc = retriever.index.documents[c.doc_id]
    return ChunkOut(
        chunk_id=c.chunk_id, doc_id=c.doc_id, text=c.text, section=c.section_path, paragraphs=c.paragraphs,
        page=c.page, start=c.start, end=c.end, previous_id=prev, next_id=nxt,
        document=document_out(doc, len(retriever.chunks_of(c.doc_id)), services),
    )
