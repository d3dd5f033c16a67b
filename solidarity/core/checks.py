"""System checks that keep a production install from running without its keys."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from solidarity.core import crypto


@register(Tags.security, deploy=True)
def data_key_is_configured(app_configs, **kwargs):
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
    except Exception as error:  # a malformed key
        return [Error(str(error), id="solidarity.E002")]
    if settings.PRODUCTION and settings.DEBUG:
        return [Error("DEBUG must be off in production.", id="solidarity.E003")]
    return []
