"""The collaborators one running service shares: settings, embedder, retriever, clock.

Built once in the app's lifespan (or by the CLI) and handed to whatever needs them, so tests can
swap any of them without patching module paths.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from langchain_core.embeddings import Embeddings

from assistant.settings import Settings
from indexer.errors import IndexNotReady
from indexer.glossary import Glossary
from indexer.retriever import HybridRetriever, open_retriever

log = logging.getLogger("cme_assist")

Clock = Callable[[], date]


@dataclass
class Services:
    settings: Settings
    embeddings: Embeddings
    clock: Clock = date.today
    retriever: HybridRetriever | None = None
    glossary: Glossary = field(default_factory=Glossary)
    load_error: str | None = None
    chat: Any = None  # ChatEngine, once the index is loaded
    llm_model: Any = None  # a LangChain chat model to use instead of the configured endpoint (tests)
    pii: Any = None  # guardrails.pii.PIIDetector

    def require_retriever(self) -> HybridRetriever:
        if self.retriever is None:
            raise IndexNotReady(self.load_error or "the index is not loaded yet")
        return self.retriever

    def require_chat(self):
        self.require_retriever()
        if self.chat is None:
            self.chat = build_chat(self)
        return self.chat


def build_chat(services: "Services"):
    from assistant.chat.engine import ChatEngine
    from assistant.chat.rule_tools import build_rule_tools

    retriever = services.require_retriever()
    tools = build_rule_tools(today=services.clock)
    llm = None
    cfg = services.settings.llm
    if services.llm_model is not None or (cfg.base_url and cfg.model):
        from assistant.chat.llm_engine import LLMComposer, openai_model

        model = services.llm_model or openai_model(
            cfg.base_url, cfg.model, cfg.api_key.get_secret_value() if cfg.api_key else None)
        llm = LLMComposer(model, retriever, tools, pii=services.pii,
                          allow_personal_data=services.settings.guardrails.allow_personal_data_to_llm)
    from assistant.chat.rails import InputRails

    rails = InputRails(retriever, services.pii, services.clock)
    from assistant.chat import sentence_ranker

    ranker = sentence_ranker.load() if services.settings.retrieval.sentence_ranker else None
    if ranker is None and services.settings.retrieval.sentence_ranker:
        log.warning("sentence ranker: %s is missing or was fitted to other features; answers use the hand-weighted "
                    "score alone (refit with python -m eval.fit_sentence_ranker)", sentence_ranker.WEIGHTS_FILE)
    return ChatEngine(retriever, tools, clock=services.clock, settings_hash=services.settings.settings_hash(), llm=llm,
                      rails=rails, ranker=ranker)


_PII = None


def default_pii_detector():
    """One Presidio/spaCy detector per process (it takes seconds to load)."""
    global _PII
    if _PII is None:
        from guardrails.pii import PIIDetector

        _PII = PIIDetector(ignore_names=("Worcestershire", "Norfolk", "Derbyshire", "Barking", "Dagenham", "Aspire",
                                         "Riverside", "Cromford", "Ofsted", "Year"))
        _PII.find("warm up John Smith")
    return _PII


def default_embeddings() -> Embeddings:
    from indexer.embeddings import MiniLMEmbeddings

    return MiniLMEmbeddings()


def chroma_for(settings: Settings):
    from indexer.store import chroma_client

    return chroma_client(settings.data_dir, host=settings.index.chroma_host, port=settings.index.chroma_port)


def load_services(settings: Settings, *, embeddings: Embeddings | None = None, clock: Clock | None = None) -> Services:
    embeddings = embeddings or default_embeddings()
    glossary = Glossary.load(settings.corpus_dir / "glossary.yaml")
    services = Services(settings, embeddings, clock or date.today, glossary=glossary)
    services.pii = default_pii_detector()
    from assistant.logs import install_redaction

    install_redaction(services.pii)
    try:
        r = settings.retrieval
        services.retriever = open_retriever(
            settings.data_dir, embeddings, glossary, client=chroma_for(settings),
            fusion=r.fusion, rrf_k=r.rrf_k, dense_weight=r.dense_weight, candidates=r.candidates,
            query_adapter=r.query_adapter,
        )
        embeddings.embed_query("warm up")  # load the model now, not on the first request
        services.chat = build_chat(services)
    except IndexNotReady as exc:
        services.load_error = str(exc)
        log.warning("index not ready: %s", exc)
    return services
