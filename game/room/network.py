"""Which addresses the hub listens on: this computer's addresses on the local network, never the internet."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class LocalAddress:
    address: str
    interface: str


def is_local_network(address: str) -> bool:
    """True for addresses that only the local network can reach: private ranges, link-local, loopback."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    return ip.is_private or ip.is_loopback or ip.is_link_local


def local_network_addresses() -> list[LocalAddress]:
    """This computer's IPv4 addresses in private ranges (10/8, 172.16/12, 192.168/16, 169.254/16),
    without loopback; the order puts the usual home and school ranges first."""
    import ifaddr  # comes with zeroconf

    found: list[LocalAddress] = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):  # IPv6 comes as a tuple; tables use IPv4
                continue
            addr = ipaddress.ip_address(ip.ip)
            if addr.is_loopback or not (addr.is_private or addr.is_link_local):
                continue
            found.append(LocalAddress(ip.ip, adapter.nice_name or adapter.name))
    rank = {"192.168": 0, "10.": 1, "172.": 2, "169.254": 3}
    found.sort(key=lambda a: next((v for k, v in rank.items() if a.address.startswith(k)), 9))
    return list(dict.fromkeys(found))


def url_host(address: str) -> str:
    return f"[{address}]" if ":" in address else address
