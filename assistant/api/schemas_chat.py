"""Wire types for /v1/chat and /v1/chat/stream (shared api.md)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ChatIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"message": "The family have emigrated and we don't know the new school. Which leaver reason?",
         "session_id": None, "authority": "Worcestershire"}]})
    message: str = Field(..., min_length=1, description="What the member of staff asks, in their own words.")
    session_id: str | None = Field(None, description="Send back the id from the last response to continue.")
    authority: str | None = Field(None, description="The local authority whose procedure applies.")


class CitationOut(BaseModel):
    n: int
    chunk_id: str
    doc_id: str
    title: str
    authority: str
    section: str
    quote: str
    text: str
    dated: str | None = None
    status: str = "current"


class ToolCallOut(BaseModel):
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any]


class ChatOut(BaseModel):
    session_id: str
    action: str
    answer: str
    citations: list[CitationOut]
    tool_calls: list[ToolCallOut]
    options: list[str]
    flags: list[str]
    engine: str = "deterministic"
    settings_hash: str = ""
