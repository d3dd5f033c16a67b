"""Deploy checks (``manage.py check --deploy``) that keep a production install from running
without its keys, or with settings that would send people to the wrong address.

Ids are never reused: solidarity.E003 (DEBUG in production) was dropped because Django's own
security.W018 reports it.

A Tor-only install sets ``SOLIDARITY_ONION_ONLY=true`` (docs/deploy.md): settings.py then
silences Django's security.W008 (no HTTPS redirect), and solidarity.E008 checks instead that the
site really is reached at onion addresses only.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from solidarity.core import crypto

if TYPE_CHECKING:
    from django.apps import AppConfig


@register(Tags.security, deploy=True)
def data_key_is_configured(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[Error]:
    try:
        crypto.encrypt("check")
    except crypto.MissingDataKey:
        return [
            Error(
                "SOLIDARITY_DATA_KEY is not set: personal data cannot be stored.",
                hint="Generate one with `manage.py generate_data_key` and set it in the environment.",
                id="solidarity.E001",
            )
        ]
    except ImproperlyConfigured as error:  # a malformed key
        return [Error(str(error), id="solidarity.E002")]
    return []


@register(Tags.security, deploy=True)
def lookup_key_is_configured(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[Error]:
    try:
        crypto.email_lookup_hash("check@example.org")
    except crypto.MissingLookupKey:
        return [
            Error(
                "SOLIDARITY_LOOKUP_KEY is not set: personal data cannot be looked up.",
                hint=(
                    "Set it in the environment to a long random secret, e.g. the output of "
                    "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`, and never change it."
                ),
                id="solidarity.E004",
            )
        ]
    material = (getattr(settings, "SOLIDARITY_LOOKUP_KEY", "") or "").strip()
    if len(material.encode("utf-8")) < crypto.LOOKUP_KEY_MIN_BYTES:
        return [
            Error(
                f"SOLIDARITY_LOOKUP_KEY is shorter than {crypto.LOOKUP_KEY_MIN_BYTES} bytes: the lookup hashes of "
                "emails could be reversed by trying every address of a list.",
                hint=(
                    "Set it to the output of `python -c 'import secrets; print(secrets.token_urlsafe(32))'` before "
                    "the site stores any email (changing it later makes every stored lookup hash useless)."
                ),
                id="solidarity.E007",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def allowed_hosts_are_set_in_production(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[Error]:
    if getattr(settings, "PRODUCTION", False) and not settings.ALLOWED_HOSTS:
        return [
            Error(
                "ALLOWED_HOSTS is empty: in production the site would answer no request.",
                hint="Set ALLOWED_HOSTS to the site's host names, e.g. ALLOWED_HOSTS=example.org.",
                id="solidarity.E005",
            )
        ]
    return []


def _is_local_host(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _is_public_https(url: str) -> bool:
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:  # e.g. an unbalanced [ in the host
        return False
    if not host or _is_local_host(host):
        return False
    # A Tor onion address may use http: the onion service encrypts the connection itself.
    return parts.scheme == "https" or (parts.scheme == "http" and host.endswith(".onion"))


@register(Tags.security, deploy=True)
def base_url_is_public_in_production(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[Error]:
    """Links in emails and the admin are made from BASE_URL: in production, the public https address."""
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    if getattr(settings, "PRODUCTION", False) and not _is_public_https(base_url):
        return [
            Error(
                f"BASE_URL is {base_url!r}: in production it must be the site's public https address, "
                "or links in emails and the admin point elsewhere (e.g. at localhost).",
                hint="Set BASE_URL, e.g. BASE_URL=https://example.org.",
                id="solidarity.E006",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def onion_only_means_onion_addresses(app_configs: Any, **kwargs: Any) -> list[Error]:
    """SOLIDARITY_ONION_ONLY switches the HTTPS redirect off: only for a site that has no other address."""
    if not (getattr(settings, "PRODUCTION", False) and getattr(settings, "SOLIDARITY_ONION_ONLY", False)):
        return []
    base_host = (urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").hostname or "").lower()
    others = [host for host in settings.ALLOWED_HOSTS if not host.lower().rstrip(".").endswith(".onion")]
    if base_host.endswith(".onion") and not others:
        return []
    return [
        Error(
            "SOLIDARITY_ONION_ONLY is set, which serves the site without redirecting to HTTPS, but the site "
            f"also answers at {', '.join(others) or base_host or 'no onion address'}.",
            hint=(
                "Set ALLOWED_HOSTS and BASE_URL to the .onion address alone, or unset SOLIDARITY_ONION_ONLY "
                "for a site with a public domain (docs/deploy.md, Over Tor)."
            ),
            id="solidarity.E008",
        )
    ]


@register(Tags.security, deploy=True)
def spam_guard_has_a_cache(app_configs: Any, **kwargs: Any) -> list[Error]:
    """The public forms' rate limit and single-use proofs of work live in the cache (core/spam.py): without one
    (``CACHE_URL=dummy://``) nothing is counted and every proof can be replayed."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PRODUCTION and backend.endswith("DummyCache"):
        return [
            Error(
                "CACHE_URL=dummy:// in production: the public forms' spam guard counts nothing without a cache.",
                hint="Leave CACHE_URL unset (local memory, one machine) or set it to redis://… (several machines).",
                id="solidarity.E009",
            )
        ]
    return []
