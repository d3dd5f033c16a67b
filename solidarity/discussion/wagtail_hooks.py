"""The discussion's admin: the comment queue (moderators, editors) and the questions' inboxes (coordinators of
their countries, editors), each in its own module; the dashboard's "Waiting for you" queues."""

from __future__ import annotations

from typing import Any

from django.urls import include, path
from wagtail import hooks

from solidarity.discussion import comments_admin, questions_admin


@hooks.register("register_admin_urls")
def discussion_admin_urls() -> list[Any]:
    return [
        path("comments/", include((comments_admin.urlpatterns, "discussion_comments"))),
        path("questions/", include((questions_admin.urlpatterns, "discussion_questions"))),
    ]


@hooks.register("register_admin_menu_item")
def comments_menu_item() -> Any:
    return comments_admin.menu_item()


@hooks.register("register_admin_menu_item")
def questions_menu_item() -> Any:
    return questions_admin.menu_item()
