"""The names the indexed policies give their services, teams, places and roles, read once per index
(``guardrails.names``): the input rails keep a message naming one in scope, and the answer-type check
wants a fact asked about a named thing to stand beside that name."""

from __future__ import annotations

from guardrails.names import CorpusNames
from indexer.retriever import HybridRetriever

_BUILT: dict[tuple[str, bool], CorpusNames] = {}


def corpus_names(retriever: HybridRetriever) -> CorpusNames:
    vocabulary = getattr(retriever.embeddings, "vocabulary", None)
    key = (retriever.index.index_id, vocabulary is not None)
    if key not in _BUILT:
        docs = retriever.index.documents.values()
        places = {d.authority for d in docs} | {a for d in docs for a in d.aliases}
        _BUILT[key] = CorpusNames.from_texts([c.text for c in retriever.index.chunks], exclude=places,
                                             common_words=vocabulary() if vocabulary else frozenset())
    return _BUILT[key]
