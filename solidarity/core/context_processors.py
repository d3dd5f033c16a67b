from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    """Names every template may use; nothing here touches the database."""
    return {
        "SITE_NAME": settings.SOLIDARITY_SITE_NAME,
        "SITE_TAGLINE": settings.SOLIDARITY_TAGLINE,
        "SEARCH_QUERY_MAX_LENGTH": settings.SEARCH_QUERY_MAX_LENGTH,
    }
