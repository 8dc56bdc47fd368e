"""API keys and the bind check (pure parts; the HTTP side is in test_api.py)."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from assistant.api.auth import InsecureBindError, assert_bind_allowed, caller_for
from assistant.api.errors import ApiError
from assistant.settings import ApiKey, AuthSettings, Settings

NO_KEYS = Settings()
WITH_KEYS = Settings(auth=AuthSettings(keys=[ApiKey(key=SecretStr("s3cret"), user="sam", roles=["staff"])]))


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_allowed_without_keys(host):
    assert_bind_allowed(NO_KEYS, host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "10.0.0.1", "example.org", ""])
def test_other_hosts_refused_without_keys(host):
    with pytest.raises(InsecureBindError, match="no API keys are configured"):
        assert_bind_allowed(NO_KEYS, host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "127.0.0.1"])
def test_any_host_allowed_with_keys(host):
    assert_bind_allowed(WITH_KEYS, host)


def test_no_keys_means_local_user_with_every_role():
    caller = caller_for(NO_KEYS, None)
    assert caller.user == "local" and caller.local
    assert caller.roles == {"staff", "reviewer", "admin"}


def test_key_matching():
    assert caller_for(WITH_KEYS, "s3cret").user == "sam"
    with pytest.raises(ApiError) as e:
        caller_for(WITH_KEYS, None)
    assert (e.value.status, e.value.code) == (401, "missing_credentials")
    for wrong in ("s3cret ", "S3CRET", "s3cre", "x" * 100):
        with pytest.raises(ApiError) as e:
            caller_for(WITH_KEYS, wrong)
        assert (e.value.status, e.value.code) == (401, "invalid_credentials")
