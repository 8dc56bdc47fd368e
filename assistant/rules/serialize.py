"""``to_jsonable``: turn any rule-module result into plain JSON types.

Dataclasses become dicts (with a ``unconfirmed`` list added for ``Ground``), dates
become ISO strings, tuples become lists. Used by the LangChain tools and the API.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

__all__ = ["to_jsonable"]


def to_jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)
               if not f.name.startswith("_")}
        for prop in ("basis", "unconfirmed"):
            attr = getattr(type(obj), prop, None)
            if isinstance(attr, property):
                out[prop] = to_jsonable(getattr(obj, prop))
        return out
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in obj]
    return obj
