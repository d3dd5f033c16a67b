"""The system check that keeps a production install from running without its personal-data key."""

from __future__ import annotations

from solidarity.core.checks import data_key_is_configured


def check_ids() -> list[str]:
    return [error.id for error in data_key_is_configured(None)]


def test_check_passes_with_a_data_key():
    assert check_ids() == []


def test_check_errors_without_a_data_key(settings):
    settings.SOLIDARITY_DATA_KEY = ""

    errors = data_key_is_configured(None)

    assert [error.id for error in errors] == ["solidarity.E001"]
    assert "SOLIDARITY_DATA_KEY" in errors[0].msg
    assert "generate_data_key" in errors[0].hint


def test_check_errors_with_a_malformed_data_key(settings):
    settings.SOLIDARITY_DATA_KEY = "not-a-fernet-key"

    assert check_ids() == ["solidarity.E002"]


def test_check_errors_with_debug_on_in_production(settings):
    settings.PRODUCTION = True
    settings.DEBUG = True

    assert check_ids() == ["solidarity.E003"]


def test_check_allows_debug_in_development(settings):
    settings.PRODUCTION = False
    settings.DEBUG = True

    assert check_ids() == []
