"""Every write of subscriptions: subscribing (double opt-in), confirming, changing preferences, unsubscribing.

Views, the admin, the demo, factories and tasks call these and nothing else writes. Like signing a public call, no
answer tells whether an address is subscribed: subscribing again leads to the same "check your email" page, and
only the mailbox's owner gets an email (a new confirmation link, or "you are subscribed already" with the link to
their preferences). Unsubscribing deletes the subscriber.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone, translation

from solidarity.core import crypto, outbox
from solidarity.core.models import Country
from solidarity.core.tokens import private_token_hash
from solidarity.newsletter.models import Subscriber
from solidarity.stories.models import Topic

CONFIRM_LINK_DAYS = 7  # a confirmation link works this long; an unconfirmed subscriber is deleted after it
QUIET_SECONDS = 120  # an address mailed within this time is not mailed again (a double click, a retry, a flood)


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


def subscribe(
    *, email: str, language: str, countries: Iterable[Country | str] = (), topics: Iterable[Topic] = ()
) -> str:
    """Someone asks for the newsletter: mailed a link to confirm. Returns a ``SubscribeOutcome`` value."""
    raise NotImplementedError


def subscriber_by_confirm_token(token: str) -> Subscriber | None:
    raise NotImplementedError


def subscriber_by_private_token(token: str) -> Subscriber | None:
    raise NotImplementedError


def confirm_link_expired(subscriber: Subscriber, *, now: datetime.datetime | None = None) -> bool:
    raise NotImplementedError


def subscriber_confirm(subscriber: Subscriber) -> Subscriber:
    """The confirmation link's button: the subscriber is confirmed (mailings reach them from now on)."""
    raise NotImplementedError


def preferences_change(
    subscriber: Subscriber, *, language: str, countries: Iterable[Country | str], topics: Iterable[Topic]
) -> Subscriber:
    raise NotImplementedError


def unsubscribe(subscriber: Subscriber) -> None:
    """Delete the subscriber (and so their address); a waiting delivery of a mailing in progress is left out."""
    raise NotImplementedError


def personal_data_purge(now: datetime.datetime | None = None) -> int:
    """Unconfirmed subscribers whose link expired, and deliveries of long-finished mailings; how many rows went."""
    now = now or timezone.now()
    return 0
