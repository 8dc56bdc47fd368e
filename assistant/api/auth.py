"""Who is calling, and may they? API keys from ``settings.auth.keys``.

A caller sends its key as ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``; the key is
compared with every configured secret using ``hmac.compare_digest``. Each key names a user and
roles (``staff``, ``reviewer``, ``admin``). With no keys configured the service is a local,
single-user tool: every request is the user ``local`` with every role - which is why
``assert_bind_allowed`` refuses to serve such a configuration on anything but a loopback
address.

Failures are ``ApiError``s: 401 ``missing_credentials`` / ``invalid_credentials``, 403
``forbidden`` (role not allowed).
"""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from typing import Annotated, Callable

from fastapi import Depends, Request

from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.settings import Settings

__all__ = ["Caller", "LOCAL_USER", "ROLES", "get_caller", "require_roles", "assert_bind_allowed",
           "InsecureBindError", "CallerDep"]

LOCAL_USER = "local"
ROLES = ("staff", "reviewer", "admin")


@dataclass(frozen=True)
class Caller:
    user: str
    roles: frozenset[str]
    local: bool = False  # the single local user (no keys configured)

    def has(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))


def _presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    key = request.headers.get("x-api-key", "").strip()
    return key or None


def caller_for(settings: Settings, presented: str | None) -> Caller:
    """The caller for a presented key (raises 401 ``ApiError``)."""
    keys = settings.auth.keys
    if not keys:
        return Caller(LOCAL_USER, frozenset(ROLES), local=True)
    if presented is None:
        raise ApiError(401, "missing_credentials",
                       "Send your API key as 'Authorization: Bearer <key>' or in the 'X-API-Key' header.")
    found = None
    given = presented.encode("utf-8")
    for k in keys:  # compare with every key, so the time taken does not depend on which one matched
        if hmac.compare_digest(given, k.key.get_secret_value().encode("utf-8")) and found is None:
            found = k
    if found is None:
        raise ApiError(401, "invalid_credentials", "That API key is not recognised.")
    return Caller(found.user, frozenset(found.roles))


def get_caller(request: Request, services: ServicesDep) -> Caller:
    return caller_for(services.settings, _presented_key(request))


CallerDep = Annotated[Caller, Depends(get_caller)]


def require_roles(*roles: str) -> Callable[..., Caller]:
    """A dependency giving the caller if they hold any of ``roles`` (else 403)."""
    def dependency(caller: CallerDep) -> Caller:
        if not caller.has(*roles):
            raise ApiError(403, "forbidden", f"This needs the role {' or '.join(roles)}; "
                                             f"'{caller.user}' has {', '.join(sorted(caller.roles)) or 'none'}.")
        return caller
    return dependency


class InsecureBindError(RuntimeError):
    """Serving without API keys on a non-loopback address."""


def _is_loopback(host: str) -> bool:
    h = host.strip().strip("[]").lower()
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def assert_bind_allowed(settings: Settings, host: str) -> None:
    """Refuse to serve on a non-loopback ``host`` when no API keys are configured."""
    if settings.auth.keys or _is_loopback(host):
        return
    raise InsecureBindError(
        f"Refusing to serve on {host}: no API keys are configured, so anyone who can reach the address "
        "would be the local user with every role. Configure keys (CME_AUTH__KEYS) or serve on 127.0.0.1.")
