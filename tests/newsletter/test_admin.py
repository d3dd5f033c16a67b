"""The newsletter's admin: editors (and superusers) compose, preview, test, schedule, send and stop mailings; other
roles are refused; a mailing that started sending is no longer edited; the progress shows while it sends and after;
no page of it shows a subscriber's address."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from solidarity.newsletter.models import Delivery, DeliveryState, Mailing, MailingKind, MailingState
from tests.factories import StoryPageFactory, staff_member
from tests.newsletter.factories import mailing, subscriber
from tests.shared import shared_data
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

INDEX = "/admin/newsletter/"
ADD = "/admin/newsletter/add/"
MENU_LINK = '"url": "/admin/newsletter/"'  # in the sidebar's data


def edit_url(record: Mailing) -> str:
    return f"/admin/newsletter/edit/{record.pk}/"


def page_url(name: str, record: Mailing) -> str:
    return f"/admin/newsletter/{name}/{record.pk}/"


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        story = StoryPageFactory(title="A strike in Minsk")
        no_email = staff_member("quiet-editor", "Editors")
        no_email.email = ""
        no_email.save(update_fields=["email"])
        yield {
            "editor": staff_member("editor", "Editors"),
            "no_email": no_email,
            "coordinator": staff_member("by-coordinator", "Country coordinators", ["BY"]),
            "moderator": staff_member("moderator", "Moderators"),
            "story": story,
            "readers": [
                subscriber("first.reader@example.org"),
                subscriber("second.reader@example.org", language="ru"),
                subscriber("third.reader@example.org", language="ru"),
                subscriber("unconfirmed.reader@example.org", confirmed=False),
            ],
        }


def logged_in(user: Any) -> Client:
    client = Client()
    login_staff(client, user)
    return client


def refused(response: Any) -> bool:
    """The admin's refusal: Wagtail sends who may not open a view back to the dashboard (or answers 403)."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


# Who may.


def test_editors_see_newsletter_in_the_menu_and_open_its_pages(data):
    client = logged_in(data["editor"])
    record = mailing(stories=[data["story"]])

    assert MENU_LINK in client.get("/admin/").content.decode()
    for address in (INDEX, ADD, edit_url(record), page_url("status", record), page_url("send-now", record)):
        assert client.get(address).status_code == 200, address


@pytest.mark.parametrize("role", ["coordinator", "moderator"])
def test_other_roles_are_refused_every_page(data, role):
    client = logged_in(data[role])
    record = mailing(stories=[data["story"]])

    assert MENU_LINK not in client.get("/admin/").content.decode()
    for address in (INDEX, ADD, edit_url(record), page_url("status", record), page_url("look", record)):
        assert refused(client.get(address)), address
    for name in ("send-now", "schedule", "cancel", "test"):
        assert refused(client.post(page_url(name, record), {"language": "en"})), name
    assert Mailing.objects.get(pk=record.pk).state == MailingState.DRAFT
    assert mail.outbox == []


def test_the_listing_counts_confirmed_subscribers_per_language(data):
    record = mailing(texts={"en": ("Spring news", "")}, stories=[data["story"]])
    Mailing.objects.filter(pk=record.pk).update(state=MailingState.SENDING, total_count=3, sent_count=2, failed_count=1)

    text = logged_in(data["editor"]).get(INDEX).content.decode()

    assert "Spring news" in text and "2 / 3" in text
    assert '<th scope="row">English</th><td>1</td>' in text  # the unconfirmed reader is not counted
    assert '<th scope="row">Russian</th><td>2</td>' in text


# Composing.


def mailing_form(texts: list[dict[str, str]], stories: list[int], **fields: Any) -> dict[str, Any]:
    return nested_form_data(
        {
            "kind": MailingKind.CHOSEN,
            "digest_days": 7,
            **fields,
            "texts": inline_formset(texts, min=1, max=6),
            "chosen_stories": inline_formset([{"story": pk} for pk in stories]),
        }
    )


def test_an_editor_composes_a_mailing_with_texts_and_ordered_stories(data):
    second = StoryPageFactory(title="A second story")
    form = mailing_form(
        [
            {"language": "en", "subject": "News of May", "intro": "What happened."},
            {"language": "ru", "subject": "Новости мая", "intro": "Что случилось."},
        ],
        [second.pk, data["story"].pk],
    )

    response = logged_in(data["editor"]).post(ADD, form)

    record = Mailing.objects.get()
    assert response.status_code == 302 and response.url == page_url("status", record)
    assert record.created_by == data["editor"] and record.state == MailingState.DRAFT
    assert {text.language: text.subject for text in record.texts.all()} == {"en": "News of May", "ru": "Новости мая"}
    assert [item.story.pk for item in record.chosen_stories.all()] == [second.pk, data["story"].pk]


def test_a_mailing_without_a_text_in_the_default_language_is_not_saved(data):
    form = mailing_form([{"language": "ru", "subject": "Новости", "intro": ""}], [data["story"].pk])

    response = logged_in(data["editor"]).post(ADD, form)

    assert response.status_code == 200
    assert "the site&#x27;s default language" in response.content.decode()
    assert not Mailing.objects.exists()


def test_a_language_written_twice_is_not_saved(data):
    form = mailing_form(
        [{"language": "en", "subject": "One", "intro": ""}, {"language": "en", "subject": "Two", "intro": ""}],
        [data["story"].pk],
    )

    response = logged_in(data["editor"]).post(ADD, form)

    assert response.status_code == 200
    assert not Mailing.objects.exists()


def test_a_mailing_that_started_sending_is_no_longer_edited(data):
    record = mailing(texts={"en": ("Old subject", "")}, stories=[data["story"]])
    Mailing.objects.filter(pk=record.pk).update(state=MailingState.SENDING)
    client = logged_in(data["editor"])
    form = mailing_form([{"language": "en", "subject": "New subject", "intro": ""}], [data["story"].pk])
    form["texts-INITIAL_FORMS"] = "0"

    opened = client.get(edit_url(record), follow=True)
    posted = client.post(edit_url(record), form)

    assert opened.redirect_chain[-1][0] == page_url("status", record)
    assert "it can no longer be changed" in opened.content.decode()
    assert posted.status_code == 302 and posted.url == page_url("status", record)
    assert str(Mailing.objects.get(pk=record.pk)) == "Old subject"


def test_a_mailing_that_starts_sending_while_its_form_is_saved_keeps_its_sending(data, monkeypatch):
    from solidarity.newsletter.admin_forms import MailingForm

    record = mailing(texts={"en": ("Old subject", "")}, stories=[data["story"]])
    Mailing.objects.filter(pk=record.pk).update(state=MailingState.SCHEDULED, send_at=timezone.now())
    checked = MailingForm.clean

    def started_meanwhile(form):  # the scheduled job starts it while the editor's form is checked
        Mailing.objects.filter(pk=record.pk).update(state=MailingState.SENDING, total_count=3, sent_count=1)
        return checked(form)

    monkeypatch.setattr(MailingForm, "clean", started_meanwhile)
    form = mailing_form([{"language": "en", "subject": "New subject", "intro": ""}], [data["story"].pk])
    form["texts-INITIAL_FORMS"] = "0"

    response = logged_in(data["editor"]).post(edit_url(record), form)

    record.refresh_from_db()
    assert response.status_code == 302 and response.url == page_url("status", record)
    assert (record.state, record.total_count, record.sent_count) == (MailingState.SENDING, 3, 1)
    assert str(record) == "Old subject"


def test_saving_the_form_of_a_scheduled_mailing_keeps_the_schedule_it_has_now(data, monkeypatch):
    from solidarity.newsletter.admin_forms import MailingForm

    record = mailing(texts={"en": ("Old subject", "")}, stories=[data["story"]])
    later = timezone.now() + datetime.timedelta(days=2)
    checked = MailingForm.clean

    def scheduled_meanwhile(form):  # scheduled in another tab while this form is saved
        Mailing.objects.filter(pk=record.pk).update(state=MailingState.SCHEDULED, send_at=later)
        return checked(form)

    monkeypatch.setattr(MailingForm, "clean", scheduled_meanwhile)
    text = record.texts.get()
    form = mailing_form([{"id": text.pk, "language": "en", "subject": "New subject", "intro": ""}], [])
    form["texts-INITIAL_FORMS"] = "1"

    logged_in(data["editor"]).post(edit_url(record), form)

    record.refresh_from_db()
    assert (record.state, record.send_at, str(record)) == (MailingState.SCHEDULED, later, "New subject")


def test_the_editor_previews_each_language_as_html_and_as_text(data):
    record = mailing(texts={"en": ("News of May", "Hello readers.")}, stories=[data["story"]])
    client = logged_in(data["editor"])

    page = client.get(page_url("look", record), {"language": "ru"})
    html = client.get(f"/admin/newsletter/sample/{record.pk}/en/")

    assert page.status_code == 200
    assert "News of May" in page.content.decode() and "List-Unsubscribe" in page.content.decode()
    assert "has no text in Russian" in page.content.decode()  # the fallback, told
    assert html.status_code == 200 and "A strike in Minsk" in html.content.decode()
    assert record.preview_modes[:2] == [("en", "English: HTML"), ("en-text", "English: plain text")]
    assert record.serve_preview(page.wsgi_request, "en-text")["Content-Type"].startswith("text/plain")


def test_the_preview_panel_shows_what_the_form_holds_before_it_is_saved(data):
    client = logged_in(data["editor"])
    form = mailing_form([{"language": "en", "subject": "Not saved yet", "intro": "Hello."}], [data["story"].pk])

    checked = client.post("/admin/newsletter/preview/", form)
    text = client.get("/admin/newsletter/preview/", {"mode": "ru-text"})
    html = client.get("/admin/newsletter/preview/", {"mode": "en"})

    assert checked.json()["is_valid"] is True
    assert text["Content-Type"].startswith("text/plain") and "Not saved yet" in text.content.decode()
    assert "A strike in Minsk" in html.content.decode()
    assert "'unsafe-inline'" in html["Content-Security-Policy"].split("style-src", 1)[1].split(";")[0]
    assert not Mailing.objects.exists()


def test_a_superuser_may_too(data, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "a long password 123")

    assert logged_in(boss).get(INDEX).status_code == 200


def test_a_scheduled_mailing_edited_into_a_problem_is_no_longer_scheduled(data):
    record = mailing(texts={}, stories=[])  # scheduled before its stories were taken out
    Mailing.objects.filter(pk=record.pk).update(state=MailingState.SCHEDULED, send_at=timezone.now())
    form = mailing_form([{"language": "en", "subject": "Now empty", "intro": ""}], [])

    response = logged_in(data["editor"]).post(edit_url(record), form, follow=True)

    record.refresh_from_db()
    assert record.state == MailingState.DRAFT and record.send_at is None
    assert "no longer scheduled" in response.content.decode()


# Sending.


def test_problems_refuse_sending_with_their_message(data):
    record = mailing(stories=[])
    client = logged_in(data["editor"])

    status = client.get(page_url("status", record)).content.decode()
    response = client.post(page_url("send-now", record))

    assert "A mailing with no stories cannot be sent: choose stories, or make it a digest." in status
    assert response.status_code == 200
    assert "A mailing with no stories cannot be sent" in response.content.decode()
    assert Mailing.objects.get(pk=record.pk).state == MailingState.DRAFT
    assert not Delivery.objects.exists()


def test_send_now_asks_first_then_starts_the_deliveries(data):
    record = mailing(stories=[data["story"]])
    client = logged_in(data["editor"])

    confirm = client.get(page_url("send-now", record)).content.decode()
    response = client.post(page_url("send-now", record))

    assert "goes to 3 confirmed subscribers" in confirm
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.state == MailingState.SENDING and record.total_count == 3
    assert Delivery.objects.filter(mailing=record).count() == 3
    assert ModelLogEntry.objects.filter(object_id=str(record.pk), action="newsletter.send_now").exists()


def test_a_schedule_in_the_past_is_refused_in_the_future_accepted(data):
    record = mailing(stories=[data["story"]])
    client = logged_in(data["editor"])
    past = timezone.localtime() - datetime.timedelta(hours=1)
    future = timezone.localtime() + datetime.timedelta(days=1)

    refused_response = client.post(page_url("schedule", record), {"send_at": past.strftime("%Y-%m-%d %H:%M")})
    state_after_refusal = Mailing.objects.get(pk=record.pk).state
    accepted = client.post(page_url("schedule", record), {"send_at": future.strftime("%Y-%m-%d %H:%M")})

    assert refused_response.status_code == 200
    assert "This time has passed" in refused_response.content.decode()
    # Said at the top of the page too (the form is further down): the page's messages carry it.
    assert any("This time has passed" in str(said) for said in refused_response.context["messages"])
    assert state_after_refusal == MailingState.DRAFT
    assert accepted.status_code == 302
    record.refresh_from_db()
    assert record.state == MailingState.SCHEDULED
    assert record.send_at is not None and abs(record.send_at - future) < datetime.timedelta(minutes=1)
    assert ModelLogEntry.objects.filter(object_id=str(record.pk), action="newsletter.schedule").count() == 1


def test_a_schedule_is_read_in_the_editors_own_time_zone_which_the_form_names(data):
    from wagtail.users.models import UserProfile

    editor = staff_member("almaty-editor", "Editors")
    profile = UserProfile.get_for_user(editor)
    profile.current_time_zone = "Asia/Almaty"  # UTC+5, no summer time
    profile.save()
    record = mailing(stories=[data["story"]])
    client = logged_in(editor)

    shown = client.get(page_url("status", record)).content.decode()
    client.post(page_url("schedule", record), {"send_at": "2030-01-15 12:00"})

    assert "in the time zone Asia/Almaty" in shown
    record.refresh_from_db()
    assert record.send_at == datetime.datetime(2030, 1, 15, 7, 0, tzinfo=datetime.UTC)


def test_cancel_sends_a_scheduled_mailing_back_to_draft(data):
    record = mailing(stories=[data["story"]])
    Mailing.objects.filter(pk=record.pk).update(
        state=MailingState.SCHEDULED, send_at=timezone.now() + datetime.timedelta(days=1)
    )

    response = logged_in(data["editor"]).post(page_url("cancel", record))

    record.refresh_from_db()
    assert response.status_code == 302
    assert record.state == MailingState.DRAFT and record.send_at is None
    assert ModelLogEntry.objects.filter(object_id=str(record.pk), action="newsletter.cancel").exists()


def test_the_test_goes_to_the_editor_only(data):
    record = mailing(stories=[data["story"]])

    response = logged_in(data["editor"]).post(page_url("test", record), {"language": "ru"})

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert mail.outbox[0].extra_headers["List-Unsubscribe"].startswith("<http")
    assert not Delivery.objects.filter(mailing=record).exists()
    assert ModelLogEntry.objects.filter(object_id=str(record.pk), action="newsletter.send_test").exists()


def test_an_editor_without_an_email_is_told_so(data):
    record = mailing(stories=[data["story"]])

    response = logged_in(data["no_email"]).post(page_url("test", record), {"language": "en"})

    assert response.status_code == 200
    assert "Your account has no email address" in response.content.decode()
    assert mail.outbox == []


def test_a_sending_mailing_is_not_deleted_a_draft_is(data):
    sending = mailing(stories=[data["story"]])
    Mailing.objects.filter(pk=sending.pk).update(state=MailingState.SENDING)
    draft = mailing(stories=[data["story"]])
    client = logged_in(data["editor"])

    client.post(f"/admin/newsletter/delete/{sending.pk}/")
    client.post(f"/admin/bulk/newsletter/mailing/delete/?id={sending.pk}")
    client.post(f"/admin/newsletter/delete/{draft.pk}/")

    assert list(Mailing.objects.values_list("pk", flat=True)) == [sending.pk]


# Progress, and least personal data.


def test_the_progress_page_shows_the_numbers_and_refreshes_while_sending(data):
    record = mailing(stories=[data["story"]])
    Mailing.objects.filter(pk=record.pk).update(
        state=MailingState.SENDING, total_count=10, sent_count=6, failed_count=1, skipped_count=2
    )
    client = logged_in(data["editor"])

    sending = client.get(page_url("status", record))
    Mailing.objects.filter(pk=record.pk).update(state=MailingState.SENT, sent_count=7)
    sent = client.get(page_url("status", record))

    text = sending.content.decode()
    assert "6 of 10" in text
    assert '<dd data-count="failed">1</dd>' in text and '<dd data-count="skipped">2</dd>' in text
    assert '<dd data-count="waiting">1</dd>' in text
    assert sending["Refresh"] == "5"
    assert "7 of 10" in sent.content.decode() and '<dd data-count="waiting">0</dd>' in sent.content.decode()
    assert "Refresh" not in sent


def test_stopping_a_sending_mailing_leaves_the_waiting_out(data):
    record = mailing(stories=[data["story"]])
    client = logged_in(data["editor"])
    client.post(page_url("send-now", record))
    Delivery.objects.filter(mailing=record).order_by("pk").filter(
        pk=Delivery.objects.filter(mailing=record).order_by("pk").first().pk  # type: ignore[union-attr]
    ).update(state=DeliveryState.SENT)

    client.post(page_url("cancel", record))

    record.refresh_from_db()
    assert record.state == MailingState.CANCELLED
    assert record.skipped_count == 2
    assert Delivery.objects.filter(mailing=record, state=DeliveryState.SKIPPED).count() == 2
    assert ModelLogEntry.objects.filter(object_id=str(record.pk), action="newsletter.stop").exists()


def test_no_admin_page_shows_a_subscribers_address(data):
    record = mailing(stories=[data["story"]])
    client = logged_in(data["editor"])
    client.post(page_url("send-now", record))
    pages = [INDEX, page_url("status", record), f"/admin/newsletter/history/{record.pk}/"]
    pages += [page_url("look", record), f"/admin/newsletter/sample/{record.pk}/en/"]
    draft = mailing(stories=[data["story"]])
    pages += [edit_url(draft), page_url("send-now", draft)]

    for address in pages:
        response = client.get(address)
        assert response.status_code == 200, address
        text = response.content.decode()
        assert "reader@example.org" not in text, address
