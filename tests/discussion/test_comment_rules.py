"""Every rule of comments in ``discussion.services``: whether a page takes them, posting, the author's private link,
reports, moderation, blocking, the moderators' digest and the purge. Bad cases stand beside good ones."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from solidarity.core import retention
from solidarity.core.discussable import CommentsMode
from solidarity.core.models import OutgoingEmail
from solidarity.core.roles import COORDINATORS, EDITORS, MODERATORS, TRANSLATORS
from solidarity.discussion import services
from solidarity.discussion.models import NAME_LENGTH, BlockedSource, Comment, CommentStatus, DigestSent
from solidarity.discussion.services import Decision, PostOutcome
from tests.discussion.factories import comment, moderation, posted
from tests.factories import StoryPageFactory, staff_member
from tests.mail import delivered

pytestmark = pytest.mark.django_db

SOURCE = "a" * 64
OTHER_SOURCE = "b" * 64


@pytest.fixture
def story(site_tree):
    moderation(CommentsMode.PRE)
    return StoryPageFactory(title="Letters to prisoners")


@pytest.fixture
def post_story(site_tree):
    moderation(CommentsMode.POST)
    return StoryPageFactory(title="Letters from prisoners")


@pytest.fixture
def moderator():
    return staff_member("moderator", MODERATORS.group)


def later(minutes: int = 0, *, days: int = 0, hours: int = 0) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(minutes=minutes, days=days, hours=hours)


def refused_fields(error: ValidationError) -> set[str]:
    return set(error.message_dict)


# Whether a page takes comments


def test_the_site_setting_applies_where_the_page_says_nothing_and_the_page_overrides_it(story):
    assert services.comments_state(story).mode == CommentsMode.PRE
    assert services.comments_state(story).open

    story.comments_mode = CommentsMode.POST
    story.save()
    assert services.comments_state(story).mode == CommentsMode.POST

    story.comments_mode = CommentsMode.OFF
    story.save()
    state = services.comments_state(story)
    assert (state.mode, state.open, state.shown) == (CommentsMode.OFF, False, False)


def test_comments_close_a_number_of_days_after_the_page_was_first_published(story):
    moderation(CommentsMode.PRE, close_after_days=10)
    published = story.first_published_at

    assert services.comments_state(story, now=published + datetime.timedelta(days=9)).open
    closed = services.comments_state(story, now=published + datetime.timedelta(days=10, seconds=1))
    assert not closed.open and closed.shown
    assert closed.closes_at == published + datetime.timedelta(days=10)

    story.comments_close_after_days = 30  # the page's own setting wins over the site's
    story.save()
    assert services.comments_state(story, now=published + datetime.timedelta(days=20)).open


def test_a_page_that_is_not_live_takes_no_comments(story):
    story.unpublish()
    story.refresh_from_db()

    assert not services.comments_state(story).open
    with pytest.raises(ValidationError, match="closed"):
        posted(story)


def test_comments_off_or_closed_are_refused(story):
    moderation(CommentsMode.PRE, close_after_days=1)
    with pytest.raises(ValidationError, match="closed"):
        posted(story, now=later(days=2))
    story.comments_mode = CommentsMode.OFF
    story.save()
    with pytest.raises(ValidationError, match="switched off"):
        posted(story)
    assert not Comment.objects.exists()


# Posting


def test_under_pre_moderation_a_comment_waits_and_nothing_is_public(story):
    result = posted(story, name="Ana")

    assert result.outcome == PostOutcome.WAITING
    assert result.comment.status == CommentStatus.PENDING
    assert result.token
    assert not Comment.objects.published().exists()


def test_under_post_moderation_a_comment_is_public_at_once(post_story):
    result = posted(post_story)

    assert result.outcome == PostOutcome.PUBLIC
    assert list(Comment.objects.published()) == [result.comment]


def test_a_reply_to_a_reply_answers_the_same_top_comment(post_story):
    top = posted(post_story).comment
    reply = posted(post_story, parent=top).comment

    answer = posted(post_story, parent=reply).comment

    assert answer.parent_id == top.pk
    assert reply.parent_id == top.pk


@pytest.mark.parametrize("status", [CommentStatus.PENDING, CommentStatus.REJECTED, CommentStatus.DELETED])
def test_a_reply_to_a_comment_that_is_not_public_is_refused(post_story, status):
    parent = comment(post_story, status=status)

    with pytest.raises(ValidationError, match="no longer there"):
        posted(post_story, parent=parent)
    assert Comment.objects.count() == 1


def test_a_reply_to_a_comment_of_another_page_is_refused(post_story):
    other = StoryPageFactory(title="Another story")
    parent = comment(other)

    with pytest.raises(ValidationError, match="no longer there"):
        posted(post_story, parent=parent)
    posted(other, parent=parent)


def test_a_blocked_source_is_refused_until_the_block_ends_and_an_unknown_source_never(post_story):
    BlockedSource.objects.create(source=SOURCE, until=later(days=1))

    with pytest.raises(ValidationError, match="paused until"):
        posted(post_story, source=SOURCE)
    posted(post_story, source=OTHER_SOURCE)
    posted(post_story, source="")
    posted(post_story, source=SOURCE, now=later(days=1, minutes=1))
    BlockedSource.objects.create(source="", until=later(days=1))  # even so, an unknown source (Tor) is not one
    assert services.source_blocked_until("") is None
    posted(post_story, source="")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "N" * (NAME_LENGTH + 1)}, "name"),
        ({"text": " \n\t "}, "text"),
        ({"text": "x" * (services.MAX_CHARS + 1)}, "text"),
        ({"text": " ".join(f"https://e{n}.example.org" for n in range(services.MAX_LINKS + 1))}, "text"),
        ({"email": "not an address"}, "email"),
    ],
)
def test_a_comment_that_breaks_a_limit_is_refused_with_the_field_named(story, fields, field):
    values = {"name": "Ana", "text": "Fine words.", **fields}
    with pytest.raises(ValidationError) as refused:
        services.comment_post(page=story, language="en", **values)
    assert refused_fields(refused.value) == {field}
    assert not Comment.objects.exists()


def test_a_comment_at_the_limits_is_taken(story):
    links = " ".join(f"https://e{n}.example.org" for n in range(services.MAX_LINKS))
    services.comment_post(page=story, language="en", name="N" * NAME_LENGTH, text=links)
    services.comment_post(page=story, language="en", name="Ana", text="x" * services.MAX_CHARS, email=" a@example.org ")
    assert Comment.objects.count() == 2
    assert set(Comment.objects.values_list("email", flat=True)) == {None, "a@example.org"}


def test_control_characters_and_nul_are_left_out(story):
    made = services.comment_post(
        page=story, language="en", name="An\x00a\x07 \x1b", text="Line\x00 one\r\nline\x0b two\t!\n\n\n\n\nend"
    ).comment

    made.refresh_from_db()
    assert made.author_name == "Ana"
    assert made.text == "Line one\nline two\t!\n\n\nend"


def test_the_same_comment_sent_twice_is_kept_once_and_the_second_answer_has_no_link(
    story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = posted(story, name="Ana", text="Same words.", source=SOURCE)
    with django_capture_on_commit_callbacks(execute=True):
        second = posted(story, name="Ana", text="Same  words.", source=SOURCE)
        other = posted(story, name="Ana", text="Other words.", source=SOURCE)

    assert (second.outcome, second.token, second.comment.pk) == (PostOutcome.ALREADY, "", first.comment.pk)
    assert other.outcome == PostOutcome.WAITING and other.token
    assert Comment.objects.count() == 2


# The author's private link


def test_the_author_may_change_the_text_within_the_time_and_not_after(post_story):
    made = posted(post_story).comment
    assert services.comment_by_token(posted(post_story, text="Another.").token) is not None

    services.comment_edit(made, text="Changed.", now=later(services.EDIT_MINUTES - 1))
    with pytest.raises(ValidationError, match="that time is over"):
        services.comment_edit(made, text="Too late.", now=later(services.EDIT_MINUTES + 1))
    made.refresh_from_db()
    assert made.text == "Changed." and made.edited_at is not None


def test_a_changed_comment_goes_back_to_the_moderators_under_pre_moderation(story, moderator):
    made = posted(story).comment
    services.comment_decide(moderator, made, Decision.APPROVE)

    changed = services.comment_edit(made, text="Something else now.")

    assert changed.status == CommentStatus.PENDING


def test_a_changed_comment_stays_public_under_post_moderation(post_story):
    made = posted(post_story).comment

    assert services.comment_edit(made, text="Something else now.").status == CommentStatus.APPROVED


def test_deleting_empties_name_email_and_text_and_keeps_the_row_for_its_replies(post_story):
    top = posted(post_story, name="Ana", email="ana@example.org").comment
    reply = posted(post_story, parent=top).comment

    services.comment_delete_by_author(top)

    top.refresh_from_db()
    assert (top.status, top.author_name, top.email, top.text) == (CommentStatus.DELETED, "", None, "")
    assert list(top.replies.all()) == [reply]
    with pytest.raises(ValidationError, match="deleted"):
        services.comment_edit(top, text="Back again.")
    with pytest.raises(ValidationError, match="that time is over"):
        services.comment_delete_by_author(reply, now=later(services.EDIT_MINUTES + 1))


# Reports


def test_under_pre_moderation_one_report_hides_a_comment(story, moderator):
    made = posted(story).comment
    services.comment_decide(moderator, made, Decision.APPROVE)

    assert services.comment_report(made, source=SOURCE)

    made.refresh_from_db()
    assert made.status == CommentStatus.PENDING and made.reported_at is not None
    assert made in Comment.objects.in_queue()


def test_under_post_moderation_a_comment_is_hidden_only_at_enough_reports(post_story):
    made = posted(post_story).comment
    sources = [f"{n}" * 64 for n in range(services.REPORTS_TO_HIDE)]

    for source in sources[:-1]:
        assert services.comment_report(made, source=source)
    made.refresh_from_db()
    assert made.is_public and made in Comment.objects.in_queue()

    services.comment_report(made, source=sources[-1])
    made.refresh_from_db()
    assert made.status == CommentStatus.PENDING and made.reports == services.REPORTS_TO_HIDE


def test_one_report_per_source_counts(post_story):
    made = posted(post_story).comment

    assert services.comment_report(made, source=SOURCE)
    assert not services.comment_report(made, source=SOURCE)
    assert services.comment_report(made, source=OTHER_SOURCE)
    made.refresh_from_db()
    assert made.reports == 2


def test_readers_whose_address_is_unknown_report_a_comment_once_between_them(post_story):
    """Tor's readers are one source: one of them cannot hide a comment by reporting it again and again."""
    made = posted(post_story).comment

    assert services.comment_report(made, source="")
    assert not any(services.comment_report(made, source="") for _ in range(services.REPORTS_TO_HIDE))
    made.refresh_from_db()
    assert made.reports == 1 and made.is_public


def test_a_comment_that_is_not_public_cannot_be_reported(story):
    waiting = posted(story).comment

    assert not services.comment_report(waiting, source=SOURCE)
    waiting.refresh_from_db()
    assert waiting.reports == 0


# Moderation


@pytest.mark.parametrize(
    ("decision", "status"),
    [
        (Decision.APPROVE, CommentStatus.APPROVED),
        (Decision.REJECT, CommentStatus.REJECTED),
        (Decision.SPAM, CommentStatus.SPAM),
    ],
)
def test_a_moderator_or_an_editor_decides_and_the_reports_are_cleared(post_story, moderator, decision, status):
    made = posted(post_story).comment
    services.comment_report(made, source=SOURCE)
    editor = staff_member("editor", EDITORS.group)

    for user in (moderator, editor):
        decided = services.comment_decide(user, made, decision)
        assert (decided.status, decided.decided_by, decided.reports, decided.reported_at) == (status, user, 0, None)


@pytest.mark.parametrize(
    "make",
    [
        lambda: staff_member("coordinator-by", COORDINATORS.group, ["BY"]),
        lambda: staff_member("translator", TRANSLATORS.group),
        lambda: staff_member("outsider"),
    ],
)
def test_nobody_else_decides(story, make):
    made = posted(story).comment

    with pytest.raises(PermissionDenied):
        services.comment_decide(make(), made, Decision.APPROVE)
    made.refresh_from_db()
    assert made.status == CommentStatus.PENDING


def test_a_coordinator_who_also_moderates_decides_comments_of_every_page(story):
    both = staff_member("coordinator-moderator", COORDINATORS.group, ["BY"])
    both.groups.add(*staff_member("x", MODERATORS.group).groups.all())
    made = posted(story).comment

    assert services.comment_decide(both, made, Decision.APPROVE).is_public


def test_approving_a_reply_mails_the_parents_author_once_in_their_language(story, moderator):
    top = posted(story, email="ana@example.org", language="ru").comment
    services.comment_decide(moderator, top, Decision.APPROVE)
    silent = posted(story).comment  # no email: nobody to tell
    services.comment_decide(moderator, silent, Decision.APPROVE)
    reply = posted(story, parent=top, name="Boris").comment
    posted(story, parent=silent)
    assert not OutgoingEmail.objects.filter(purpose="discussion.reply").exists()  # waiting: not yet

    services.comment_decide(moderator, reply, Decision.APPROVE)
    services.comment_report(reply, source=SOURCE)  # hidden again, then approved again: no second email
    services.comment_decide(moderator, reply, Decision.APPROVE)

    [email] = [message for message in delivered() if "ana@example.org" in message.to]
    assert [e.language for e in OutgoingEmail.objects.filter(purpose="discussion.reply")] == ["ru"]
    assert "Boris" in email.body
    assert OutgoingEmail.objects.filter(purpose="discussion.reply").count() == 1


def test_blocking_a_source_marks_its_waiting_comments_spam(story, moderator):
    first = posted(story, source=SOURCE).comment
    second = posted(story, source=SOURCE, text="More of the same.").comment
    other = posted(story, source=OTHER_SOURCE).comment

    assert services.source_block(moderator, first, days=7) == 2

    assert {c.status for c in Comment.objects.filter(pk__in=[first.pk, second.pk])} == {CommentStatus.SPAM}
    other.refresh_from_db()
    assert other.status == CommentStatus.PENDING
    assert services.source_blocked_until(SOURCE) is not None
    with pytest.raises(ValidationError):
        services.source_block(moderator, other, days=2)  # not a choice
    with pytest.raises(ValidationError, match="not known"):
        services.source_block(moderator, posted(story).comment, days=1)
    with pytest.raises(PermissionDenied):
        services.source_block(staff_member("translator", TRANSLATORS.group), other, days=1)


# The moderators' digest


def test_the_digest_goes_to_the_moderators_when_something_new_waits_at_most_every_few_hours(story, moderator):
    staff_member("editor", EDITORS.group)
    assert services.moderators_digest_send() == 0  # nothing waits

    posted(story)
    assert services.moderators_digest_send() == 1
    assert [e.recipient for e in OutgoingEmail.objects.filter(purpose="discussion.digest")] == [moderator.email]

    posted(story, now=later(minutes=1))
    assert services.moderators_digest_send(now=later(hours=services.DIGEST_HOURS - 1)) == 0  # too soon
    assert services.moderators_digest_send(now=later(hours=services.DIGEST_HOURS, minutes=2)) == 1
    assert services.moderators_digest_send(now=later(hours=2 * services.DIGEST_HOURS, minutes=3)) == 0  # nothing new
    assert DigestSent.objects.count() == 1


def test_without_a_moderator_the_editors_get_the_digest(story):
    editor = staff_member("editor", EDITORS.group)
    posted(story)

    assert services.moderators_digest_send() == 1
    assert OutgoingEmail.objects.get(purpose="discussion.digest").recipient == editor.email


# The purge


def test_the_purge_keeps_each_thing_no_longer_than_its_time(post_story, moderator):
    now = timezone.now()

    def ago(days: float) -> datetime.datetime:
        return now - datetime.timedelta(days=days)

    old = comment(post_story, source=SOURCE, email="old@example.org", created_at=ago(services.EMAIL_KEPT_DAYS + 1))
    week = comment(post_story, source=SOURCE, email="week@example.org", created_at=ago(services.SOURCE_KEPT_DAYS + 1))
    fresh = comment(post_story, source=OTHER_SOURCE, email="new@example.org", created_at=ago(1))
    refused = comment(post_story, status=CommentStatus.SPAM, decided_at=ago(services.REFUSED_KEPT_DAYS + 1))
    lately_refused = comment(post_story, status=CommentStatus.REJECTED, decided_at=ago(services.REFUSED_KEPT_DAYS - 1))
    deleted_alone = comment(post_story, status=CommentStatus.DELETED, name="", text="")
    deleted_with_reply = comment(post_story, status=CommentStatus.DELETED, name="", text="")
    comment(post_story, parent=deleted_with_reply)
    BlockedSource.objects.create(source=SOURCE, until=ago(0.01))
    running = BlockedSource.objects.create(source=OTHER_SOURCE, until=now + datetime.timedelta(days=1))

    services.personal_data_purge(now)

    old.refresh_from_db()
    week.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.source, old.email) == ("", None)
    assert (week.source, week.email) == ("", "week@example.org")
    assert (fresh.source, fresh.email) == (OTHER_SOURCE, "new@example.org")
    remaining = set(Comment.objects.values_list("pk", flat=True))
    assert refused.pk not in remaining and deleted_alone.pk not in remaining
    assert {lately_refused.pk, deleted_with_reply.pk} <= remaining
    assert list(BlockedSource.objects.all()) == [running]


def test_the_purge_empties_a_refused_comment_that_public_replies_hang_from_instead_of_deleting_them(post_story):
    long_ago = timezone.now() - datetime.timedelta(days=services.REFUSED_KEPT_DAYS + 1)
    refused = comment(post_story, status=CommentStatus.REJECTED, decided_at=long_ago, name="Troll", text="Rude words")
    reply = comment(post_story, parent=refused, text="A calm answer")
    hidden_reply_parent = comment(post_story, status=CommentStatus.SPAM, decided_at=long_ago)
    comment(post_story, parent=hidden_reply_parent, status=CommentStatus.PENDING)

    services.personal_data_purge()

    refused.refresh_from_db()
    assert (refused.author_name, refused.text, refused.status) == ("", "", CommentStatus.REJECTED)
    assert Comment.objects.get(pk=reply.pk).text == "A calm answer"
    assert not Comment.objects.filter(pk=hidden_reply_parent.pk).exists()


def test_core_retention_runs_the_discussion_purge(post_story):
    comment(post_story, status=CommentStatus.DELETED, name="", text="")

    assert "discussion" in retention.registered_purges()
    assert retention.purge_all()["discussion"] == 1
    assert not Comment.objects.exists()
