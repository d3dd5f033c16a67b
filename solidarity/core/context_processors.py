from typing import Any

from django.conf import settings
from django.http import HttpRequest

from solidarity.core.responsive_images import wants_less_data


def site(request: HttpRequest) -> dict[str, Any]:
    """Names every template may use; nothing here touches the database."""
    return {
        "SITE_NAME": settings.SOLIDARITY_SITE_NAME,
        "SITE_TAGLINE": settings.SOLIDARITY_TAGLINE,
        "SEARCH_QUERY_MAX_LENGTH": settings.SEARCH_QUERY_MAX_LENGTH,
        "SAVE_DATA": wants_less_data(request),  # Save-Data: on (core/responsive_images.py)
    }
