"""The FastAPI app factory. Nothing heavy happens at import time; the lifespan builds services."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from langchain_core.embeddings import Embeddings

from assistant.api.errors import BodySizeLimit, install_error_handlers
from assistant.services import Clock, Services, load_services
from assistant.settings import Settings


def create_app(
    settings: Settings | None = None,
    *,
    embeddings: Embeddings | None = None,
    clock: Clock | None = None,
    services: Services | None = None,
) -> FastAPI:
    settings = settings or (services.settings if services else Settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.services = services or load_services(settings, embeddings=embeddings, clock=clock)
        yield
        store = getattr(app.state, "referral_store", None)
        if store is not None and hasattr(store, "close"):
            store.close()

    app = FastAPI(
        title="CME Assist",
        version="0.1.0",
        summary="Grounded answers for staff handling children missing education in England.",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.api.max_body_bytes)
    from assistant.api import routes_chat, routes_referrals, routes_search, routes_tools

    app.include_router(routes_search.router)
    app.include_router(routes_tools.router)
    app.include_router(routes_chat.router)
    app.include_router(routes_referrals.router)
    from assistant import web

    app.include_router(web.router)
    return app
