"""Deploy checks: no production install without its keys, its host names and its public address."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks

from solidarity.core.checks import (
    allowed_hosts_are_set_in_production,
    base_url_is_public_in_production,
    data_key_is_configured,
    lookup_key_is_configured,
    onion_only_means_onion_addresses,
)


@pytest.fixture
def production(settings):
    """The test settings, switched to production with everything a deployment must set."""
    settings.PRODUCTION = True
    settings.ALLOWED_HOSTS = ["example.org"]
    settings.WAGTAILADMIN_BASE_URL = "https://example.org"
    return settings


def deploy_check_ids() -> set[str]:
    return {
        message.id for message in run_checks(include_deployment_checks=True) if message.id.startswith("solidarity.")
    }


def test_a_complete_production_configuration_passes_every_check(production):
    assert deploy_check_ids() == set()


def test_the_checks_run_only_with_deploy(settings):
    settings.SOLIDARITY_DATA_KEY = ""

    assert "solidarity.E001" in deploy_check_ids()
    assert not [message for message in run_checks() if message.id.startswith("solidarity.")]


# Data key


def test_data_key_check_passes_with_a_data_key():
    assert data_key_is_configured(None) == []


def test_data_key_check_errors_without_a_data_key(settings):
    settings.SOLIDARITY_DATA_KEY = ""

    errors = data_key_is_configured(None)

    assert [error.id for error in errors] == ["solidarity.E001"]
    assert "SOLIDARITY_DATA_KEY" in errors[0].msg
    assert "generate_data_key" in errors[0].hint


def test_data_key_check_errors_with_a_malformed_data_key(settings):
    settings.SOLIDARITY_DATA_KEY = "not-a-fernet-key"

    assert [error.id for error in data_key_is_configured(None)] == ["solidarity.E002"]


# Lookup key


def test_lookup_key_check_passes_with_a_lookup_key(settings):
    settings.SOLIDARITY_LOOKUP_KEY = "a stable lookup key of thirty-two bytes"

    assert lookup_key_is_configured(None) == []


@pytest.mark.parametrize("short", ["a stable lookup key", "x" * 31, "ключ-ключ-ключ-ключ"[:15]])
def test_lookup_key_check_errors_with_a_key_shorter_than_32_bytes(settings, short):
    settings.SOLIDARITY_LOOKUP_KEY = short

    errors = lookup_key_is_configured(None)

    assert [error.id for error in errors] == ["solidarity.E007"]
    assert "32 bytes" in errors[0].msg


def test_lookup_key_check_counts_bytes_not_characters(settings):
    settings.SOLIDARITY_LOOKUP_KEY = "ключ" * 4  # 16 characters, 32 bytes

    assert lookup_key_is_configured(None) == []


@pytest.mark.parametrize("missing", ["", " "])
def test_lookup_key_check_errors_without_a_lookup_key_even_with_a_data_key(settings, missing):
    settings.SOLIDARITY_LOOKUP_KEY = missing

    errors = lookup_key_is_configured(None)

    assert [error.id for error in errors] == ["solidarity.E004"]
    assert "SOLIDARITY_LOOKUP_KEY" in errors[0].msg


# ALLOWED_HOSTS


def test_allowed_hosts_check_passes_with_hosts_in_production(production):
    assert allowed_hosts_are_set_in_production(None) == []


def test_allowed_hosts_check_errors_when_empty_in_production(production):
    production.ALLOWED_HOSTS = []

    assert [error.id for error in allowed_hosts_are_set_in_production(None)] == ["solidarity.E005"]


def test_allowed_hosts_check_allows_an_empty_list_in_development(settings):
    settings.PRODUCTION = False
    settings.ALLOWED_HOSTS = []

    assert allowed_hosts_are_set_in_production(None) == []


# BASE_URL


@pytest.mark.parametrize(
    "base_url",
    [
        "https://example.org",
        "https://example.org/",
        "https://solidarity.example.org:8443/network/",
        "http://solidarityexample2xyzabcdefghijklmnopqrstuvwxyzabcdefghijkl.onion",
    ],
)
def test_base_url_check_passes_with_a_public_https_address(production, base_url):
    production.WAGTAILADMIN_BASE_URL = base_url

    assert base_url_is_public_in_production(None) == []


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1:8000",  # the default
        "http://example.org",
        "https://localhost",
        "https://LOCALHOST:8000",
        "https://admin.localhost",
        "https://127.0.0.1",
        "https://127.0.1.1",
        "https://[::1]:8000",
        "https://0.0.0.0",
        "https://",
        "example.org",
        "ftp://example.org",
        "https://[::1",
        "",
    ],
)
def test_base_url_check_errors_with_a_local_or_plain_http_address_in_production(production, base_url):
    production.WAGTAILADMIN_BASE_URL = base_url

    errors = base_url_is_public_in_production(None)

    assert [error.id for error in errors] == ["solidarity.E006"]
    assert "BASE_URL" in errors[0].msg


def test_base_url_check_allows_localhost_in_development(settings):
    settings.PRODUCTION = False
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"

    assert base_url_is_public_in_production(None) == []


# DEBUG is Django's own check now


def test_debug_in_production_is_left_to_djangos_own_deploy_check(production):
    production.DEBUG = True

    ids = {message.id for message in run_checks(include_deployment_checks=True)}

    assert "security.W018" in ids
    assert not {i for i in ids if i.startswith("solidarity.")}


# Tor only

ONION = "solidarityexample2xyzabcdefghijklmnopqrstuvwxyzabcdefghijkl.onion"


@pytest.fixture
def onion_only(production):
    production.SOLIDARITY_ONION_ONLY = True
    production.ALLOWED_HOSTS = [ONION]
    production.WAGTAILADMIN_BASE_URL = f"http://{ONION}"
    return production


def test_onion_only_check_passes_for_a_site_with_onion_addresses_alone(onion_only):
    assert onion_only_means_onion_addresses(None) == []


@pytest.mark.parametrize(
    ("hosts", "base_url"),
    [
        ([ONION, "example.org"], f"http://{ONION}"),
        ([ONION], "https://example.org"),
        (["example.org"], "https://example.org"),
    ],
)
def test_onion_only_check_errors_when_the_site_has_another_address(onion_only, hosts, base_url):
    onion_only.ALLOWED_HOSTS = hosts
    onion_only.WAGTAILADMIN_BASE_URL = base_url

    assert [error.id for error in onion_only_means_onion_addresses(None)] == ["solidarity.E008"]


def test_onion_only_check_does_nothing_without_the_setting(production):
    production.SOLIDARITY_ONION_ONLY = False
    production.ALLOWED_HOSTS = ["example.org"]

    assert onion_only_means_onion_addresses(None) == []


# The spam guard's cache


def test_production_without_a_cache_is_an_error(production):
    production.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    assert "solidarity.E009" in deploy_check_ids()


def test_production_with_local_memory_or_redis_passes(production):
    for backend in ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.redis.RedisCache"):
        production.CACHES = {"default": {"BACKEND": backend, "LOCATION": "redis://127.0.0.1:6379"}}
        assert "solidarity.E009" not in deploy_check_ids()


def test_development_may_run_without_a_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    assert "solidarity.E009" not in deploy_check_ids()
