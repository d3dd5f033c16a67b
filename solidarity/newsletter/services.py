"""Every write of subscriptions: subscribing (double opt-in), confirming, changing preferences, unsubscribing.

Views, the admin, the demo, factories and tasks call these and nothing else writes. Like signing a public call, no
answer tells whether an address is subscribed: subscribing again leads to the same "check your email" page, and
only the mailbox's owner gets an email (a new confirmation link, or "you are subscribed already" with the link to
their preferences). Unsubscribing deletes the subscriber.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from solidarity.core import crypto, outbox
from solidarity.core.countries import countries_from_codes
from solidarity.core.models import Country
from solidarity.core.tokens import private_token_hash, private_token_new
from solidarity.newsletter.models import Delivery, Subscriber
from solidarity.stories.models import Topic

CONFIRM_LINK_DAYS = 7  # a confirmation link works this long; an unconfirmed subscriber is deleted after it
QUIET_SECONDS = 120  # an address mailed within this time is not mailed again (a double click, a retry, a flood)
DELIVERIES_KEPT_DAYS = 30  # a mailing's deliveries (who got it) are deleted this long after it finished


class SubscribeOutcome:
    """What subscribing did, for tests and logs only: every outcome shows the visitor the same page."""

    NEW = "new"  # a new subscriber, its confirmation link mailed
    LINK_AGAIN = "link_again"  # not confirmed yet: its choices corrected, a new confirmation link mailed
    ALREADY = "already"  # confirmed already: "you are subscribed already", with the preferences link
    QUIET = "quiet"  # mailed a moment ago: nothing more is sent


def private_token(subscriber: Subscriber) -> str:
    """The token of a subscriber's private link (preferences, unsubscribe): the same in every mailing, so no mailing
    revokes the link an earlier one carried. Made with the lookup key from the environment: a database dump alone
    does not give it. Only its hash is stored (``Subscriber.private_token_hash``)."""
    moment = int(subscriber.created_at.timestamp() * 1_000_000)
    return crypto.keyed_hash(f"newsletter-private-link:{subscriber.pk}:{moment}")[:32]


def private_token_store(subscriber: Subscriber) -> str:
    """Make sure the subscriber's private link is stored (its hash); the token."""
    token = private_token(subscriber)
    token_hash = private_token_hash(token)
    if subscriber.private_token_hash != token_hash:
        subscriber.private_token_hash = token_hash
        Subscriber.objects.filter(pk=subscriber.pk).update(private_token_hash=token_hash)
    return token


def _link(route: str, token: str, language: str) -> str:
    with translation.override(language):
        return outbox.site_address(reverse(route, kwargs={"token": token}))


def preferences_link(subscriber: Subscriber, *, language: str = "") -> str:
    """The full address of the subscriber's preferences page (mailed in every mailing)."""
    return _link("newsletter:preferences", private_token(subscriber), language or subscriber.language)


def unsubscribe_link(subscriber: Subscriber, *, language: str = "") -> str:
    """The full address of one-click unsubscribing (the List-Unsubscribe header, RFC 8058, and the mail's footer)."""
    return _link("newsletter:unsubscribe", private_token(subscriber), language or subscriber.language)


def _clean_email(email: str) -> str:
    """The address as stored: invisible characters pasted along removed; refused when it is no address."""
    email = email.translate(crypto.ZERO_WIDTH).strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter an email address such as name@example.org.")}) from None
    if len(email) > 254:
        raise ValidationError({"email": _("This email address is too long.")})
    return email


def _clean_language(language: str) -> str:
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError({"language": _("Choose a language from the list.")})
    return language


def _countries(countries: Iterable[Country | str]) -> list[Country]:
    given = list(countries)
    made = [country for country in given if isinstance(country, Country)]
    codes = [str(country) for country in given if not isinstance(country, Country)]
    try:
        return made + countries_from_codes(codes)
    except ValueError:
        raise ValidationError({"countries": _("Choose countries from the list.")}) from None


def _choices_set(subscriber: Subscriber, countries: list[Country], topics: list[Topic]) -> None:
    subscriber.countries.set(countries)
    subscriber.topics.set(topics)


def _mail(subscriber: Subscriber, name: str, **context: Any) -> None:
    outbox.mail_queue(
        to=subscriber.email,
        template=f"newsletter/emails/{name}",
        context={"subscriber": subscriber, "confirm_days": CONFIRM_LINK_DAYS, **context},
        language=subscriber.language,
        purpose=f"newsletter.{name}",
    )


def _mail_confirm_link(subscriber: Subscriber) -> None:
    token, subscriber.confirm_token_hash = private_token_new()
    subscriber.link_sent_at = timezone.now()
    subscriber.save(update_fields=["confirm_token_hash", "link_sent_at"])
    _mail(subscriber, "confirm", confirm_link=_link("newsletter:confirm", token, subscriber.language))


def _mail_already(subscriber: Subscriber) -> None:
    private_token_store(subscriber)
    subscriber.link_sent_at = timezone.now()
    subscriber.save(update_fields=["link_sent_at"])
    _mail(
        subscriber,
        "already",
        preferences_link=preferences_link(subscriber),
        unsubscribe_link=unsubscribe_link(subscriber),
    )


def _again(subscriber: Subscriber, *, email: str, language: str, countries: list[Country], topics: list[Topic]) -> str:
    """The mailbox has asked before: an unconfirmed subscription takes the choices given now (its owner confirms
    them); a confirmed one changes nothing (anyone may type anyone's address). Its owner is mailed what fits, at
    most once per quiet time."""
    if not subscriber.is_confirmed:
        subscriber.email = email  # the same mailbox (its hash matched), as typed last
        subscriber.language = language
        subscriber.save(update_fields=["email", "language"])
        _choices_set(subscriber, countries, topics)
    if timezone.now() - subscriber.link_sent_at < datetime.timedelta(seconds=QUIET_SECONDS):
        return SubscribeOutcome.QUIET
    if subscriber.is_confirmed:
        _mail_already(subscriber)
        return SubscribeOutcome.ALREADY
    _mail_confirm_link(subscriber)
    return SubscribeOutcome.LINK_AGAIN


def subscribe(
    *, email: str, language: str, countries: Iterable[Country | str] = (), topics: Iterable[Topic] = ()
) -> str:
    """Someone asks for the newsletter: mailed a link to confirm. Returns a ``SubscribeOutcome`` value.

    One subscription per mailbox (its keyed hash, ``core.crypto.mailbox_lookup_hash``), enforced by the database.
    An address that asked before gets an email (a new confirmation link, or "you are subscribed already" with the
    link to its preferences), so the answer never tells whether it was subscribed. Refused (``ValidationError``)
    for an address that is none, a language or a country that is not the site's; nothing is stored then.
    """
    email = _clean_email(email)
    language = _clean_language(language)
    chosen_countries = _countries(countries)
    chosen_topics = list(topics)
    email_hash = crypto.mailbox_lookup_hash(email)
    choices: dict[str, Any] = {
        "email": email,
        "language": language,
        "countries": chosen_countries,
        "topics": chosen_topics,
    }
    with transaction.atomic():
        existing = Subscriber.objects.select_for_update().filter(email_hash=email_hash).first()
        if existing is not None:
            return _again(existing, **choices)
        subscriber = Subscriber(email=email, email_hash=email_hash, language=language)
        try:
            with transaction.atomic():
                subscriber.save()
        except IntegrityError:
            # The same mailbox subscribing at the same moment (a double click, a retry): the other request made it.
            existing = Subscriber.objects.select_for_update().get(email_hash=email_hash)
            return _again(existing, **choices)
        _choices_set(subscriber, chosen_countries, chosen_topics)
        _mail_confirm_link(subscriber)
        return SubscribeOutcome.NEW


def subscriber_by_confirm_token(token: str) -> Subscriber | None:
    """The unconfirmed subscriber whose confirmation link this is; None for an unknown, replaced or used link."""
    if not token or len(token) > 200:
        return None
    return (
        Subscriber.objects.filter(confirm_token_hash=private_token_hash(token), confirmed_at__isnull=True)
        .prefetch_related("countries", "topics")
        .first()
    )


def subscriber_by_private_token(token: str) -> Subscriber | None:
    """The confirmed subscriber whose private link (preferences, unsubscribe) this is; None when unknown."""
    if not token or len(token) > 200:
        return None
    return (
        Subscriber.objects.confirmed()
        .filter(private_token_hash=private_token_hash(token))
        .prefetch_related("countries", "topics")
        .first()
    )


def confirm_link_expired(subscriber: Subscriber, *, now: datetime.datetime | None = None) -> bool:
    """A confirmation link works for ``CONFIRM_LINK_DAYS`` days after it was mailed."""
    return (now or timezone.now()) - subscriber.link_sent_at > datetime.timedelta(days=CONFIRM_LINK_DAYS)


@transaction.atomic
def subscriber_confirm(subscriber: Subscriber) -> Subscriber:
    """The confirmation link's button: the subscriber is confirmed (mailings reach them from now on).

    The link works once (its hash is emptied); the subscriber's private link is stored and mailed. Raises
    ``ValidationError`` when the link expired, or the subscriber is gone (purged) since the link was opened.
    """
    locked = Subscriber.objects.select_for_update().filter(pk=subscriber.pk).first()
    if locked is None:
        raise ValidationError(_("This subscription no longer exists. Subscribe again."))
    if locked.is_confirmed:
        return locked
    if confirm_link_expired(locked):
        raise ValidationError(_("This link has expired. Subscribe again to get a new one."))
    locked.confirmed_at = timezone.now()
    locked.confirm_token_hash = ""
    locked.save(update_fields=["confirmed_at", "confirm_token_hash"])
    private_token_store(locked)
    _mail(
        locked,
        "subscribed",
        preferences_link=preferences_link(locked),
        unsubscribe_link=unsubscribe_link(locked),
    )
    return locked


@transaction.atomic
def preferences_change(
    subscriber: Subscriber, *, language: str, countries: Iterable[Country | str], topics: Iterable[Topic]
) -> Subscriber:
    """The subscriber changes what they get, through their private link: language, countries, topics."""
    subscriber.language = _clean_language(language)
    chosen_countries = _countries(countries)
    chosen_topics = list(topics)
    if not Subscriber.objects.filter(pk=subscriber.pk).update(language=subscriber.language):
        raise ValidationError(_("This subscription no longer exists. Subscribe again."))
    _choices_set(subscriber, chosen_countries, chosen_topics)
    return subscriber


def unsubscribe(subscriber: Subscriber) -> None:
    """Delete the subscriber (and so their address); a waiting delivery of a mailing in progress is left out."""
    Subscriber.objects.filter(pk=subscriber.pk).delete()


@transaction.atomic
def personal_data_purge(now: datetime.datetime | None = None) -> int:
    """Unconfirmed subscribers whose link expired, and deliveries of long-finished mailings; how many rows went.

    A mailing keeps its counts (sent, failed, left out) after its deliveries are deleted.
    """
    now = now or timezone.now()
    done = (
        Subscriber.objects.filter(
            confirmed_at__isnull=True, link_sent_at__lt=now - datetime.timedelta(days=CONFIRM_LINK_DAYS)
        )
        .delete()[1]
        .get(Subscriber._meta.label, 0)
    )
    done += Delivery.objects.filter(
        mailing__finished_at__lt=now - datetime.timedelta(days=DELIVERIES_KEPT_DAYS)
    ).delete()[0]
    return done
