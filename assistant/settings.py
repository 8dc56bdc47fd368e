"""One settings tree for the whole service. Every field is described and can be set from the
environment: ``CME_<SECTION>__<FIELD>`` (e.g. ``CME_RETRIEVAL__TOP_K=5``), or ``CME_<FIELD>`` for
top-level fields. ``HOST`` and ``PORT`` are accepted too, as the Makefile promises.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IndexSettings(_Section):
    max_words: int = Field(150, ge=40, le=220, description="Largest chunk, in words (the model window is 256 word pieces).")
    max_file_mb: float = Field(20.0, gt=0, description="Files larger than this are skipped with a reason.")
    chroma_host: str | None = Field(None, description="Use a Chroma server at this host instead of the embedded store.")
    chroma_port: int = Field(8001, description="Port of the Chroma server, when chroma_host is set.")


class RetrievalSettings(_Section):
    top_k: int = Field(8, ge=1, le=50, description="Hits returned when a request does not say.")
    fusion: Literal["rrf", "weighted", "dense", "bm25"] = Field("rrf", description="How dense and BM25 rankings are combined.")
    rrf_k: int = Field(10, ge=1, description="Reciprocal-rank-fusion constant (10 measured best on the v1 gold set).")
    dense_weight: float = Field(0.4, ge=0, le=1, description="Weight of the dense score under 'weighted' fusion.")
    candidates: int = Field(50, ge=5, le=500, description="Candidates taken from each ranker before fusion.")
    query_adapter: bool = Field(True, description="Map query vectors through the index's learnt adapter (fitted to "
                                                  "corpus/tuning_questions.jsonl when the index is built).")
    sentence_ranker: bool = Field(True, description="Let the learnt sentence ranker (assistant/chat/sentence_ranker.json) "
                                                    "add the passage it favours and choose which quote leads; off, the "
                                                    "hand-weighted score alone.")


class ApiSettings(_Section):
    max_body_bytes: int = Field(65_536, ge=1024, description="Requests with larger bodies get 413.")
    max_query_chars: int = Field(2_000, ge=10, description="Longest search query or chat message accepted.")


class LLMSettings(_Section):
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint; unset means the offline engine.")
    model: str | None = Field(None, description="Model name at that endpoint.")
    api_key: SecretStr | None = Field(None, description="Key for the endpoint (never logged).")


class ApiKey(_Section):
    key: SecretStr = Field(..., description="The secret the caller sends as 'Authorization: Bearer <key>' or 'X-API-Key'.")
    user: str = Field(..., description="Who this key belongs to (recorded in the audit log).")
    roles: list[Literal["staff", "reviewer", "admin"]] = Field(default_factory=lambda: ["staff"])


class AuthSettings(_Section):
    keys: list[ApiKey] = Field(
        default_factory=list,
        description="API keys and roles. Empty (the local default) means one local user with every role, "
        "and the server refuses to bind a non-loopback address.",
    )


class StorageSettings(_Section):
    db_path: Path = Field(ROOT / "data" / "cme-assist.sqlite3",
                          description="SQLite file for referral drafts, the audit log and feedback (WAL mode).")


class GuardrailSettings(_Section):
    allow_personal_data_to_llm: bool = Field(
        False, description="Send personal data to the external LLM unredacted (off: redact and restore).")
    max_message_chars: int = Field(2_000, ge=10, description="Longest chat message accepted.")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CME_", env_nested_delimiter="__", extra="forbid")

    corpus_dir: Path = Field(ROOT / "corpus", description="Folder with manifest.yaml, glossary.yaml and the documents.")
    data_dir: Path = Field(ROOT / "data", description="Where the index (Chroma + chunk files) is kept.")
    host: str = Field("127.0.0.1", validation_alias=AliasChoices("CME_HOST", "HOST"), description="Address to serve on.")
    port: int = Field(8000, validation_alias=AliasChoices("CME_PORT", "PORT"), description="Port to serve on.")
    index: IndexSettings = Field(default_factory=IndexSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    storage: StorageSettings = Field(default_factory=StorageSettings)
    guardrails: GuardrailSettings = Field(default_factory=GuardrailSettings)

    def settings_hash(self) -> str:
        """Stamp for answers and eval reports: what produced them (secrets excluded)."""
        data = self.model_dump(mode="json", exclude={"llm": {"api_key"}, "auth": True, "host": True, "port": True,
                                                     "storage": True})
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:12]
