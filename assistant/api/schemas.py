"""Wire types for the HTTP API (see shared api.md). Domain types live in indexer/ and rules/."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"query": "which leaver reason when the new school is not known?", "k": 5, "authority": "Worcestershire"}]
    })
    query: str = Field(..., min_length=1, description="What to look for, in plain words.")
    k: int = Field(8, ge=1, le=50, description="How many hits to return.")
    authority: str | None = Field(None, description="Only this local authority's documents (case-insensitive).")
    include_legislation: bool = Field(False, description="With an authority, also search the national legislation.")


class SearchHit(BaseModel):
    chunk_id: str
    doc_id: str
    title: str
    authority: str
    section: str
    text: str
    score: float
    paragraphs: list[str] = []
    page: int | None = None


class SearchResponse(BaseModel):
    hits: list[SearchHit]
    index_id: str


class DocumentOut(BaseModel):
    doc_id: str
    title: str
    authority: str
    publisher: str
    kind: str
    dated: str | None
    review_due: str | None
    status: str
    chunks: int
    url: str | None = None
    licence: str | None = None
    notes: str = ""


class DocumentText(DocumentOut):
    text: str


class ChunkOut(BaseModel):
    chunk_id: str
    doc_id: str
    text: str
    section: str
    paragraphs: list[str]
    page: int | None
    start: int
    end: int
    previous_id: str | None
    next_id: str | None
    document: DocumentOut
