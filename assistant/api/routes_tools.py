"""Deterministic rule tools over HTTP (being written)."""

from fastapi import APIRouter

router = APIRouter()
