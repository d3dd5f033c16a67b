"""A front-end cache (WAGTAILFRONTENDCACHE, docs/scaling.md) forgets a page whose comments readers see changed."""

from __future__ import annotations

from typing import ClassVar

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from solidarity.core.discussable import CommentsMode
from solidarity.discussion import services
from solidarity.discussion.models import CommentStatus
from tests.discussion.factories import comment, moderation, posted
from tests.factories import StoryPageFactory, staff_member
from tests.shared import RUN_TASKS

pytestmark = pytest.mark.django_db


class Recorder(BaseBackend):
    purged: ClassVar[list[str]] = []

    def purge(self, url: str) -> None:
        self.purged.append(url)


CACHE = {"WAGTAILFRONTENDCACHE": {"recorder": {"BACKEND": f"{__name__}.Recorder"}}}


@pytest.fixture
def story(site_tree, settings):
    settings.TASKS = RUN_TASKS  # Wagtail purges through a task
    Recorder.purged.clear()
    return StoryPageFactory(title="Letters")


@override_settings(**CACHE)
def test_a_comment_shown_at_once_purges_the_page_and_its_list_of_comments(story, django_capture_on_commit_callbacks):
    moderation(CommentsMode.POST)
    with django_capture_on_commit_callbacks(execute=True):
        posted(story)

    assert any(url.endswith(story.url) for url in Recorder.purged)
    assert any(url.endswith(f"/en/comments/page/{story.pk}/all/") for url in Recorder.purged)


@override_settings(**CACHE)
def test_a_comment_waiting_for_moderation_purges_nothing_until_approved(story, django_capture_on_commit_callbacks):
    moderation(CommentsMode.PRE)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = posted(story).comment
    assert Recorder.purged == []

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_decide(staff_member("moderator", "Moderators"), waiting, services.Decision.APPROVE)
    assert any(url.endswith(story.url) for url in Recorder.purged)


def test_without_a_front_end_cache_nothing_is_purged(story, django_capture_on_commit_callbacks):
    moderation(CommentsMode.POST)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        comment(story, status=CommentStatus.APPROVED)
        posted(story)
    assert Recorder.purged == []
    assert len(callbacks) == 1  # the double-submission memo only
