from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    """Names every template may use; nothing here touches the database."""
    return {
        "SITE_NAME": settings.SOLIDARITY_SITE_NAME,
        "SITE_TAGLINE": settings.SOLIDARITY_TAGLINE,
        "SEARCH_QUERY_MAX_LENGTH": settings.SEARCH_QUERY_MAX_LENGTH,
    }


def members_navigation(request: HttpRequest) -> dict[str, Callable[[], str]]:
    """Where the main navigation's "Members" leads: the Members page of the visitor's language, or nowhere.

    A callable, as the story index's link is: only pages that show the navigation ask the
    database, and an error page shown while the database is down still renders.
    """

    def members_url() -> str:
        from wagtail.models import Locale

        from solidarity.core.queries import members_page_url

        try:
            return members_page_url(Locale.get_active(), request)
        except (DatabaseError, Locale.DoesNotExist):
            return ""

    return {"members_url": members_url}
