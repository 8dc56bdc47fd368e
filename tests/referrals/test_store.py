"""The SQLite store: status transitions, WAL, and an append-only audit log without content."""

from __future__ import annotations

import sqlite3

import pytest

from assistant.referrals.store import DraftNotFound, DraftStore, InvalidTransition, content_hash

CONTENT = {"fields": [{"name": "child_name", "value": "Marigold Quillfeather"}]}


@pytest.fixture
def store(tmp_path):
    s = DraftStore(tmp_path / "deep" / "dir" / "db.sqlite3")
    yield s
    s.close()


def test_creates_parent_dirs_and_uses_wal(store, tmp_path):
    assert (tmp_path / "deep" / "dir" / "db.sqlite3").exists()
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_draft_to_approved_once(store):
    rec = store.create(CONTENT, user="sam", authority="Derbyshire", form="cme_referral")
    assert rec.status == "draft" and rec.content == CONTENT and rec.created_by == "sam"
    done = store.review(rec.id, reviewer="rita", decision="approved", comment=None)
    assert (done.status, done.reviewer, done.reviewed_at is not None) == ("approved", "rita", True)
    with pytest.raises(InvalidTransition):
        store.review(rec.id, reviewer="raj", decision="rejected", comment="late")
    with pytest.raises(DraftNotFound):
        store.review("nope", reviewer="rita", decision="approved", comment=None)
    with pytest.raises(DraftNotFound):
        store.get("nope")


def test_list_filters(store):
    a = store.create(CONTENT, user="sam", authority="Norfolk", form="cme1")
    store.create(CONTENT, user="sue", authority="Norfolk", form="cme1")
    store.review(a.id, reviewer="rita", decision="rejected", comment="missing address")
    assert [r.created_by for r in store.list(status="draft")] == ["sue"]
    assert [r.id for r in store.list(created_by="sam")] == [a.id]
    assert "content" not in store.list()[0].summary()


def test_audit_log_is_append_only_and_hashes_content(store):
    rec = store.create(CONTENT, user="sam", authority="Norfolk", form="cme1")
    store.record("rita", "viewed", rec)
    log = store.audit()
    assert [(e.user, e.action) for e in log] == [("sam", "created"), ("rita", "viewed")]
    assert all(e.content_sha256 == content_hash(CONTENT) for e in log)
    with sqlite3.connect(store.path) as db:
        for sql in ("UPDATE audit_log SET user = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                db.execute(sql)
    with pytest.raises(ValueError):
        store.record("rita", "deleted", rec)
