"""Which addresses the phone page may be offered on: this machine's private or loopback IPv4
addresses only, never a public one (the game is for the local network)."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import sys
from typing import Final

LOOPBACK: Final = "127.0.0.1"
# The private ranges of RFC 1918, and loopback: nothing else is ever offered to phones.
LAN_NETWORKS: Final = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
)
_SIOCGIFADDR: Final = 0x8915  # Linux: the IPv4 address of an interface


def lan_safe(address: str) -> bool:
    """Private (10/8, 172.16/12, 192.168/16) or loopback; not link-local, not public."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if not isinstance(ip, ipaddress.IPv4Address):
        return False
    return ip.is_loopback or any(ip in network for network in LAN_NETWORKS)


def _interface_addresses() -> list[str]:
    """The IPv4 address of each network interface (Linux), read without sending anything."""
    if not sys.platform.startswith("linux"):
        return []
    import fcntl

    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            with contextlib.suppress(OSError):
                reply = fcntl.ioctl(probe.fileno(), _SIOCGIFADDR, request)
                found.append(socket.inet_ntoa(reply[20:24]))
    return found


def _host_addresses() -> list[str]:
    with contextlib.suppress(OSError):
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        return [str(info[4][0]) for info in infos]
    return []


def local_addresses() -> list[str]:
    """Addresses phones on the LAN could reach, best first: private ones, then loopback."""
    seen = dict.fromkeys(a for a in [*_interface_addresses(), *_host_addresses()] if lan_safe(a))
    private = [a for a in seen if not ipaddress.ip_address(a).is_loopback]
    # 192.168.x (home Wi-Fi) before 10.x and 172.16.x (often containers and VPNs).
    private.sort(key=lambda a: (not a.startswith("192.168."), a))
    return [*private, LOOPBACK]


def has_network(addresses: list[str]) -> bool:
    return any(not ipaddress.ip_address(a).is_loopback for a in addresses)
