"""Write rules every page type shares: publishing with Wagtail's log, and a page in another language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.log_actions import log
from wagtail.models import Locale, Page


@transaction.atomic
def page_create(*, parent: Page, page: Page, user: AbstractBaseUser | None = None, publish: bool = True) -> Page:
    """Add a page under ``parent`` as an editor would: created, a revision, and published unless ``publish=False``.

    Each step leaves Wagtail's log entry (created, edited, published), as the admin does.
    """
    page.live = False
    parent.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return page


@transaction.atomic
def page_publish(*, page: Page, user: AbstractBaseUser | None = None) -> Page:
    """Publish the page as it is now, as a new revision, with Wagtail's log entries."""
    page.save_revision(user=user, log_action=True).publish(user=user)
    page.refresh_from_db()
    return page


def translation_copy(*, page: Page, locale: Locale, user: AbstractBaseUser | None = None) -> Page:
    """A draft copy of the page in another language, as the admin's "Translate" makes it (with its log entry)."""
    return CopyPageForTranslationAction(page, locale, user=user).execute()


@transaction.atomic
def page_translation_ensure(
    *,
    page: Page,
    locale: Locale,
    title: str,
    slug: str | None = None,
    fields: Mapping[str, Any] | None = None,
    user: AbstractBaseUser | None = None,
) -> Page:
    """The page's translation into ``locale``, made and published with this title when there is none yet.

    ``fields`` replaces copied text that would otherwise stay in the source language.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translated = translation_copy(page=page, locale=locale, user=user)
    translated.title = translated.draft_title = title
    if slug:
        translated.slug = slug
    for name, value in (fields or {}).items():
        setattr(translated, name, value)
    translated.save()
    return page_publish(page=translated, user=user)


@transaction.atomic
def page_untranslated_replace(
    *, page: Page, fields: Mapping[str, tuple[str, str]], user: AbstractBaseUser | None = None
) -> Page:
    """Replace text that a page's translation copied from the default language and nobody changed since.

    ``fields``: name -> (the default language's text, its translation). A field an editor changed
    is kept, and so is a page with unpublished changes; otherwise the change is published.
    """
    changed = {
        name: translated for name, (source, translated) in fields.items() if getattr(page, name) == source != translated
    }
    if not changed or page.has_unpublished_changes:
        return page
    for name, value in changed.items():
        setattr(page, name, value)
    if "title" in changed:
        page.draft_title = changed["title"]
    return page_publish(page=page, user=user)
