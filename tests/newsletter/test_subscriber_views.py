"""The newsletter's pages without JavaScript: the subscribe form, "check your email", the emailed confirmation link
(its GET shows a button, its POST confirms), the preferences page and unsubscribing (RFC 8058 one-click included);
and every bad case of the issue — each with a clear message, nothing half-saved, no 500, and the same answer
whether an address was subscribed or not."""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import Locale

from solidarity.newsletter import services
from solidarity.newsletter.models import Subscriber
from solidarity.stories.models import Topic
from tests.factories import StoryPageFactory, translate_story
from tests.mail import delivered, links_in
from tests.newsletter import factories
from tests.shared import shared_data
from tests.spam import guard_fields

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/en/newsletter/"
THANKS = "/en/newsletter/check-your-email/"


@pytest.fixture(scope="module")
def data(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        story = StoryPageFactory(title="Trial in Minsk", countries=["BY"], topics=["Prisons"])
        prisons = story.topics.get()
        russian = Topic.objects.create(
            locale=Locale.objects.get(language_code="ru"), name="Тюрьмы", translation_key=prisons.translation_key
        )
        translate_story(story, "ru", title="Суд в Минске", topics=[russian])
        draft = StoryPageFactory(title="Unpublished", topics=["Secret plans"], publish=False)
        yield SimpleNamespace(prisons=prisons, russian=russian, secret=draft.topics.get())


def form(**overrides) -> dict:
    return {"email": "ana@example.org", "language": "en", **guard_fields(), **overrides}


def text(response) -> str:
    return response.content.decode()


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def emailed_link(part: str) -> str:
    [link] = [link for link in links_in(delivered()[-1]) if part in link]
    return path_of(link)


def assert_private(response) -> None:
    assert response["Cache-Control"] == "no-store, private"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex"
    assert not response.cookies


def subscribed(client, **overrides) -> None:
    """Subscribe and confirm through the pages."""
    client.post(SUBSCRIBE, form(**overrides))
    client.post(emailed_link("/newsletter/confirm/"), {"action": "confirm"})


# The form


def test_the_form_offers_the_pages_language_and_its_topics(client, data):
    english = client.get(SUBSCRIBE)
    assert english.status_code == 200
    assert '<option value="en" selected>' in text(english)
    assert "Prisons" in text(english) and "Тюрьмы" not in text(english)
    assert "Secret plans" not in text(english)  # a topic only a draft has is shown to nobody

    russian = client.get("/ru/newsletter/")
    assert '<option value="ru" selected>' in text(russian)
    assert "Тюрьмы" in text(russian) and "Prisons" not in text(russian)


def test_subscribing_leads_to_check_your_email_and_mails_the_link(client, data):
    response = client.post(SUBSCRIBE, form(countries=["BY"], topics=[data.prisons.pk]))

    assert response.status_code == 303
    assert response["Location"] == THANKS
    subscriber = Subscriber.objects.get()
    assert list(subscriber.countries.values_list("code", flat=True)) == ["BY"]
    assert list(subscriber.topics.all()) == [data.prisons]
    thanks = client.get(THANKS)
    assert thanks.status_code == 200 and "Check your email" in text(thanks)
    assert "no-cache" in thanks["Cache-Control"] or "max-age=0" in thanks["Cache-Control"]
    assert "/newsletter/confirm/" in emailed_link("/newsletter/confirm/")


def test_the_language_chosen_is_the_emails(client, data):
    client.post("/ru/newsletter/", form(language="de"))

    assert Subscriber.objects.get().language == "de"
    assert emailed_link("/newsletter/confirm/").startswith("/de/newsletter/confirm/")


@pytest.mark.parametrize("email", ["not-an-email", "ana@", "", "<script>@example.org"])
def test_an_invalid_email_shows_the_form_again_with_a_message_and_stores_nothing(client, data, email):
    response = client.post(SUBSCRIBE, form(email=email))

    assert response.status_code == 200
    page = text(response)
    assert "Please check the form" in page
    assert "Enter an email address such as name@example.org." in page or "Enter your email address." in page
    assert "<script>@" not in page
    assert not Subscriber.objects.exists()
    assert delivered() == []
    assert_private(response)


def test_a_topic_of_another_language_or_a_country_that_is_none_is_refused(client, data):
    response = client.post(SUBSCRIBE, form(topics=[data.russian.pk], countries=["XX"]))

    assert response.status_code == 200
    assert "Choose topics from the list." in text(response) and "Choose countries from the list." in text(response)
    assert not Subscriber.objects.exists()


def test_a_form_sent_too_fast_or_from_another_site_is_refused(client, data):
    fast = client.post(SUBSCRIBE, {**form(), **guard_fields(seconds_ago=0)})
    assert fast.status_code == 400
    elsewhere = client.post(SUBSCRIBE, form(), headers={"Origin": "https://evil.example"})
    assert elsewhere.status_code == 403
    assert not Subscriber.objects.exists()


def test_the_answer_is_the_same_whether_the_address_was_subscribed_or_not(client, data):
    """No enumeration: a new address, an unconfirmed one and a confirmed one get the same answer."""
    subscribed(client, email="known@example.org")
    client.post(SUBSCRIBE, form(email="waiting@example.org"))

    answers = [client.post(SUBSCRIBE, form(email=email)) for email in ("new@example.org", "waiting@example.org")]
    Subscriber.objects.update(link_sent_at=timezone.now() - datetime.timedelta(hours=1))
    answers += [client.post(SUBSCRIBE, form(email=email)) for email in ("known@example.org", "waiting@example.org")]

    assert {(answer.status_code, answer["Location"], answer.content) for answer in answers} == {(303, THANKS, b"")}
    purposes = [message.subject for message in delivered()]
    assert any("already" in subject for subject in purposes)  # only the mailbox's owner learns it


# Confirming


def test_the_confirmation_link_shows_the_choices_and_only_its_button_confirms(client, data):
    client.post(SUBSCRIBE, form(countries=["BY"], topics=[data.prisons.pk]))
    link = emailed_link("/newsletter/confirm/")

    shown = client.get(link)  # a mail scanner opening the link confirms nothing
    assert shown.status_code == 200
    assert "Belarus" in text(shown) and "Prisons" in text(shown) and "English" in text(shown)
    assert "Confirm my subscription" in text(shown)
    assert not Subscriber.objects.get().is_confirmed
    assert_private(shown)

    confirmed = client.post(link, {"action": "confirm"})
    assert confirmed.status_code == 200
    assert "You are subscribed" in text(confirmed)
    subscriber = Subscriber.objects.get()
    assert subscriber.is_confirmed and subscriber.confirm_token_hash == ""
    preferences = f"/en/newsletter/preferences/{services.private_token(subscriber)}/"
    assert preferences in text(confirmed)
    assert_private(confirmed)

    used = client.get(link)  # opened again: used up, and the page says so
    assert used.status_code == 404
    assert "This link does not work" in text(used) and "confirmed your subscription already" in text(used)
    assert_private(used)


@pytest.mark.parametrize("token", ["tampered0000000000000000000000000", "x", "a" * 300])
def test_a_tampered_confirmation_link_is_a_clear_404(client, data, token):
    client.post(SUBSCRIBE, form())

    for response in (client.get(f"/en/newsletter/confirm/{token}/"), client.post(f"/en/newsletter/confirm/{token}/")):
        assert response.status_code == 404
        assert "This link does not work" in text(response)
        assert_private(response)
    assert not Subscriber.objects.get().is_confirmed


def test_an_expired_confirmation_link_says_so_and_links_the_form(client, data):
    client.post(SUBSCRIBE, form())
    link = emailed_link("/newsletter/confirm/")
    Subscriber.objects.update(link_sent_at=timezone.now() - datetime.timedelta(days=services.CONFIRM_LINK_DAYS + 1))

    for response in (client.get(link), client.post(link, {"action": "confirm"})):
        assert response.status_code == 200
        assert "This link has expired" in text(response)
        assert f'href="{SUBSCRIBE}"' in text(response)
        assert_private(response)
    assert not Subscriber.objects.get().is_confirmed


def test_a_confirmation_post_from_another_site_is_refused(client, data):
    client.post(SUBSCRIBE, form())
    link = emailed_link("/newsletter/confirm/")

    response = client.post(link, {"action": "confirm"}, headers={"Origin": "https://evil.example"})

    assert response.status_code == 403
    assert not Subscriber.objects.get().is_confirmed


# Preferences


def test_the_preferences_page_shows_the_choices_and_changes_them(client, data):
    subscriber = factories.subscriber(countries=["BY"], topics=[data.prisons])
    url = f"/en/newsletter/preferences/{services.private_token(subscriber)}/"

    shown = client.get(url)
    assert shown.status_code == 200
    page = text(shown)
    assert re.search(r'value="BY"[^>]*checked', page) and re.search(rf'value="{data.prisons.pk}"[^>]*checked', page)
    assert f'action="/en/newsletter/unsubscribe/{services.private_token(subscriber)}/"' in page
    assert_private(shown)

    saved = client.post(url, {"action": "save", "language": "ru", "countries": ["UA", "GE"]})
    assert saved.status_code == 200
    assert "Your preferences are saved" in text(saved)
    subscriber.refresh_from_db()
    assert subscriber.language == "ru"
    assert sorted(subscriber.countries.values_list("code", flat=True)) == ["GE", "UA"]
    assert not subscriber.topics.exists()  # none ticked: every topic


def test_the_preferences_page_in_another_language_shows_a_topic_by_its_translation(client, data):
    subscriber = factories.subscriber(topics=[data.prisons])
    url = f"/ru/newsletter/preferences/{services.private_token(subscriber)}/"

    page = text(client.get(url))

    assert re.search(rf'value="{data.russian.pk}"[^>]*checked', page)
    client.post(url, {"action": "save", "language": "en", "topics": [data.russian.pk]})
    assert list(Subscriber.objects.get().topics.all()) == [data.russian]


def test_bad_preferences_are_refused_with_a_message_and_nothing_changes(client, data):
    subscriber = factories.subscriber(countries=["BY"])
    url = f"/en/newsletter/preferences/{services.private_token(subscriber)}/"

    response = client.post(url, {"action": "save", "language": "xx", "countries": ["UA"]})

    assert response.status_code == 400
    assert "Choose a language from the list." in text(response)
    assert list(Subscriber.objects.get().countries.values_list("code", flat=True)) == ["BY"]


def test_a_preferences_post_from_another_site_is_refused(client, data):
    subscriber = factories.subscriber()
    url = f"/en/newsletter/preferences/{services.private_token(subscriber)}/"

    response = client.post(url, {"action": "save", "language": "ru"}, headers={"Sec-Fetch-Site": "cross-site"})

    assert response.status_code == 403
    assert Subscriber.objects.get().language == "en"


@pytest.mark.parametrize("token", ["tampered0000000000000000000000000", "x"])
def test_an_unknown_preferences_link_is_a_clear_404(client, data, token):
    factories.subscriber()

    response = client.get(f"/en/newsletter/preferences/{token}/")

    assert response.status_code == 404
    assert "This link does not work" in text(response) and "nothing more will be sent" in text(response)
    assert_private(response)


def test_an_unconfirmed_subscribers_private_link_leads_nowhere(client, data):
    subscriber = factories.subscriber(confirmed=False)

    assert client.get(f"/en/newsletter/preferences/{services.private_token(subscriber)}/").status_code == 404


# Unsubscribing


def test_unsubscribing_shows_a_button_then_deletes_the_subscriber(client, data):
    subscriber = factories.subscriber()
    token = services.private_token(subscriber)
    url = f"/en/newsletter/unsubscribe/{token}/"

    shown = client.get(url)  # opening the link unsubscribes nobody: mail scanners open links
    assert shown.status_code == 200
    assert "Unsubscribe" in text(shown) and f"/en/newsletter/preferences/{token}/" in text(shown)
    assert Subscriber.objects.exists()
    assert_private(shown)

    done = client.post(url, {"action": "unsubscribe"})
    assert done.status_code == 200
    assert "You are unsubscribed" in text(done)
    assert not Subscriber.objects.exists()
    assert_private(done)

    again = client.post(url, {"action": "unsubscribe"})  # twice: a clear answer, no 404, no 500
    assert again.status_code == 200
    assert "You are not subscribed" in text(again) and "nothing more will be sent" in text(again)

    gone = client.get(url)
    assert gone.status_code == 404 and "nothing more will be sent" in text(gone)


def test_one_click_unsubscribing_works_without_cookies_or_origin(client, data):
    """RFC 8058: the mail provider POSTs ``List-Unsubscribe=One-Click``, form-encoded, with no cookie, no Origin
    and no Referer, and it must not be refused as a cross-site POST."""
    subscriber = factories.subscriber()
    url = services.unsubscribe_link(subscriber)
    client.cookies.clear()

    response = client.post(path_of(url), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert_private(response)


@pytest.mark.parametrize(
    "headers", [{"Origin": "https://mail.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}]
)
def test_one_click_unsubscribing_from_a_providers_server_is_not_refused(client, data, headers):
    subscriber = factories.subscriber()

    response = client.post(
        path_of(services.unsubscribe_link(subscriber)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        headers=headers,
    )

    assert response.status_code == 200
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("token", ["tampered0000000000000000000000000", "x"])
def test_one_click_with_an_unknown_link_answers_200_not_subscribed(client, data, token):
    factories.subscriber()

    response = client.post(
        f"/en/newsletter/unsubscribe/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert "You are not subscribed" in text(response)
    assert Subscriber.objects.count() == 1


# Where the form is found


def test_the_footer_and_the_home_page_link_the_form(client, data):
    home = text(client.get("/en/"))
    assert home.count(f'href="{SUBSCRIBE}"') >= 2  # the footer's link and the home page's invitation
    assert 'href="/ru/newsletter/"' in text(client.get("/ru/"))
