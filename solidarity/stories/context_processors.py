from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest
from wagtail.models import Locale


def navigation(request: HttpRequest) -> dict[str, Callable[[], str | None]]:
    """Where the main navigation's "Stories" leads: the story index of the visitor's language.

    A callable, so that only pages that show the navigation ask the database, and an error page
    shown while the database is down still renders.
    """

    def story_index_url() -> str | None:
        from solidarity.stories.queries import story_index_for

        try:
            index = story_index_for(Locale.get_active())
        except (DatabaseError, Locale.DoesNotExist):
            return None
        return index.get_url(request) if index is not None else None

    return {"story_index_url": story_index_url}
