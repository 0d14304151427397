"""What the hub and the tables agree on: headers, limits, the room code, tokens and addresses."""

from __future__ import annotations

import re
import secrets
from urllib.parse import urlsplit

HEADER_CODE = "X-Room-Code"
HEADER_PIN = "X-Room-PIN"
HEADER_TABLE = "X-Room-Table"  # a table's own random id, kept in its data folder
HEADER_TOKEN = "X-Result-Token"  # the unguessable part of a result's take-home link

SERVICE_TYPE = "_bbb-room._tcp.local."
DEFAULT_PORT = 8765

MAX_RESULT_BYTES = 1024 * 1024  # a six-player game of six rounds is about 60 KiB
MAX_SMALL_BODY_BYTES = 4 * 1024  # progress reports and facilitator commands

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed from a wall
CODE_LENGTH = 5
PIN_DIGITS = 6
TOKEN_BYTES = 18  # 144 bits: links that cannot be guessed
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")
TABLE_PATTERN = TOKEN_PATTERN

PHASES = ("values", "event", "turn", "boost", "reflect", "summary")


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_wall_key() -> str:
    return secrets.token_urlsafe(9)  # 72 bits, 12 characters: in the wall's address on the hub's screen


def normalize_code(text: str | None) -> str:
    """A code as typed ('k7q 4m', 'K7Q4M') in the form the hub compares."""
    return re.sub(r"[\s-]+", "", str(text or "")).upper()


def valid_code(text: str) -> bool:
    """A code a facilitator may choose: 3 to 12 letters or digits."""
    return re.fullmatch(r"[A-Z0-9]{3,12}", normalize_code(text)) is not None


def valid_token(text: str | None) -> bool:
    return bool(text) and TOKEN_PATTERN.fullmatch(str(text)) is not None


class AddressError(ValueError):
    """A room address that is not an http address of a hub."""


def room_base_url(text: str) -> str:
    """`http://host:port` from what a player typed or a wall shows ('192.168.1.20:8765/wall' too)."""
    text = str(text or "").strip()
    if not text:
        raise AddressError("the room address is empty")
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    if parts.scheme != "http":
        raise AddressError(f"a room address starts with http:// (not {parts.scheme}://)")
    try:
        port = parts.port
    except ValueError:
        raise AddressError(f"the port in {text!r} is not a number from 1 to 65535") from None
    if not parts.hostname:
        raise AddressError(f"{text!r} has no computer name or address")
    host = parts.hostname
    if ":" in host:  # an IPv6 address goes between brackets in a URL
        host = f"[{host}]"
    return f"http://{host}:{port or DEFAULT_PORT}"


def result_link(base_url: str, token: str) -> str:
    """The take-home page of one result on the hub."""
    return f"{base_url.rstrip('/')}/r/{token}"
