"""Deploy checks (``manage.py check --deploy``) that keep a production install from running
without its keys, or with settings that would send people to the wrong address.

Ids are never reused: solidarity.E003 (DEBUG in production) was dropped because Django's own
security.W018 reports it.
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
