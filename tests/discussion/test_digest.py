"""The moderators' digest (``manage.py comments_digest``, run from cron): one email per moderator when something new
waits in the queue, at most every ``DIGEST_HOURS``; to the editors when there is no moderator."""

from __future__ import annotations

import datetime
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from solidarity.core.discussable import CommentsMode
from solidarity.discussion import services
from solidarity.discussion.models import Comment, DigestSent
from tests.discussion.factories import moderation, posted
from tests.factories import StoryPageFactory, staff_member
from tests.mail import delivered
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def story(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        moderation(CommentsMode.PRE)
        yield StoryPageFactory(title="Trial in Minsk", countries=["BY"])


@pytest.fixture
def staff(story) -> dict[str, Any]:
    return {
        "editor": staff_member("editor", "Editors"),
        "coordinator": staff_member("coordinator", "Country coordinators", ["BY"]),
        "ana": staff_member("ana", "Moderators"),
        "ben": staff_member("ben", "Moderators"),
    }


def digest() -> list[str]:
    """Run the command as cron does; the addresses this run's digests went to."""
    before = len(delivered())
    call_command("comments_digest", stdout=StringIO())
    return sorted(address for message in delivered()[before:] for address in message.to)


def hours_pass(hours: float) -> None:
    """Everything that happened (comments posted, the last digest) moves that many hours into the past."""
    delta = datetime.timedelta(hours=hours)
    for comment in Comment.objects.all():
        Comment.objects.filter(pk=comment.pk).update(created_at=comment.created_at - delta)
    for sent in DigestSent.objects.all():
        DigestSent.objects.filter(pk=sent.pk).update(sent_at=sent.sent_at - delta)


def test_nothing_waiting_sends_nothing(story, staff):
    assert digest() == []


def test_a_waiting_comment_sends_one_digest_to_each_moderator_with_the_queues_address(story, staff):
    posted(story)
    posted(story)

    call_command("comments_digest", stdout=StringIO())
    messages = delivered()

    assert sorted(address for message in messages for address in message.to) == ["ana@example.org", "ben@example.org"]
    assert "2 comments are waiting for moderation" in messages[0].body
    assert "/admin/comments/" in messages[0].body


def test_a_second_run_within_the_hours_sends_nothing_even_with_a_new_comment(story, staff):
    posted(story)
    assert len(digest()) == 2
    hours_pass(services.DIGEST_HOURS - 0.5)
    posted(story)

    assert digest() == []


def test_after_the_hours_a_new_comment_sends_the_digest_again(story, staff):
    posted(story)
    assert len(digest()) == 2
    hours_pass(services.DIGEST_HOURS + 0.5)
    posted(story)

    assert digest() == ["ana@example.org", "ben@example.org"]


def test_after_the_hours_nothing_new_sends_nothing_though_comments_still_wait(story, staff):
    posted(story)
    assert len(digest()) == 2
    hours_pass(services.DIGEST_HOURS + 0.5)

    assert digest() == []


def test_a_newly_reported_comment_counts_as_new(story, staff):
    public = posted(story).comment
    assert len(digest()) == 2
    services.comment_decide(staff["ana"], public, services.Decision.APPROVE)
    hours_pass(services.DIGEST_HOURS + 0.5)
    assert services.comment_report(public)

    assert digest() == ["ana@example.org", "ben@example.org"]


def test_without_moderators_the_editors_get_the_digest(story):
    staff_member("editor", "Editors")
    staff_member("coordinator", "Country coordinators", ["BY"])
    staff_member("gone", "Moderators", is_active=False)
    posted(story)

    assert digest() == ["editor@example.org"]
