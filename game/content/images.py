"""Card images are data from strangers: check size and dimensions without decoding pixels."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ElementTree
from pathlib import Path

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_SVG_BYTES = 1024 * 1024
MAX_SIDE = 4096  # a card face never needs more; larger claims are decompression bombs
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_problem(head: bytes) -> str | None:
    if not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return "is not a valid PNG file"
    width, height = struct.unpack(">II", head[16:24])
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        return f"claims {width}×{height} pixels; at most {MAX_SIDE}×{MAX_SIDE} is allowed"
    return None


def _svg_length(value: str | None) -> float | None:
    match = re.match(r"\s*([0-9.]+)", value or "")
    try:
        return float(match.group(1)) if match else None
    except ValueError:
        return None


def _svg_problem(raw: bytes) -> str | None:
    if len(raw) > MAX_SVG_BYTES:
        return f"is {len(raw)} bytes; an SVG may hold at most {MAX_SVG_BYTES} bytes"
    if b"<!DOCTYPE" in raw.upper() or b"<!ENTITY" in raw.upper():
        return "declares a DOCTYPE or entities, which card images may not"
    try:
        root = ElementTree.fromstring(raw)
    except (ElementTree.ParseError, ValueError, RecursionError) as exc:
        return f"is not a valid SVG file ({str(exc)[:80]})"
    if not root.tag.endswith("svg"):
        return "is not an SVG file (its root element is not <svg>)"
    for side in ("width", "height"):
        size = _svg_length(root.get(side))
        if size is not None and size > MAX_SIDE:
            return f"claims a {side} of {size:g}; at most {MAX_SIDE} is allowed"
    return None


def image_problem(path: Path) -> str | None:
    """Why a card image cannot be used, or None when it is fine."""
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return f"is {size} bytes; an image may hold at most {MAX_IMAGE_BYTES} bytes"
        if path.suffix.lower() == ".png":
            with open(path, "rb") as handle:
                return _png_problem(handle.read(24))
        return _svg_problem(path.read_bytes())
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
