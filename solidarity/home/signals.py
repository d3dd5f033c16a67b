"""The cached navigation is dropped when it, or a page it may lead to, changes."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from solidarity.home import queries


def _forget(**kwargs: Any) -> None:
    queries.navigation_forget()


def _forget_after_page_deleted(sender: type, instance: object, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        queries.navigation_forget()


def connect() -> None:
    from solidarity.home.models import SiteNavigation

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_forget, dispatch_uid=f"home-navigation-{id(signal)}")
    for model in (SiteNavigation, PageViewRestriction):
        post_save.connect(_forget, sender=model, dispatch_uid=f"home-navigation-save-{model.__name__}")
        post_delete.connect(_forget, sender=model, dispatch_uid=f"home-navigation-delete-{model.__name__}")
    post_delete.connect(_forget_after_page_deleted, dispatch_uid="home-navigation-page-deleted")
