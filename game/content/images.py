"""Card images are data from strangers: check size and dimensions without decoding pixels."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .messages import Message, msg

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_SVG_BYTES = 1024 * 1024
MAX_SIDE = 4096  # a card face never needs more; larger claims are decompression bombs
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_problem(head: bytes) -> Message | None:
    if not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return msg("png_invalid")
    width, height = struct.unpack(">II", head[16:24])
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        return msg("image_pixels", width=str(width), height=str(height), max=str(MAX_SIDE))
    return None


def _svg_length(value: str | None) -> float | None:
    match = re.match(r"\s*([0-9.]+)", value or "")
    try:
        return float(match.group(1)) if match else None
    except ValueError:
        return None


def _svg_problem(raw: bytes) -> Message | None:
    if len(raw) > MAX_SVG_BYTES:
        return msg("svg_bytes", size=len(raw), max=MAX_SVG_BYTES)
    if b"<!DOCTYPE" in raw.upper() or b"<!ENTITY" in raw.upper():
        return msg("svg_doctype")
    try:
        root = ElementTree.fromstring(raw)
    except (ElementTree.ParseError, ValueError, RecursionError) as exc:
        return msg("svg_invalid", detail=str(exc)[:80])
    if not root.tag.endswith("svg"):
        return msg("svg_not_svg")
    for side in ("width", "height"):
        size = _svg_length(root.get(side))
        if size is not None and size > MAX_SIDE:
            return msg("svg_side", side=side, size=f"{size:g}", max=MAX_SIDE)
    return None


def image_problem(path: Path) -> Message | None:
    """Why a card image cannot be used, or None when it is fine."""
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return msg("image_bytes", size=size, max=MAX_IMAGE_BYTES)
        if path.suffix.lower() == ".png":
            with open(path, "rb") as handle:
                return _png_problem(handle.read(24))
        return _svg_problem(path.read_bytes())
    except OSError as exc:
        return msg("image_unreadable", reason=exc.strerror or str(exc))
