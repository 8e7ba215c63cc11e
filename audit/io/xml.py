"""What the XML readers (XLIFF, TMX, TBX) share."""

from __future__ import annotations

from typing import Any


def local_name(element: Any) -> str:
    """An lxml element's tag without its namespace; "" for comments and processing instructions."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
