"""The comment queue in the admin: moderators and editors see it and decide (one comment or several), block a
comment's source for a few days and unblock it; coordinators and translators are refused; the author's email and
the keyed source never reach the admin's HTML; the dashboard shows what waits; the comments' settings are the
editors'."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from solidarity.core import waiting
from solidarity.core.discussable import CommentsMode
from solidarity.discussion.models import BlockedSource, Comment, CommentStatus, DiscussionSettings
from tests.discussion.factories import comment, moderation, posted
from tests.factories import StoryPageFactory, staff_member
from tests.shared import shared_data
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/"
SOURCE = "f" * 64
EMAIL = "hidden-reader@example.org"


def make_data() -> dict[str, Any]:
    moderation(CommentsMode.PRE)
    return {
        "story": StoryPageFactory(title="Trial in Minsk", countries=["BY"]),
        "editor": staff_member("editor", "Editors"),
        "moderator": staff_member("moderator", "Moderators"),
        "coordinator": staff_member("coordinator", "Country coordinators", ["BY"]),
        "translator": staff_member("translator", "Translators"),
    }


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield make_data()


def logged_in(user: Any) -> Client:
    client = Client()
    login_staff(client, user)
    return client


def waiting_comment(data: dict[str, Any], **fields: Any) -> Comment:
    return posted(data["story"], **fields).comment


def refused(response: Any) -> bool:
    """The admin's refusal: Wagtail sends who may not open a view back to the dashboard (or answers 403)."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


def comment_url(item: Comment, action: str = "") -> str:
    return f"{QUEUE}{item.pk}/{action}"


# Who may open it


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_moderators_and_editors_see_the_waiting_comment_with_its_page_and_author(data, role):
    item = waiting_comment(data, name="Ales", text="Solidarity with the accused <b>now</b>.")

    page = logged_in(data[role]).get(QUEUE)

    assert page.status_code == 200
    html = page.text
    assert "Solidarity with the accused &lt;b&gt;now&lt;/b&gt;." in html and "<b>now" not in html
    assert "Ales" in html and "Trial in Minsk" in html
    assert f"#comment-{item.pk}" in html


@pytest.mark.parametrize("role", ["coordinator", "translator"])
@pytest.mark.parametrize("path", ["", "1/", "blocked/"])
def test_coordinators_and_translators_are_refused_every_page_of_the_queue(data, role, path):
    assert refused(logged_in(data[role]).get(QUEUE + path))


@pytest.mark.parametrize("role", ["coordinator", "translator"])
def test_coordinators_and_translators_cannot_decide_nor_block(data, role):
    item = waiting_comment(data, source=SOURCE)
    client = logged_in(data[role])

    assert refused(client.post(comment_url(item), {"decision": "approve"}))
    assert refused(client.post(QUEUE, {"decision": "approve", "comments": [item.pk]}))
    assert refused(client.post(comment_url(item, "block/"), {"days": 7}))
    assert refused(client.post(f"{QUEUE}blocked/1/unblock/"))
    item.refresh_from_db()
    assert item.status == CommentStatus.PENDING and not BlockedSource.objects.exists()


def test_a_coordinator_who_is_also_a_moderator_moderates(data):
    from django.contrib.auth.models import Group

    both = staff_member("both", "Country coordinators", ["BY"])
    both.groups.add(Group.objects.get(name="Moderators"))
    item = waiting_comment(data)

    logged_in(both).post(comment_url(item), {"decision": "approve"})

    item.refresh_from_db()
    assert item.status == CommentStatus.APPROVED


def test_the_menu_shows_comments_with_how_many_wait_to_moderators_only(data):
    waiting_comment(data)
    waiting_comment(data)

    assert "Comments (2)" in logged_in(data["moderator"]).get("/admin/").text
    assert QUEUE not in logged_in(data["translator"]).get("/admin/").text


# The tabs


def test_the_waiting_tab_lists_pending_and_reported_comments_oldest_first_and_not_the_decided(data):
    first = waiting_comment(data, text="The first waiting one.")
    second = waiting_comment(data, text="The second waiting one.")
    reported = comment(data["story"], text="A reported public one.", reports=1, reported_at=second.created_at)
    comment(data["story"], text="A plain public one.")
    comment(data["story"], text="A rejected one.", status=CommentStatus.REJECTED)

    html = logged_in(data["moderator"]).get(QUEUE).text

    assert html.index("The first waiting one.") < html.index("The second waiting one.")
    assert "A reported public one." in html and f'value="{reported.pk}"' in html and f'value="{first.pk}"' in html
    assert "A plain public one." not in html and "A rejected one." not in html


@pytest.mark.parametrize(
    "show, shown, hidden",
    [
        ("reported", "A reported public one.", "A plain public one."),
        ("public", "A plain public one.", "A rejected one."),
        ("refused", "A rejected one.", "A plain public one."),
        ("refused", "A spam one.", "A pending one."),
        ("all", "A pending one.", "nothing hidden"),
    ],
)
def test_each_tab_lists_its_own_comments(data, show, shown, hidden):
    comment(data["story"], text="A reported public one.", reports=2, reported_at=data["story"].first_published_at)
    comment(data["story"], text="A plain public one.")
    comment(data["story"], text="A rejected one.", status=CommentStatus.REJECTED)
    comment(data["story"], text="A spam one.", status=CommentStatus.SPAM)
    comment(data["story"], text="A pending one.", status=CommentStatus.PENDING)

    html = logged_in(data["moderator"]).get(QUEUE, {"show": show}).text

    assert shown in html and hidden not in html


def test_a_reply_is_marked_and_the_list_is_paginated(data):
    parent = comment(data["story"], text="The comment replied to.")
    comment(data["story"], parent=parent, status=CommentStatus.PENDING, text="A reply waiting.")
    for _number in range(50):
        comment(data["story"], status=CommentStatus.PENDING)

    client = logged_in(data["moderator"])
    first = client.get(QUEUE).text
    second = client.get(QUEUE, {"p": 2}).text

    assert "Page 1 of 2" in first and "A reply waiting." in first and ">Reply<" in first
    assert "Page 2 of 2" in second and "A reply waiting." not in second


def test_the_queue_lists_fifty_comments_in_a_few_queries(data, django_assert_max_num_queries):
    for _number in range(50):
        comment(data["story"], status=CommentStatus.PENDING)
    client = logged_in(data["moderator"])
    client.get(QUEUE)  # Wagtail's per-process caches (site root paths) warm up

    with django_assert_max_num_queries(30):
        assert client.get(QUEUE).status_code == 200


# Deciding


def test_approving_a_waiting_comment_makes_it_public_and_leaves_an_audit_entry(data):
    from wagtail.models import ModelLogEntry

    item = waiting_comment(data)
    client = logged_in(data["moderator"])

    response = client.post(comment_url(item), {"decision": "approve"})

    assert response.status_code == 302 and response.url == QUEUE
    item.refresh_from_db()
    assert item.status == CommentStatus.APPROVED and item.decided_by == data["moderator"]
    assert ModelLogEntry.objects.for_instance(item).get().action == "discussion.comment_approve"
    assert "Approved (moderator)" in client.get(comment_url(item)).text


@pytest.mark.parametrize("decision, status", [("reject", CommentStatus.REJECTED), ("spam", CommentStatus.SPAM)])
def test_rejecting_or_marking_spam_hides_a_public_comment(data, decision, status):
    item = comment(data["story"], reports=1, reported_at=data["story"].first_published_at)

    logged_in(data["editor"]).post(comment_url(item), {"decision": decision})

    item.refresh_from_db()
    assert item.status == status and not Comment.objects.published().filter(pk=item.pk).exists()
    assert item.reports == 0 and item.reported_at is None


def test_an_unknown_decision_changes_nothing_and_says_so(data):
    item = waiting_comment(data)
    client = logged_in(data["moderator"])

    response = client.post(comment_url(item), {"decision": "publish"}, follow=True)

    item.refresh_from_db()
    assert item.status == CommentStatus.PENDING
    assert "Select a valid choice" in response.text


def test_a_comment_its_author_deleted_cannot_be_approved(data):
    item = comment(data["story"], status=CommentStatus.DELETED, name="x", text="")

    response = logged_in(data["moderator"]).post(comment_url(item), {"decision": "approve"}, follow=True)

    item.refresh_from_db()
    assert item.status == CommentStatus.DELETED
    assert "Approve</button>" not in response.text


def test_bulk_approve_makes_the_ticked_comments_public_and_leaves_the_others(data):
    ticked = [waiting_comment(data), waiting_comment(data)]
    left = waiting_comment(data)

    response = logged_in(data["moderator"]).post(
        QUEUE, {"decision": "approve", "comments": [each.pk for each in ticked]}, follow=True
    )

    assert "2 comments approved" in response.text
    assert {each.status for each in Comment.objects.filter(pk__in=[each.pk for each in ticked])} == {"approved"}
    left.refresh_from_db()
    assert left.status == CommentStatus.PENDING


@pytest.mark.parametrize("decision, status", [("reject", CommentStatus.REJECTED), ("spam", CommentStatus.SPAM)])
def test_bulk_reject_and_spam(data, decision, status):
    ticked = [waiting_comment(data), waiting_comment(data)]

    logged_in(data["editor"]).post(f"{QUEUE}?show=all", {"decision": decision, "comments": [e.pk for e in ticked]})

    assert {each.status for each in Comment.objects.filter(pk__in=[each.pk for each in ticked])} == {status}


def test_a_bulk_action_leaves_out_a_comment_its_author_deleted_and_logs_each_decision(data):
    from wagtail.models import ModelLogEntry

    waiting = waiting_comment(data)
    deleted = comment(data["story"], status=CommentStatus.DELETED, name="x", text="")

    response = logged_in(data["moderator"]).post(
        QUEUE, {"decision": "spam", "comments": [waiting.pk, deleted.pk]}, follow=True
    )

    assert "1 comment marked as spam." in response.text
    assert Comment.objects.get(pk=deleted.pk).status == CommentStatus.DELETED
    assert [entry.action for entry in ModelLogEntry.objects.for_instance(waiting)] == ["discussion.comment_spam"]
    assert not ModelLogEntry.objects.for_instance(deleted).exists()


def test_a_bulk_action_with_nothing_ticked_says_so(data):
    waiting_comment(data)

    response = logged_in(data["moderator"]).post(QUEUE, {"decision": "approve"}, follow=True)

    assert "Tick the comments to decide first." in response.text
    assert Comment.objects.filter(status=CommentStatus.PENDING).count() == 1


# One comment's page


def test_the_comment_page_shows_the_full_text_with_links_and_the_comment_it_replies_to(data):
    parent = comment(data["story"], text="The parent's words.")
    item = waiting_comment(
        data, parent=parent, text="First line.\n\nSee https://example.org/report <script>x</script>", source=SOURCE
    )

    html = logged_in(data["moderator"]).get(comment_url(item)).text

    assert "The parent's words." in html
    assert '<a href="https://example.org/report" rel="nofollow ugc noopener">' in html
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html
    assert "Posted" in html and "Block for 7 days" in html


def test_the_block_buttons_are_offered_only_when_the_source_is_known(data):
    unknown = waiting_comment(data, source="")

    html = logged_in(data["moderator"]).get(comment_url(unknown)).text

    assert "Block for 7 days" not in html and "its source cannot be blocked" in html


def test_the_authors_email_and_the_source_never_appear_in_the_admin(data):
    item = waiting_comment(data, email=EMAIL, source=SOURCE)
    client = logged_in(data["moderator"])
    client.post(comment_url(item, "block/"), {"days": 1})

    for url in (QUEUE, f"{QUEUE}?show=all", comment_url(item), f"{QUEUE}blocked/", "/admin/"):
        html = client.get(url).text
        assert EMAIL not in html and "hidden-reader" not in html, url
        assert SOURCE[:8] not in html, url


# Blocking a source


def test_blocking_a_source_refuses_its_later_comments_and_marks_its_waiting_ones_spam(data):
    item = waiting_comment(data, source=SOURCE)
    other = waiting_comment(data, source=SOURCE)

    response = logged_in(data["moderator"]).post(comment_url(item, "block/"), {"days": 7}, follow=True)

    assert (
        "refused for 7 days" in response.text and "2 comments from it that waited were marked as spam" in response.text
    )
    assert Comment.objects.get(pk=other.pk).status == CommentStatus.SPAM
    with pytest.raises(ValidationError):
        posted(data["story"], source=SOURCE)
    assert posted(data["story"], source="e" * 64).comment.status == CommentStatus.PENDING


def test_a_comment_of_unknown_source_cannot_be_blocked_and_the_page_says_why(data):
    item = waiting_comment(data, source="")

    response = logged_in(data["moderator"]).post(comment_url(item, "block/"), {"days": 7}, follow=True)

    assert "Where this comment came from is not known" in response.text
    assert not BlockedSource.objects.exists()


def test_a_block_of_another_length_is_refused(data):
    item = waiting_comment(data, source=SOURCE)

    response = logged_in(data["moderator"]).post(comment_url(item, "block/"), {"days": 365}, follow=True)

    assert "Choose for how long to block." in response.text
    assert not BlockedSource.objects.exists()


def test_the_blocked_sources_list_who_blocked_until_when_and_unblock_takes_comments_again(data):
    item = waiting_comment(data, source=SOURCE)
    client = logged_in(data["moderator"])
    client.post(comment_url(item, "block/"), {"days": 30})
    block = BlockedSource.objects.get()

    listing = client.get(f"{QUEUE}blocked/").text
    assert "moderator" in listing and comment_url(item) in listing

    response = client.post(f"{QUEUE}blocked/{block.pk}/unblock/", follow=True)

    assert "The source is unblocked" in response.text
    assert not BlockedSource.objects.exists()
    assert posted(data["story"], source=SOURCE).comment.pk


def test_the_queue_links_to_the_blocked_sources(data):
    assert reverse("discussion_comments:blocked") in logged_in(data["moderator"]).get(QUEUE).text


# The dashboard


def queue_items(user: Any) -> list[Any]:
    return {queue.name: items for queue, items in waiting.waiting_for(user)}.get("discussion_comments", [])


def test_the_dashboard_shows_moderators_and_editors_how_many_wait_and_the_oldest(data):
    oldest = waiting_comment(data, text="The oldest waiting comment.")
    waiting_comment(data)

    for role in ("moderator", "editor"):
        items = queue_items(data[role])
        assert items[0].title == "2 comments wait" and items[0].url == QUEUE
        assert items[1].title == "The oldest waiting comment." and items[1].url == comment_url(oldest)
    assert "Comments to moderate" in logged_in(data["moderator"]).get("/admin/").text


def test_the_dashboard_shows_no_comments_to_coordinators_and_translators_nor_when_none_wait(data):
    waiting_comment(data)
    assert queue_items(data["coordinator"]) == [] and queue_items(data["translator"]) == []
    Comment.objects.update(status=CommentStatus.APPROVED)
    assert queue_items(data["moderator"]) == []


# The comments' settings (Settings › Comments)


def settings_url() -> str:
    return reverse("wagtailsettings:edit", args=["discussion", "discussionsettings"])


def test_an_editor_opens_and_saves_the_comments_settings(data):
    client = logged_in(data["editor"])
    form = client.get(settings_url(), follow=True)
    assert form.status_code == 200 and "close comments after (days)" in form.text.lower()

    response = client.post(form.request["PATH_INFO"], {"moderation": CommentsMode.POST, "close_after_days": "30"})

    assert response.status_code == 302
    saved = DiscussionSettings.load()
    assert saved.moderation == CommentsMode.POST and saved.close_after_days == 30


def test_a_moderator_cannot_open_the_comments_settings(data):
    client = logged_in(data["moderator"])
    edit_url = client.get(settings_url()).url  # Wagtail's address of the one settings row
    assert refused(client.get(edit_url))
    assert refused(client.post(edit_url, {"moderation": CommentsMode.POST, "close_after_days": ""}))
    assert DiscussionSettings.load().moderation == CommentsMode.PRE
