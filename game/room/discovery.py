"""Finding the hub on the local network: the hub announces itself with mDNS (zeroconf), tables browse."""

from __future__ import annotations

import socket
import threading
import zlib
from dataclasses import dataclass

from .protocol import SERVICE_TYPE
from .network import url_host

BROWSE_SECONDS = 2.0


@dataclass(frozen=True)
class FoundRoom:
    """A hub seen on the network: its name (the facilitator's computer) and the address to connect to."""

    name: str
    url: str
    host: str
    port: int


def service_name(label: str) -> str:
    clean = "".join(ch for ch in label if ch.isprintable() and ch not in ".\\")[:50].strip() or "hub"
    return f"Breder Belang Boost {clean}.{SERVICE_TYPE}"


class Announcement:
    """The hub's mDNS record; `close()` withdraws it. Created inside the hub's event loop."""

    def __init__(self, azc, info) -> None:
        self._azc, self.info = azc, info

    async def close(self) -> None:
        try:
            await self._azc.async_unregister_service(self.info)
        finally:
            await self._azc.async_close()


async def announce(addresses: list[str], port: int, label: str | None = None) -> Announcement:
    """Announce the hub at `addresses` (IPv4, on the local network) and `port`. Raises OSError or a
    zeroconf error when the network has no multicast; the hub then runs on without being found."""
    from zeroconf import ServiceInfo
    from zeroconf.asyncio import AsyncZeroconf

    label = label or socket.gethostname()
    info = ServiceInfo(SERVICE_TYPE, service_name(label), port=port,
                       addresses=[socket.inet_aton(a) for a in addresses],
                       properties={"path": "/wall", "app": "breder-belang-boost", "name": label[:60]},
                       server=f"bbb-{zlib.crc32(label.encode()):08x}.local.")
    azc = AsyncZeroconf(interfaces=list(addresses))
    try:
        await azc.async_register_service(info, allow_name_change=True)
    except BaseException:
        await azc.async_close()
        raise
    return Announcement(azc, info)


def find_rooms(seconds: float = BROWSE_SECONDS, interfaces=None) -> list[FoundRoom]:
    """The hubs that answer within `seconds`, sorted by name; an empty list when there are none or
    the network allows no multicast. Blocks for `seconds`: call it from a thread, not a frame."""
    try:
        from zeroconf import ServiceBrowser, ServiceListener, Zeroconf
    except ImportError:
        return []
    found: dict[str, FoundRoom] = {}
    lock = threading.Lock()

    class Listener(ServiceListener):
        def add_service(self, zc, type_, name):
            info = zc.get_service_info(type_, name, timeout=int(seconds * 1000))
            if info is None or not info.port:
                return
            addresses = info.parsed_addresses()
            if not addresses:
                return
            props = {k.decode(errors="replace"): (v or b"").decode(errors="replace")
                     for k, v in (info.properties or {}).items()}
            label = props.get("name") or name.split(".")[0]
            host = addresses[0]
            with lock:
                found[name] = FoundRoom(label, f"http://{url_host(host)}:{info.port}", host, info.port)

        def update_service(self, zc, type_, name):
            self.add_service(zc, type_, name)

        def remove_service(self, zc, type_, name):
            with lock:
                found.pop(name, None)

    try:
        zc = Zeroconf(interfaces=interfaces) if interfaces else Zeroconf()
    except OSError:
        return []
    try:
        browser = ServiceBrowser(zc, SERVICE_TYPE, Listener())
        threading.Event().wait(seconds)  # answers come in while we wait: browsing is listening for a while
        browser.cancel()
    finally:
        zc.close()
    with lock:
        return sorted(found.values(), key=lambda r: (r.name, r.url))
