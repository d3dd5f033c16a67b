"""The questions' inboxes in the admin: a coordinator sees their countries' inbox, an editor the editors' inbox
by default and every other on asking; the listing never shows who wrote or what; a question's page shows the
sender, "Reply by email" in the question's language, and marks it answered (its inbox's coordinator, an editor)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from wagtail.models import ModelLogEntry

from solidarity.core.waiting import waiting_for
from solidarity.discussion.models import Question
from tests.discussion.factories import question
from tests.factories import staff_member
from tests.shared import shared_data
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

INBOX = "/admin/questions/"


def page_of(record: Question) -> str:
    return f"{INBOX}{record.pk}/"


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        people = {
            "editor": staff_member("editor", "Editors"),
            "by": staff_member("by-coordinator", "Country coordinators", ["BY"]),
            "kz": staff_member("kz-coordinator", "Country coordinators", ["KZ"]),
            "translator": staff_member("translator", "Translators"),
        }
        questions = {
            "belarus": question(country="BY", name="Secret Sender", email="sender@example.org", text="belarusmarker"),
            "kazakhstan": question(country="KZ", text="kazakhmarker"),
            "press": question(country="BY", topic="press", text="pressmarker", language="ru"),
            "html": question(country="BY", name="<script>alert(1)</script>", text="<img src=x onerror=alert(1)>"),
        }
        yield {**people, **questions}


def logged_in(user: Any) -> Client:
    client = Client()
    login_staff(client, user)
    return client


def listed(response: Any) -> set[int]:
    text = response.content.decode()
    return {record.pk for record in Question.objects.all() if page_of(record) in text}


def test_the_belarus_coordinator_sees_the_belarus_inbox_only(data):
    response = logged_in(data["by"]).get(INBOX)

    assert response.status_code == 200
    assert listed(response) == {data["belarus"].pk, data["html"].pk}  # the press question is the editors'


def test_the_kazakhstan_coordinator_does_not_see_the_belarus_question(data):
    client = logged_in(data["kz"])

    assert listed(client.get(INBOX)) == {data["kazakhstan"].pk}
    assert listed(client.get(INBOX, {"inbox": "BY"})) == {data["kazakhstan"].pk}  # a country not theirs: ignored
    assert client.get(page_of(data["belarus"])).status_code == 404


def test_an_editor_sees_the_editors_inbox_first_then_all_or_one_countrys(data):
    client = logged_in(data["editor"])

    assert listed(client.get(INBOX)) == {data["press"].pk}
    assert listed(client.get(INBOX, {"inbox": "all"})) == {q.pk for q in Question.objects.all()}
    assert listed(client.get(INBOX, {"inbox": "KZ"})) == {data["kazakhstan"].pk}


def test_the_inbox_filters_by_topic_and_state(data, django_assert_max_num_queries):
    client = logged_in(data["editor"])

    assert listed(client.get(INBOX, {"inbox": "all", "topic": "press"})) == {data["press"].pk}
    assert listed(client.get(INBOX, {"inbox": "all", "state": "answered"})) == set()
    assert len(listed(client.get(INBOX, {"inbox": "all", "state": "waiting"}))) == 4
    assert client.get(INBOX, {"inbox": "<x>", "topic": "'", "state": "9", "p": "x"}).status_code == 200
    with django_assert_max_num_queries(30):
        client.get(INBOX, {"inbox": "all"})


def test_the_listing_never_shows_who_wrote_or_what(data):
    text = logged_in(data["editor"]).get(INBOX, {"inbox": "all"}).content.decode()

    assert "Secret Sender" not in text and "sender@example.org" not in text and "belarusmarker" not in text


def test_a_translator_has_no_inbox(data):
    client = logged_in(data["translator"])

    assert client.get(INBOX).status_code in (302, 403)
    assert client.get(page_of(data["belarus"])).status_code in (302, 403)
    assert client.post(page_of(data["belarus"]), {"answered": "yes"}).status_code in (302, 403)
    assert Question.objects.get(pk=data["belarus"].pk).answered_at is None


def test_a_questions_page_shows_the_sender_and_a_reply_link(data):
    text = logged_in(data["by"]).get(page_of(data["belarus"])).content.decode()

    assert "Secret Sender" in text and "belarusmarker" in text
    [link] = [unquote(found) for found in re.findall(r'href="(mailto:[^"]+)"', text)]
    assert link.startswith("mailto:sender@example.org?subject=Re: ")


def test_the_reply_subject_is_in_the_questions_language(data):
    text = logged_in(data["editor"]).get(page_of(data["press"])).content.decode()

    [link] = re.findall(r'href="(mailto:[^"]+)"', text)
    with translation.override("ru"):
        expected = translation.gettext("Re: your question to %(site)s") % {"site": settings.SOLIDARITY_SITE_NAME}
    assert unquote(link.split("?subject=")[1]) == expected


def test_html_that_was_sent_is_shown_as_text(data):
    text = logged_in(data["by"]).get(page_of(data["html"])).content.decode()

    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<img src=x" not in text


def test_the_belarus_coordinator_marks_a_belarus_question_answered_and_not_again(data):
    client = logged_in(data["by"])
    url = page_of(data["belarus"])

    assert client.post(url, {"answered": "yes"}).status_code == 302
    marked = Question.objects.get(pk=data["belarus"].pk)
    assert marked.answered_by == data["by"] and marked.answered_at is not None
    assert "Mark as not answered" in client.get(url).content.decode()
    client.post(url, {"answered": "no"})
    assert Question.objects.get(pk=data["belarus"].pk).answered_at is None
    entries = ModelLogEntry.objects.filter(object_id=str(data["belarus"].pk), user=data["by"]).order_by("pk")
    assert [entry.action for entry in entries] == ["discussion.question_answered", "discussion.question_reopened"]
    assert all("olga" not in str(entry.data).lower() and "@" not in entry.label for entry in entries)


def test_the_kazakhstan_coordinator_cannot_mark_a_belarus_question(data):
    response = logged_in(data["kz"]).post(page_of(data["belarus"]), {"answered": "yes"})

    assert response.status_code in (403, 404)
    assert Question.objects.get(pk=data["belarus"].pk).answered_at is None


def test_an_editor_marks_any_question(data):
    logged_in(data["editor"]).post(page_of(data["kazakhstan"]), {"answered": "yes"})

    assert Question.objects.get(pk=data["kazakhstan"].pk).answered_by == data["editor"]


def test_questions_wait_on_the_dashboard_in_their_inboxes(data):
    def waiting(user: Any) -> set[str]:
        return {
            item.url for queue, items in waiting_for(user) if queue.name == "discussion_questions" for item in items
        }

    assert waiting(data["by"]) == {page_of(data["belarus"]), page_of(data["html"])}
    assert waiting(data["editor"]) == {page_of(data["press"])}
    assert waiting(data["translator"]) == set()
    assert "Secret Sender" not in logged_in(data["by"]).get("/admin/").content.decode()


def test_the_menu_shows_questions_to_coordinators_not_to_translators(data):
    assert f'"{INBOX}"' in logged_in(data["by"]).get("/admin/").content.decode().replace("&quot;", '"')
    assert f'"{INBOX}"' not in logged_in(data["translator"]).get("/admin/").content.decode().replace("&quot;", '"')
