"""The question form: where each question goes (a country's coordinators, the editors, a chosen contact, a
campaign's contacts), the emails it causes, what is kept (encrypted), bad input refused with nothing kept, bad
addresses answered 404, and a page that stays cacheable."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone, translation

from solidarity.core.models import OutgoingEmail
from solidarity.discussion import services
from solidarity.discussion.models import Question
from tests.campaigns import factories as campaign_factories
from tests.discussion.factories import question
from tests.factories import staff_member
from tests.mail import delivered
from tests.shared import shared_data
from tests.spam import guard_fields

pytestmark = pytest.mark.django_db

FORM = "/en/questions/"
SENT = "/en/questions/sent/"


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        campaign = campaign_factories.campaign_page(title="Day of solidarity with Belarus")
        yield {
            "campaign": campaign,
            "editor": staff_member("editor", "Editors"),
            "by_coordinator": staff_member("by-coordinator", "Country coordinators", ["BY"]),
            "kz_coordinator": staff_member("kz-coordinator", "Country coordinators", ["KZ"]),
            "contact": campaign_factories.contact(
                campaign, country="GE", name="Nino", role="Coordinator for Georgia", email="nino@example.org"
            ),
            "am_contact": campaign_factories.contact(campaign, country="AM", name="Anahit", email="anahit@example.org"),
            "no_email": campaign_factories.contact(campaign, country="AM", name="Aram", email=""),
            "draft": campaign_factories.campaign_page(title="Draft campaign", publish=False),
        }


def post(**overrides) -> dict:
    return {
        "name": "Olga",
        "email": "olga@example.org",
        "country": "BY",
        "topic": "other",
        "message": "How can I help the prisoners' families?",
        **guard_fields(),
        **overrides,
    }


def recipients() -> list[str]:
    return sorted(address for email in delivered() for address in email.to)


def errors_of(response) -> str:
    html = response.content.decode()
    return " ".join(re.findall(r'class="form-field__errors"[^>]*>(.*?)</ul>', html, re.S))


# Where a question goes


def test_a_question_about_belarus_goes_to_the_belarus_coordinator_only(client, data):
    response = client.post(FORM, post())

    assert response.status_code == 303
    assert response["Location"] == SENT
    kept = Question.objects.get()
    assert kept.inbox_country_id == "BY" and kept.country_id == "BY" and kept.language == "en"
    assert recipients() == ["by-coordinator@example.org", "olga@example.org"]  # not KZ's, not the editor


def test_a_press_question_goes_to_the_editors(client, data):
    client.post(FORM, post(topic="press"))

    assert Question.objects.get().inbox_country is None
    assert recipients() == ["editor@example.org", "olga@example.org"]


def test_a_question_about_a_country_without_coordinator_or_contact_goes_to_the_editors(client, data):
    client.post(FORM, post(country="FR"))

    kept = Question.objects.get()
    assert kept.country_id == "FR" and kept.inbox_country is None
    assert recipients() == ["editor@example.org", "olga@example.org"]


def test_a_question_about_no_country_in_particular_goes_to_the_editors(client, data):
    client.post(FORM, post(country=""))

    assert Question.objects.get().inbox_country is None


def test_a_chosen_contact_gets_the_question_with_the_sender_to_reply_to(client, data):
    contact = data["contact"]
    url = f"{FORM}?contact={contact.pk}"
    page = client.get(url).content.decode()

    assert "To: Nino, Coordinator for Georgia" in page
    assert 'name="country"' not in page and "nino@example.org" not in page
    assert data["campaign"].url in page  # the campaign named, with a link back
    response = client.post(url, post(country="BY"))  # a country typed in anyway counts for nothing
    assert response["Location"] == f"{SENT}?campaign={data['campaign'].translation_key}"
    kept = Question.objects.get()
    assert (kept.contact, kept.country_id, kept.inbox_country_id) == (contact, "GE", "GE")
    [to_contact] = [email for email in delivered() if email.to == ["nino@example.org"]]
    assert to_contact.reply_to == ["olga@example.org"]
    assert "How can I help the prisoners' families?" in to_contact.body
    sent = client.get(response["Location"]).content.decode()
    assert "Your message was sent" in sent and data["campaign"].url in sent


def test_a_question_about_joining_from_a_campaign_goes_to_its_contacts_for_the_country(client, data):
    url = f"{FORM}?campaign={data['campaign'].translation_key}"

    assert data["campaign"].url in client.get(url).content.decode()
    client.post(url, post(country="AM", topic="joining"))

    kept = Question.objects.get()
    assert kept.campaign_key == data["campaign"].translation_key and kept.inbox_country_id == "AM"
    assert recipients() == ["anahit@example.org", "olga@example.org"]  # Aram has no email


def test_the_acknowledgement_is_in_the_senders_language(client, data):
    client.post("/ru/questions/", post())

    assert Question.objects.get().language == "ru"
    mail = OutgoingEmail.objects.get(purpose="discussion.question_received")
    assert mail.language == "ru"
    with translation.override("ru"):
        assert mail.subject == translation.gettext("We received your message")


def test_name_email_and_text_are_kept_encrypted(client, data):
    client.post(FORM, post())

    kept = Question.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, text FROM discussion_question WHERE id = %s", [kept.pk])
        row = cursor.fetchone()
    assert "Olga" not in row[0] and "olga@example.org" not in row[1] and "prisoners" not in row[2]
    assert (kept.name, kept.email) == ("Olga", "olga@example.org")


def test_a_question_sent_twice_is_kept_and_mailed_once(client, data, django_capture_on_commit_callbacks):
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(FORM, post())["Location"] == SENT
    assert Question.objects.count() == 1
    assert recipients() == ["by-coordinator@example.org", "olga@example.org"]


# Bad input: a clear message, what was typed kept, nothing stored


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "<script>alert(1)</script>", "Enter an email address such as name@example.org."),
        ("country", "<script>alert(1)</script>", "Choose a country from the list."),
        ("country", "XX", "Choose a country from the list."),
        ("topic", "<b>urgent</b>", "Choose what your question is about."),
        ("topic", "lottery", "Choose what your question is about."),
        ("message", "m" * 100_000, "at most 5000 characters"),
        ("name", "n" * 100_000, "at most 80 characters"),
        ("email", "e" * 100_000 + "@example.org", "at most 254 characters"),
        ("name", "", "Give your name."),
        ("message", "   ", "Write your message."),
    ],
)
def test_bad_input_is_refused_clearly_and_nothing_is_kept(client, data, field, value, message):
    response = client.post(FORM, post(**{field: value}))

    assert response.status_code == 200
    assert message in errors_of(response)
    assert "no-store" in response["Cache-Control"]
    assert not Question.objects.exists() and not OutgoingEmail.objects.exists()
    if field != "message":
        assert "How can I help the prisoners&#x27; families?" in response.content.decode()  # what was typed, kept


def test_html_in_the_name_and_text_is_kept_as_text_and_never_run(client, data):
    response = client.post(FORM, post(name="<script>alert(1)</script>", message="<img src=x onerror=alert(1)>"))

    assert response.status_code == 303
    kept = Question.objects.get()
    assert kept.name == "<script>alert(1)</script>" and kept.text == "<img src=x onerror=alert(1)>"
    # Shown escaped in the inbox: tests/discussion/test_questions_admin.py


def test_a_form_from_another_site_is_refused(client, data):
    response = client.post(FORM, post(), headers={"Sec-Fetch-Site": "cross-site"})

    assert response.status_code == 403
    assert not Question.objects.exists()


# Addresses


@pytest.mark.parametrize("value", ["abc", "99999999", "9" * 40, "-1", "1.5", "%00", "١٢"])
def test_an_unknown_contact_is_not_found(client, data, value):
    assert client.get(FORM, {"contact": value}).status_code == 404
    assert client.post(f"{FORM}?contact={value}", post()).status_code == 404
    assert not Question.objects.exists()


@pytest.mark.parametrize("value", ["abc", "x" * 300, "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_campaign_is_not_found(client, data, value):
    assert client.get(FORM, {"campaign": value}).status_code == 404


def test_a_draft_campaign_is_not_named(client, data):
    assert client.get(FORM, {"campaign": str(data["draft"].translation_key)}).status_code == 404
    draft_contact = campaign_factories.contact(data["draft"], country="BY", email="hidden@example.org")
    assert client.get(FORM, {"contact": draft_contact.pk}).status_code == 404


def test_a_contact_without_email_gets_a_page_saying_so(client, data):
    response = client.get(FORM, {"contact": data["no_email"].pk})

    assert response.status_code == 404
    text = response.content.decode()
    assert "Aram takes no messages through the site" in text
    assert f"{FORM}?campaign={data['campaign'].translation_key}" in text
    assert 'name="message"' not in text


def test_the_form_is_a_cacheable_public_page(client, data):
    for url in (FORM, f"{FORM}?contact={data['contact'].pk}", f"/ru{FORM[3:]}"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.cookies == {}, url
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert "no-store" not in response.get("Cache-Control", "")
        assert "Set-Cookie" not in response


def test_the_sent_page_is_never_cached_and_not_indexed(client, data):
    response = client.get(SENT)

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert "Your message was sent" in response.content.decode()


def test_the_footer_links_to_the_form(client, data):
    assert f'href="{FORM}"' in client.get(SENT).content.decode()


# Keeping


def test_questions_go_after_a_year(data):
    old = question()
    Question.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    new = question()

    services.personal_data_purge()

    assert list(Question.objects.values_list("pk", flat=True)) == [new.pk]
