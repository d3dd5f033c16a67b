"""The public comment pages (discussion.comment_views): posting under pre- and post-moderation, replies, reports,
the author's private link (change, delete, too late), closed and switched-off pages, bad input; htmx answers."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from solidarity.core.discussable import CommentsMode
from solidarity.discussion import services
from solidarity.discussion.models import Comment, CommentStatus
from tests.calls import factories as calls
from tests.campaigns import factories as campaigns
from tests.discussion.factories import comment, moderation, posted
from tests.factories import StoryPageFactory
from tests.spam import guard_fields

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # the service's double-post memory and the guard's counts
    yield
    cache.clear()


@pytest.fixture
def story():
    moderation(CommentsMode.PRE)
    return StoryPageFactory(title="Trial in Minsk", countries=["BY"])


def post_url(page) -> str:
    return reverse("discussion:comment_post", kwargs={"page_id": page.pk})


def reply_url(parent) -> str:
    return reverse("discussion:comment_reply", kwargs={"pk": parent.pk})


def report_url(target) -> str:
    return reverse("discussion:comment_report", kwargs={"pk": target.pk})


def fields(**values) -> dict[str, str]:
    return {"name": "Olga", "email": "", "text": "We stand with you.", **guard_fields(), **values}


def private_token(response) -> str:
    return re.search(r"/comments/yours/([^/]+)/", response["Location"]).group(1)


def test_pre_moderated_comment_waits_and_the_author_gets_a_private_page(client, story):
    response = client.post(post_url(story), fields())

    assert response.status_code == 303
    assert "no-store" in response["Cache-Control"]
    [saved] = Comment.objects.all()
    assert saved.status == CommentStatus.PENDING
    assert saved.language == "en"
    private = client.get(response["Location"])
    assert private.status_code == 200
    assert "no-store" in private["Cache-Control"]
    assert "Your comment waits for a moderator" in private.content.decode()
    assert "We stand with you." not in client.get(story.url).content.decode()
    assert "Comments appear after a moderator approved them." in client.get(story.url).content.decode()


def test_post_moderated_comment_is_public_at_once(client, story):
    moderation(CommentsMode.POST)
    response = client.post(post_url(story), fields(text="Free them all."))

    assert "Your comment is published" in client.get(response["Location"]).content.decode()
    page = client.get(story.url).content.decode()
    saved = Comment.objects.get()
    assert f'id="comment-{saved.pk}"' in page
    assert "Free them all." in page and "Olga" in page


def test_the_page_shows_threads_oldest_first_and_a_removed_top_comment_with_replies(client, story):
    first = comment(story, text="First thought")
    second = comment(story, text="Second thought")
    removed = comment(story, text="Hidden thought", status=CommentStatus.REJECTED)
    comment(story, text="Reply to hidden", parent=removed)
    comment(story, text="Reply to first", parent=first)
    comment(story, text="Waiting reply", parent=first, status=CommentStatus.PENDING)

    page = client.get(story.url).content.decode()

    assert page.index("First thought") < page.index("Reply to first") < page.index("Second thought")
    assert "This comment was removed." in page and "Reply to hidden" in page
    assert "Hidden thought" not in page and "Waiting reply" not in page
    assert f'href="{reply_url(second)}"' in page and f'href="{report_url(second)}"' in page


def test_only_the_newest_threads_are_on_the_page_and_the_list_has_them_all(client, story, monkeypatch):
    monkeypatch.setattr("solidarity.discussion.queries.THREADS_SHOWN", 2)
    monkeypatch.setattr("solidarity.discussion.queries.THREADS_PER_PAGE", 2)
    start = timezone.now() - datetime.timedelta(hours=1)
    for number in range(3):
        comment(story, text=f"Thought {number}", created_at=start + datetime.timedelta(minutes=number))

    page = client.get(story.url).content.decode()
    list_url = reverse("discussion:comment_list", kwargs={"page_id": story.pk})

    assert "Thought 0" not in page and "Thought 1" in page and "Thought 2" in page
    assert list_url in page
    first = client.get(list_url).content.decode()
    assert "Thought 0" in first and "Thought 1" in first and "Thought 2" not in first
    assert story.url in first
    assert "Thought 2" in client.get(list_url + "?page=2").content.decode()
    assert client.get(list_url + "?page=x").status_code == 200


def test_the_list_of_an_unknown_page_is_a_404(client):
    assert client.get(reverse("discussion:comment_list", kwargs={"page_id": 999999})).status_code == 404


def test_a_reply_to_a_reply_answers_the_top_comment(client, story):
    moderation(CommentsMode.POST)
    top = comment(story)
    reply = comment(story, parent=top)

    assert client.get(reply_url(reply)).status_code == 200
    response = client.post(reply_url(reply), fields(text="Agreed."))

    assert response.status_code == 303
    assert Comment.objects.get(text="Agreed.").parent == top


@pytest.mark.parametrize("status", [CommentStatus.PENDING, CommentStatus.REJECTED, CommentStatus.DELETED])
def test_a_reply_to_a_comment_not_public_is_refused_and_nothing_is_stored(client, story, status):
    gone = comment(story, status=status)

    assert client.get(reply_url(gone)).status_code == 404
    response = client.post(reply_url(gone), fields(text="Hello?"))

    assert response.status_code == 400
    assert "no longer there" in response.content.decode()
    assert "Hello?" in response.content.decode()  # what was typed is kept
    assert not Comment.objects.filter(text="Hello?").exists()


def test_a_reply_to_an_unknown_comment_is_a_404(client):
    assert client.get(reverse("discussion:comment_reply", kwargs={"pk": 999999})).status_code == 404
    assert client.post(reverse("discussion:comment_reply", kwargs={"pk": 999999}), fields()).status_code == 404


def test_a_report_thanks_the_reader_and_counts_once_per_source(client, story):
    moderation(CommentsMode.POST)
    target = comment(story)

    form = client.get(report_url(target))
    response = client.post(report_url(target), guard_fields(), REMOTE_ADDR="203.0.113.7")
    again = client.post(report_url(target), guard_fields(), REMOTE_ADDR="203.0.113.7")

    assert form.status_code == 200 and "Report this comment" in form.content.decode()
    assert "the moderators will look at it" in response.content.decode()
    assert "the moderators will look at it" in again.content.decode()  # the same answer, counted once
    target.refresh_from_db()
    assert (target.reports, target.status) == (1, CommentStatus.APPROVED)  # post-moderation: public until decided


def test_a_report_under_pre_moderation_hides_the_comment_until_approved(client, story):
    target = comment(story, text="Reported words")

    client.post(report_url(target), guard_fields())

    target.refresh_from_db()
    assert target.status == CommentStatus.PENDING and target.reported_at is not None
    assert "Reported words" not in client.get(story.url).content.decode()


@pytest.mark.parametrize("status", [CommentStatus.PENDING, CommentStatus.SPAM])
def test_only_public_comments_can_be_reported(client, story, status):
    hidden = comment(story, status=status)

    assert client.get(report_url(hidden)).status_code == 404
    assert client.post(report_url(hidden), guard_fields()).status_code == 404
    hidden.refresh_from_db()
    assert hidden.reports == 0


def test_a_report_with_the_honeypot_filled_is_refused(client, story):
    target = comment(story)

    response = client.post(report_url(target), {**guard_fields(), "guard_homepage": "spam"})

    assert response.status_code == 400
    target.refresh_from_db()
    assert target.reports == 0


def test_the_author_changes_the_text_within_the_time(client, story):
    result = posted(story, text="Frist version")
    url = reverse("discussion:comment_private", kwargs={"token": result.token})

    response = client.post(url, {"action": "edit", "text": "First version"})

    assert response.status_code == 200
    assert "Your change is saved." in response.content.decode()
    assert Comment.objects.get().text == "First version"


def test_the_author_may_not_change_the_text_after_the_time(client, story):
    result = posted(story, text="Old words")
    Comment.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=services.EDIT_MINUTES + 1))
    url = reverse("discussion:comment_private", kwargs={"token": result.token})

    page = client.get(url).content.decode()
    response = client.post(url, {"action": "edit", "text": "New words"})

    assert "that time is over" in page and 'name="text"' not in page
    assert response.status_code == 400
    assert "that time is over" in response.content.decode()
    assert Comment.objects.get().text == "Old words"


def test_the_author_deletes_the_comment_after_confirming(client, story):
    result = posted(story, email="olga@example.org")
    url = reverse("discussion:comment_private", kwargs={"token": result.token})

    confirm = client.post(url, {"action": "delete"})
    assert Comment.objects.get().status == CommentStatus.PENDING  # not before the confirmation
    assert "Yes, delete my comment" in confirm.content.decode()
    done = client.post(url, {"action": "delete", "confirm": "yes"})

    assert "Your comment was deleted" in done.content.decode()
    saved = Comment.objects.get()
    assert (saved.status, saved.text, saved.author_name, saved.email) == (CommentStatus.DELETED, "", "", None)
    assert client.get(url).status_code == 410


def test_a_refused_comment_has_no_form_on_its_private_page(client, story):
    result = posted(story)
    Comment.objects.update(status=CommentStatus.REJECTED)

    response = client.get(reverse("discussion:comment_private", kwargs={"token": result.token}))

    assert response.status_code == 410
    assert "did not publish" in response.content.decode() and 'name="text"' not in response.content.decode()


@pytest.mark.parametrize("token", ["unknown", "x" * 200])
def test_an_unknown_token_is_a_private_404(client, token):
    response = client.get(reverse("discussion:comment_private", kwargs={"token": token}))

    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]


def test_a_private_page_refuses_a_post_from_another_site(client, story):
    result = posted(story)
    url = reverse("discussion:comment_private", kwargs={"token": result.token})

    response = client.post(url, {"action": "delete", "confirm": "yes"}, HTTP_SEC_FETCH_SITE="cross-site")

    assert response.status_code == 403
    assert Comment.objects.get().status == CommentStatus.PENDING


def test_a_double_post_is_kept_once_and_says_so_without_a_link(client, story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(post_url(story), fields())
    second = client.post(post_url(story), fields())

    assert first.status_code == 303
    assert second.status_code == 200
    assert "already received" in second.content.decode()
    assert "/comments/yours/" not in second.content.decode()
    assert Comment.objects.count() == 1


def test_a_closed_page_shows_its_comments_but_takes_none(client, story):
    moderation(CommentsMode.POST, close_after_days=1)
    story.first_published_at = timezone.now() - datetime.timedelta(days=2)
    story.save()
    old = comment(story, text="Said before closing")

    page = client.get(story.url).content.decode()
    response = client.post(post_url(story), fields(text="Too late"))
    reply = client.post(reply_url(old), fields(text="Too late too"))

    assert "Said before closing" in page and "Comments on this page are closed." in page
    assert 'name="text"' not in page and "htmx.min.js" not in page
    assert f'href="{reply_url(old)}"' not in page
    assert response.status_code == 403 and reply.status_code == 403
    assert "Comments on this page are closed." in response.content.decode()
    assert Comment.objects.count() == 1


def test_a_page_with_comments_off_shows_nothing_of_them(client, story):
    comment(story, text="Said before switching off")
    story.comments_mode = CommentsMode.OFF
    story.save()

    page = client.get(story.url).content.decode()

    assert "Said before switching off" not in page and 'id="comments"' not in page
    assert client.get(post_url(story)).status_code == 404
    assert client.post(post_url(story), fields()).status_code == 404
    assert Comment.objects.count() == 1


def test_an_unknown_or_unpublished_page_is_a_404(client, story):
    assert client.post(reverse("discussion:comment_post", kwargs={"page_id": 999999}), fields()).status_code == 404
    story.unpublish()
    assert client.post(post_url(story), fields()).status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"text": "x" * 100_000}, "at most 5000 characters long (this one has 100000)"),
        ({"text": " ".join(f"https://example.org/{n}" for n in range(50))}, "at most 3 links (this one has 50)"),
        ({"text": "   "}, "Write your comment."),
        ({"name": ""}, "Give a name or a pseudonym."),
        ({"name": "n" * 500}, "The name can be at most 80 characters long."),
        ({"email": "not an address"}, "Enter an email address"),
        ({"guard_homepage": "http://spam.example"}, "Leave the last field empty"),
    ],
    ids=["long text", "many links", "empty text", "no name", "long name", "bad email", "honeypot"],
)
def test_bad_input_is_refused_with_a_message_and_nothing_stored(client, story, values, message):
    response = client.post(post_url(story), fields(**values))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert not Comment.objects.exists()


def test_html_in_every_field_is_shown_escaped(client, story):
    moderation(CommentsMode.POST)
    script = "<script>alert(1)</script>"
    client.post(post_url(story), fields(name=f"Eve{script}", text=f"Look {script} <b>bold</b> https://example.org"))
    errors = client.post(post_url(story), fields(name=script, email=script, text=script + "x" * 6000))

    page = client.get(story.url).content.decode()
    assert script not in page and "<b>bold</b>" not in page
    assert "Eve&lt;script&gt;" in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert '<a href="https://example.org" rel="nofollow ugc noopener">https://example.org</a>' in page
    assert script not in errors.content.decode()


def test_a_form_sent_with_htmx_gets_its_fragment_with_the_private_link(client, story):
    response = client.post(post_url(story), fields(), **HTMX)

    body = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "<html" not in body
    assert "Your comment waits for a moderator" in body
    assert "/comments/yours/" in body


def test_a_form_sent_with_htmx_and_errors_gets_the_form_again(client, story):
    response = client.post(post_url(story), fields(text=""), **HTMX)

    body = response.content.decode()
    assert response.status_code == 200  # the fragment says what is wrong; a 4xx would be a console error
    assert "<html" not in body and "Write your comment." in body and 'hx-post="' in body
    assert "no-store" in response["Cache-Control"]


def test_reply_and_report_forms_load_in_place_with_htmx(client, story):
    target = comment(story)

    reply = client.get(reply_url(target), **HTMX)
    report = client.get(report_url(target), **HTMX)

    assert "<html" not in reply.content.decode() and 'hx-post="' + reply_url(target) in reply.content.decode()
    assert "<html" not in report.content.decode() and "Report this comment" in report.content.decode()
    assert "HX-Request" in reply["Vary"]


def test_the_page_loads_htmx_with_its_safe_configuration(client, story):
    page = client.get(story.url).content.decode()

    # Loaded when the reader starts using the comments (core/on-use.js), its settings first, before htmx starts.
    assert 'data-use-scripts="/static/discussion/comments.js /static/core/vendor/htmx/htmx.min.js"' in page
    assert '<script type="module" src="/static/core/on-use.js"></script>' in page
    assert 'src="/static/core/vendor/htmx/htmx.min.js"' not in page  # not for a reader who only reads
    assert "htmx-config" not in page  # a meta element has no place in the body
    script = Path(str(finders.find("discussion/comments.js"))).read_text(encoding="utf-8")
    for setting in ("includeIndicatorStyles: false", "allowEval: false", "allowScriptTags: false"):
        assert setting in script


def test_story_cards_count_public_comments_in_one_query(client, story):
    other = StoryPageFactory(title="Another trial", countries=["BY"])
    comment(story)
    comment(story)
    comment(other)
    comment(other, status=CommentStatus.PENDING)
    index = story.get_parent()

    page = client.get(index.url).content.decode()

    assert "2 comments" in page and "1 comment<" in page
    with CaptureQueriesContext(connection) as queries:
        client.get(index.url)
    assert sum("discussion_comment" in query["sql"] for query in queries.captured_queries) == 1


def test_a_flood_from_one_source_is_mostly_refused(client, story, settings):
    settings.SPAM_SOFT_LIMIT = 5
    settings.SPAM_HARD_LIMIT = 30
    statuses = [
        client.post(post_url(story), fields(text=f"Flood {n}"), REMOTE_ADDR="203.0.113.9").status_code
        for n in range(200)
    ]

    accepted = statuses.count(303)
    assert accepted <= settings.SPAM_SOFT_LIMIT
    assert all(status in (303, 429, 400) for status in statuses)
    assert statuses.count(429) >= 190
    assert not Comment.objects.published().exists()


@pytest.mark.parametrize(
    ("make", "heading"),
    [(calls.public_call, "Talk about this call"), (campaigns.campaign_page, "Talk about this campaign")],
    ids=["public call", "campaign"],
)
def test_calls_and_campaigns_have_their_section_with_their_comments(client, make, heading):
    moderation(CommentsMode.POST)
    page = make()
    comment(page, text="Count us in.")

    body = client.get(page.url).content.decode()

    assert 'id="comments"' in body and heading in body and "Count us in." in body
    assert f'action="{post_url(page)}"' in body
