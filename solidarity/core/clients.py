"""Who sent a request, as far as the site may know it: the client's address behind the configured proxies.

The address is read only to be counted (the staff login lockout, the public forms' rate limit) and
only as a keyed hash: it is never stored, logged or shown.

``TRUSTED_PROXIES`` (settings.py, docs/configuration.md) says how many reverse proxies stand in
front of the site, the first of them on this machine (its connection comes from the loopback
address). Each proxy appends the address it received the request from to ``X-Forwarded-For``, so
the client is the Nth address from the right. Anything further left was written by the client and
is not believed. A request that comes straight from another host is its own client (whatever
``X-Forwarded-For`` it carries); with no trusted proxy the connection's address is the client's.

A loopback address is never a client's: it is the proxy, a Tor onion service or a local request,
all of which share it. Such a request's address is unknown (``None``): every Tor visitor is one
unknown source, which the callers must treat as many people (see ``core.spam``).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_address(text: str) -> IPAddress | None:
    """An IP address from text (an IPv4-mapped IPv6 address as the IPv4 one), or None."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def trusted_proxies() -> int:
    """How many reverse proxies are believed: ``TRUSTED_PROXIES``, else 1 with ``BEHIND_PROXY`` and 0 without."""
    configured = getattr(settings, "TRUSTED_PROXIES", None)
    if configured is not None:
        return max(0, int(configured))
    return 1 if settings.BEHIND_PROXY else 0


def client_address(request: HttpRequest) -> IPAddress | None:
    """The client's address, or None when it is not known (a loopback address, a missing or bad header)."""
    address = parse_address(request.META.get("REMOTE_ADDR") or "")
    proxies = trusted_proxies()
    if address is not None and address.is_loopback and proxies:
        forwarded = [part for part in (request.META.get("HTTP_X_FORWARDED_FOR") or "").split(",") if part.strip()]
        address = parse_address(forwarded[-proxies]) if len(forwarded) >= proxies else None
    if address is None or address.is_loopback:
        return None
    return address


def client_network(request: HttpRequest) -> str | None:
    """The client's address as it is counted: an IPv4 address, or an IPv6 client's /64 network (a household or
    a server holds a whole /64); None when the address is not known."""
    address = client_address(request)
    if address is None:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False))
    return str(address)
