"""Subscribing to the newsletter through newsletter.services: double opt-in, subscribing again, confirming,
changing preferences, unsubscribing and the purge of what has served its purpose.

The visitor's answer is the same whatever happened (``SubscribeOutcome`` is for tests and logs); what differs is
only the email, which goes to the address's owner.
"""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale

from solidarity.core import crypto
from solidarity.core.models import OutgoingEmail
from solidarity.newsletter import services
from solidarity.newsletter.models import Delivery, DeliveryState, MailingState, Subscriber
from solidarity.newsletter.services import SubscribeOutcome
from solidarity.stories.models import Topic
from tests.factories import StoryPageFactory
from tests.mail import delivered, links_in
from tests.newsletter import factories
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

EMAIL = "ana.petrova@example.org"


@pytest.fixture(scope="module")
def topics(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        story = StoryPageFactory(title="Trial in Minsk", countries=["BY"], topics=["Prisons", "Courts"])
        yield SimpleNamespace(**{topic.name.lower(): topic for topic in story.topics.all()})


def subscribe(**fields) -> str:
    return services.subscribe(**{"email": EMAIL, "language": "en", **fields})


def last_link(purpose: str, part: str = "") -> str:
    body = OutgoingEmail.objects.filter(purpose=purpose).order_by("-pk").first().body
    return next(link for link in re.findall(r"https?://\S+", body) if part in link)


def token_of(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[-1]


def quiet_time_passes(subscriber: Subscriber) -> None:
    Subscriber.objects.filter(pk=subscriber.pk).update(
        link_sent_at=timezone.now() - datetime.timedelta(seconds=services.QUIET_SECONDS + 1)
    )


def purposes() -> list[str]:
    return list(OutgoingEmail.objects.order_by("pk").values_list("purpose", flat=True))


# Subscribing


def test_subscribing_makes_one_unconfirmed_subscriber_and_mails_its_link(topics):
    assert subscribe(countries=["BY", "ru"], topics=[topics.prisons]) == SubscribeOutcome.NEW

    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language) == (EMAIL, "en")
    assert subscriber.email_hash == crypto.mailbox_lookup_hash(EMAIL)
    assert sorted(subscriber.countries.values_list("code", flat=True)) == ["BY", "RU"]
    assert list(subscriber.topics.all()) == [topics.prisons]
    assert not subscriber.is_confirmed and subscriber.confirm_token_hash and not subscriber.private_token_hash
    (message,) = delivered()
    assert message.to == [EMAIL]
    assert "Confirm your subscription" in message.subject
    (link,) = links_in(message)
    assert "/en/newsletter/confirm/" in link
    assert services.subscriber_by_confirm_token(token_of(link)) == subscriber


def test_nothing_ticked_is_stored_as_nothing_meaning_everything():
    subscribe()

    subscriber = Subscriber.objects.get()
    assert not subscriber.countries.exists() and not subscriber.topics.exists()


def test_the_email_is_in_the_subscribers_language():
    subscribe(language="ru")

    (message,) = delivered()
    assert "/ru/newsletter/confirm/" in links_in(message)[0]
    assert OutgoingEmail.objects.get().language == "ru"
    assert message.body.startswith("Здравствуйте")  # rendered in Russian


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": "ana@"}, "email"),
        ({"email": ""}, "email"),
        ({"email": "<script>@example.org"}, "email"),
        ({"email": "a" * 250 + "@example.org"}, "email"),
        ({"language": "xx"}, "language"),
        ({"countries": ["XX"]}, "countries"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_stored(fields, field):
    with pytest.raises(ValidationError) as refused:
        subscribe(**fields)

    assert field in refused.value.message_dict
    assert not Subscriber.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_invisible_characters_pasted_with_the_address_are_not_stored():
    subscribe(email="\u200bana@example.org\ufeff")

    assert Subscriber.objects.get().email == "ana@example.org"


@pytest.mark.parametrize(
    "variant", ["ANA.Petrova@Example.ORG", "ana.petrova+news@example.org", "ana.pe\u200btrova@example.org"]
)
def test_case_plus_tags_and_invisible_characters_are_one_mailbox(variant):
    subscribe()

    assert subscribe(email=variant) == SubscribeOutcome.QUIET
    assert Subscriber.objects.count() == 1


def test_subscribing_again_within_the_quiet_time_sends_nothing():
    subscribe()

    assert subscribe() == SubscribeOutcome.QUIET
    assert purposes() == ["newsletter.confirm"]


def test_subscribing_again_before_confirming_corrects_the_choices_and_later_mails_a_new_link(topics):
    subscribe(countries=["BY"])
    first = token_of(last_link("newsletter.confirm"))
    quiet_time_passes(Subscriber.objects.get())

    assert subscribe(language="ru", countries=["GE"], topics=[topics.courts]) == SubscribeOutcome.LINK_AGAIN

    second = token_of(last_link("newsletter.confirm"))
    assert first != second
    assert services.subscriber_by_confirm_token(first) is None  # the new link replaces the one before
    subscriber = services.subscriber_by_confirm_token(second)
    assert subscriber.language == "ru"
    assert list(subscriber.countries.values_list("code", flat=True)) == ["GE"]
    assert list(subscriber.topics.all()) == [topics.courts]
    assert "/ru/newsletter/confirm/" in last_link("newsletter.confirm")


def test_subscribing_again_once_confirmed_changes_nothing_and_mails_the_preferences_link():
    subscribe(countries=["BY"])
    subscriber = services.subscriber_confirm(Subscriber.objects.get())
    before = Subscriber.objects.values().get()
    quiet_time_passes(subscriber)

    assert subscribe(language="ru", countries=["GE"]) == SubscribeOutcome.ALREADY

    assert purposes()[-1] == "newsletter.already"
    link = last_link("newsletter.already", "/preferences/")
    # The same private link as before, in the subscriber's own language: nobody can revoke it by subscribing.
    assert "/en/newsletter/preferences/" in link and token_of(link) == services.private_token(subscriber)
    after = Subscriber.objects.values().get()
    assert {key for key in before if before[key] != after[key]} <= {"link_sent_at"}
    assert list(Subscriber.objects.get().countries.values_list("code", flat=True)) == ["BY"]


# Confirming


def test_confirming_empties_the_link_stores_the_private_link_and_mails_it():
    subscribe()
    link = last_link("newsletter.confirm")
    subscriber = services.subscriber_by_confirm_token(token_of(link))

    confirmed = services.subscriber_confirm(subscriber)

    assert confirmed.is_confirmed and confirmed.confirm_token_hash == ""
    assert services.subscriber_by_confirm_token(token_of(link)) is None  # the link works once
    token = services.private_token(confirmed)
    assert services.subscriber_by_private_token(token) == confirmed
    body = OutgoingEmail.objects.get(purpose="newsletter.subscribed").body
    assert services.preferences_link(confirmed) in body and services.unsubscribe_link(confirmed) in body


def test_an_expired_link_confirms_nothing():
    subscribe()
    subscriber = Subscriber.objects.get()
    Subscriber.objects.filter(pk=subscriber.pk).update(
        link_sent_at=timezone.now() - datetime.timedelta(days=services.CONFIRM_LINK_DAYS, minutes=1)
    )
    subscriber.refresh_from_db()

    assert services.confirm_link_expired(subscriber)
    with pytest.raises(ValidationError):
        services.subscriber_confirm(subscriber)
    assert not Subscriber.objects.get().is_confirmed


def test_a_link_within_its_days_works():
    subscribe()
    subscriber = Subscriber.objects.get()

    assert not services.confirm_link_expired(
        subscriber, now=subscriber.link_sent_at + datetime.timedelta(days=services.CONFIRM_LINK_DAYS - 1)
    )


@pytest.mark.parametrize("token", ["", "x", "a" * 32, "a" * 5000])
def test_unknown_tokens_find_nobody(token):
    factories.subscriber()

    assert services.subscriber_by_confirm_token(token) is None
    assert services.subscriber_by_private_token(token) is None


def test_an_unconfirmed_subscriber_has_no_private_link():
    subscribe()
    subscriber = Subscriber.objects.get()

    assert services.subscriber_by_private_token(services.private_token(subscriber)) is None


# Preferences and unsubscribing


def test_preferences_change_the_language_countries_and_topics(topics):
    subscriber = factories.subscriber(countries=["BY"], topics=[topics.prisons])

    services.preferences_change(subscriber, language="de", countries=["UA", "GE"], topics=[topics.courts])

    subscriber = Subscriber.objects.get()
    assert subscriber.language == "de"
    assert sorted(subscriber.countries.values_list("code", flat=True)) == ["GE", "UA"]
    assert list(subscriber.topics.all()) == [topics.courts]


def test_preferences_refuse_a_language_the_site_has_not():
    subscriber = factories.subscriber()

    with pytest.raises(ValidationError):
        services.preferences_change(subscriber, language="xx", countries=[], topics=[])
    assert Subscriber.objects.get().language == "en"


def test_unsubscribing_deletes_the_subscriber_and_leaves_its_deliveries_without_anyone():
    subscriber = factories.subscriber()
    mailing = factories.mailing()
    delivery = Delivery.objects.create(mailing=mailing, subscriber=subscriber)

    services.unsubscribe(subscriber)
    services.unsubscribe(subscriber)  # twice: nothing more happens, nothing fails

    assert not Subscriber.objects.exists()
    delivery.refresh_from_db()
    assert delivery.subscriber is None


# What is kept


def test_the_database_holds_no_plaintext_address():
    subscribe(email="ana.secret@example.org")
    services.subscriber_confirm(Subscriber.objects.get())

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM newsletter_subscriber")
        rows = cursor.fetchall()
    assert rows
    dump = repr(rows).lower()
    assert "ana.secret" not in dump and "example.org" not in dump
    assert Subscriber.objects.get().email == "ana.secret@example.org"  # read back through the encrypted field


def test_the_purge_deletes_expired_unconfirmed_subscribers_and_old_deliveries():
    now = timezone.now()
    subscribe(email="late@example.org")
    subscribe(email="recent@example.org")
    Subscriber.objects.filter(email_hash=crypto.mailbox_lookup_hash("late@example.org")).update(
        link_sent_at=now - datetime.timedelta(days=services.CONFIRM_LINK_DAYS + 1)
    )
    old_confirmed = factories.subscriber("reader@example.org")
    Subscriber.objects.filter(pk=old_confirmed.pk).update(link_sent_at=now - datetime.timedelta(days=400))
    long_ago = factories.mailing(state=MailingState.SENT, finished_at=now - datetime.timedelta(days=31), sent_count=1)
    lately = factories.mailing(state=MailingState.SENT, finished_at=now - datetime.timedelta(days=29))
    running = factories.mailing(state=MailingState.SENDING)
    for mailing in (long_ago, lately, running):
        Delivery.objects.create(mailing=mailing, subscriber=old_confirmed, state=DeliveryState.SENT)

    assert services.personal_data_purge(now) == 2

    remaining = {crypto.normalise_email(s.email) for s in Subscriber.objects.all()}
    assert remaining == {"recent@example.org", "reader@example.org"}
    assert set(Delivery.objects.values_list("mailing_id", flat=True)) == {lately.pk, running.pk}
    long_ago.refresh_from_db()
    assert long_ago.sent_count == 1  # the counts stay on the mailing
    assert services.personal_data_purge(now) == 0


def test_the_purge_is_registered_with_core_retention():
    from solidarity.core import retention

    assert retention.registered_purges()["newsletter"] is services.personal_data_purge


def test_topics_are_kept_by_their_rows_in_any_language(topics):
    """Topics of another language are other rows (matched by translation key by the pages and the digest)."""
    russian = Topic.objects.create(
        locale=Locale.objects.get(language_code="ru"), name="Тюрьмы", translation_key=topics.prisons.translation_key
    )
    subscribe(topics=[russian])

    assert list(Subscriber.objects.get().topics.all()) == [russian]
