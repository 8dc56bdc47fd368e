"""POST /v1/chat and its streaming twin; both go through one translator."""

from __future__ import annotations

import json
from dataclasses import asdict

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.api.schemas_chat import ChatIn, ChatOut
from assistant.chat.engine import ChatRequest
from assistant.chat.types import Answer

router = APIRouter(tags=["chat"])


def to_wire(session_id: str, answer: Answer, settings_hash: str) -> ChatOut:
    return ChatOut(
        session_id=session_id, action=answer.action.value, answer=answer.answer,
        citations=[asdict(c) for c in answer.citations],
        tool_calls=[{"name": t.name, "arguments": t.arguments, "result": t.result} for t in answer.tool_calls],
        options=answer.options, flags=answer.flags, engine=answer.engine, settings_hash=settings_hash,
    )


def _request(body: ChatIn, services) -> ChatRequest:
    limit = services.settings.api.max_query_chars
    if len(body.message) > limit:
        raise ApiError(422, "message_too_long", f"Message is longer than {limit} characters.")
    if body.authority:
        services.require_retriever().resolve_authority(body.authority)  # 422 with the known ones
    return ChatRequest(body.message, body.session_id, body.authority)


@router.post("/v1/chat", response_model=ChatOut)
def chat(body: ChatIn, services: ServicesDep) -> ChatOut:
    engine = services.require_chat()
    session_id, answer = engine.respond(_request(body, services))
    return to_wire(session_id, answer, services.settings.settings_hash())


@router.post("/v1/chat/stream", response_class=StreamingResponse,
             responses={200: {"content": {"text/event-stream": {}}, "description": "token events, then one final event"}})
def chat_stream(body: ChatIn, services: ServicesDep) -> StreamingResponse:
    engine = services.require_chat()
    request = _request(body, services)

    def events():
        for kind, payload in engine.stream(request):
            if kind == "token":
                yield f"event: token\ndata: {json.dumps(payload)}\n\n"
            else:
                session_id, answer = payload
                out = to_wire(session_id, answer, services.settings.settings_hash())
                yield f"event: final\ndata: {out.model_dump_json()}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
