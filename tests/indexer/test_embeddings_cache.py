import numpy as np

from indexer import embeddings as emb


def count_loads(model, monkeypatch) -> list:
    """Record each time the model is reached for (each encode goes through _load)."""
    calls = []
    real = model._load

    def counting_load():
        calls.append(1)
        return real()

    monkeypatch.setattr(model, "_load", counting_load)
    return calls


def test_query_vectors_are_cached_bounded_and_equal_to_fresh_ones(minilm, monkeypatch):
    model = emb.MiniLMEmbeddings(minilm.model_path)
    calls = count_loads(model, monkeypatch)
    monkeypatch.setattr(emb, "QUERY_CACHE_SIZE", 2)
    first = model.embed_query("which leaver reason for a pupil who moved abroad")
    again = model.embed_query("which leaver reason for a pupil who moved abroad")
    assert len(calls) == 1 and again == first
    again.append(0.0)  # a caller changing its list must not change the cache
    assert len(model.embed_query("which leaver reason for a pupil who moved abroad")) == len(first)
    model.embed_query("second")
    model.embed_query("third")  # evicts the oldest
    assert len(model._cache) == 2 and "which leaver reason for a pupil who moved abroad" not in model._cache
    fresh = emb.MiniLMEmbeddings(minilm.model_path).embed_query("second")
    assert np.allclose(model.embed_query("second"), fresh)


def test_clear_cache_forgets_every_query(minilm):
    model = emb.MiniLMEmbeddings(minilm.model_path)
    model.embed_query("one")
    model.clear_cache()
    assert len(model._cache) == 0


def test_prime_embeds_a_turns_queries_in_one_batch(minilm, monkeypatch):
    model = emb.MiniLMEmbeddings(minilm.model_path)
    texts = ["who is the designated officer", "who do they report to", "who is the designated officer"]
    calls = count_loads(model, monkeypatch)
    model.prime(texts)
    assert len(calls) == 1 and len(model._cache) == 2  # duplicates embedded once
    primed = [model.embed_query(t) for t in texts[:2]]
    assert len(calls) == 1  # served from the cache
    for text, vec in zip(texts, primed):
        assert np.allclose(vec, emb.MiniLMEmbeddings(minilm.model_path).embed_query(text), atol=1e-5)
