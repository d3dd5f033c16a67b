"""Newsletter test data: subscribers and mailings made directly in a final state, for tests that read them (tests of
subscribing itself go through ``newsletter.services``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from solidarity.core import crypto
from solidarity.newsletter import services
from solidarity.newsletter.models import Mailing, MailingKind, MailingStory, MailingText, Subscriber
from solidarity.stories.models import StoryPage, Topic

_numbers = itertools.count(1)


def subscriber(
    email: str = "",
    *,
    language: str = "en",
    countries: Iterable[str] = (),
    topics: Iterable[Topic] = (),
    confirmed: bool = True,
) -> Subscriber:
    """A subscriber (confirmed unless ``confirmed=False``) with their private link stored."""
    email = email or f"reader{next(_numbers)}@example.org"
    made = Subscriber.objects.create(
        email=email,
        email_hash=crypto.mailbox_lookup_hash(email),
        language=language,
        confirmed_at=timezone.now() if confirmed else None,
    )
    made.countries.set(list(countries))
    made.topics.set(list(topics))
    services.private_token_store(made)
    return made


def mailing(
    *,
    texts: dict[str, tuple[str, str]] | None = None,
    stories: Iterable[StoryPage] = (),
    kind: str = MailingKind.CHOSEN,
    user: Any = None,
    **fields: Any,
) -> Mailing:
    """A draft mailing: ``texts`` maps a language to (subject, intro), English only by default."""
    texts = texts if texts is not None else {"en": ("News from the network", "What happened this week.")}
    made = Mailing(kind=kind, created_by=user, **fields)
    made.texts = [MailingText(language=code, subject=subject, intro=intro) for code, (subject, intro) in texts.items()]
    made.chosen_stories = [MailingStory(story=story) for story in stories]
    made.save()
    return made
