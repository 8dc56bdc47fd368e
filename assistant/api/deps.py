"""Dependency providers: routes ask for what they need; tests override these."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from assistant.services import Services
from indexer.retriever import HybridRetriever


def get_services(request: Request) -> Services:
    return request.app.state.services


def get_retriever(services: Annotated[Services, Depends(get_services)]) -> HybridRetriever:
    return services.require_retriever()


ServicesDep = Annotated[Services, Depends(get_services)]
RetrieverDep = Annotated[HybridRetriever, Depends(get_retriever)]
