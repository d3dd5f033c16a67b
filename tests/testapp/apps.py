from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Models that exist only for the tests (installed by tests/settings.py alone)."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"
