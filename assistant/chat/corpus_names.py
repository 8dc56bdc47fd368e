"""The names the indexed policies give their services, teams, places and roles, read once per index
(``guardrails.names``): the input rails keep a message naming one in scope, and the answer-type check
wants a fact asked about a named thing to stand beside that name."""

from __future__ import annotations

import threading

from guardrails.names import CorpusNames
from indexer.retriever import HybridRetriever

_lock = threading.Lock()
_latest: tuple[tuple[str, int], CorpusNames] | None = None  # one index at a time: a rebuild replaces it


def corpus_names(retriever: HybridRetriever) -> CorpusNames:
    global _latest
    key = (retriever.index.index_id, id(retriever.embeddings))
    with _lock:  # requests run on a thread pool: build once
        if _latest is None or _latest[0] != key:
            vocabulary = getattr(retriever.embeddings, "vocabulary", None)
            docs = retriever.index.documents.values()
            places = {d.authority for d in docs} | {a for d in docs for a in d.aliases}
            names = CorpusNames.from_texts([c.text for c in retriever.index.chunks], exclude=places,
                                           common_words=vocabulary() if vocabulary else frozenset())
            _latest = (key, names)
        return _latest[1]
