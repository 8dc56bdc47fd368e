"""The HTTP contract of shared/api.md for health, search, documents and chunks."""

from datetime import date

from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.services import Services
from assistant.settings import Settings


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_reports_documents_and_chunks(client, retriever):
    body = client.get("/readyz").json()
    assert body["status"] == "ready"
    assert body["documents"] == 8 and body["chunks"] == len(retriever.index.chunks)


def test_readyz_is_503_before_an_index_exists(tmp_path, minilm):
    settings = Settings(data_dir=tmp_path / "empty")
    with TestClient(create_app(settings, embeddings=minilm)) as c:
        r = c.get("/readyz")
        assert r.status_code == 503 and r.json()["status"] == "not_ready"
        assert c.get("/healthz").status_code == 200
        s = c.post("/v1/search", json={"query": "x"})
        assert s.status_code == 503 and s.json()["error"]["code"] == "index_not_ready"


def test_search_contract(client):
    r = client.post("/v1/search", json={"query": "Derbyshire CML leaver form", "k": 3, "authority": "DERBYSHIRE"})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert len(hits) == 3
    for h in hits:
        assert set(h) >= {"chunk_id", "doc_id", "title", "authority", "section", "text", "score"}
        assert h["authority"] == "Derbyshire"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_unknown_authority_is_422_with_known_list(client):
    r = client.post("/v1/search", json={"query": "x", "authority": "Kent"})
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "unknown_authority" and "Norfolk" in err["known"] and "Norfolk" in err["message"]


def test_malformed_json_is_422_with_json_body(client):
    r = client.post("/v1/search", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    r = client.post("/v1/search", json={"k": 3})
    assert r.status_code == 422 and "query" in r.json()["error"]["message"]


def test_oversized_body_is_413(client):
    big = b'{"query": "' + b"a" * 70_000 + b'"}'
    r = client.post("/v1/search", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"

    def chunks():  # no Content-Length: the limit still holds
        yield b'{"query": "'
        for _ in range(20):
            yield b"a" * 5000
        yield b'"}'

    r = client.post("/v1/search", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_documents_carry_status_from_the_injected_clock(services):
    def listing(today):
        s = Services(services.settings, services.embeddings, lambda: today, services.retriever, services.glossary)
        with TestClient(create_app(services=s)) as c:
            return {d["doc_id"]: d for d in c.get("/v1/documents").json()}

    before = listing(date(2026, 9, 30))
    after = listing(date(2026, 10, 1))
    assert before["worcestershire-cme-policy-2025"]["status"] == "current"
    assert after["worcestershire-cme-policy-2025"]["status"] == "review_overdue"
    assert after["aspire-academy-cme-policy-2023"]["status"] == "review_overdue"
    assert after["barking-dagenham-cme-guidance-2019"]["status"] == "current"  # no review date given
    d = after["uksi-2024-208"]
    assert d["authority"] == "England" and d["chunks"] > 100 and d["licence"].startswith("Contains public sector")


def test_chunk_endpoint_gives_neighbours_and_document(client):
    hit = client.post("/v1/search", json={"query": "9(1)(g)", "k": 1}).json()["hits"][0]
    c = client.get(f"/v1/chunks/{hit['chunk_id']}").json()
    assert c["text"] == hit["text"] and c["document"]["doc_id"] == hit["doc_id"]
    assert c["previous_id"] and c["next_id"]
    prev = client.get(f"/v1/chunks/{c['previous_id']}").json()
    assert prev["next_id"] == hit["chunk_id"]
    r = client.get("/v1/chunks/no-such-chunk")
    assert r.status_code == 404 and r.json()["error"]["code"] == "chunk_not_found"


def test_document_text_contains_every_chunk(client):
    doc = client.get("/v1/documents/riverside-federation-cme-policy").json()
    hits = client.post("/v1/search", json={"query": "attendance", "k": 5, "authority": "Norfolk"}).json()["hits"]
    assert all(h["text"] in doc["text"] for h in hits)
    assert client.get("/v1/documents/nope").status_code == 404


def test_openapi_is_published(client):
    spec = client.get("/openapi.json").json()
    assert "/v1/search" in spec["paths"] and "/v1/chunks/{chunk_id}" in spec["paths"]
