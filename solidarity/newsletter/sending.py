"""Sending a mailing: one delivery per confirmed subscriber, sent in batches by background tasks, each recipient's
state recorded so that a crash in the middle resumes without mailing anyone twice.

Each email is rendered in the subscriber's language (``render``): an HTML and a plain-text part, the
``List-Unsubscribe`` and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` headers (RFC 8058), no image, no
tracking pixel and no tracked link: every link goes straight to the site's page.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from solidarity.core import outbox
from solidarity.newsletter import queries, services
from solidarity.newsletter.models import Mailing, MailingKind, Subscriber
from solidarity.stories.models import StoryPage

logger = logging.getLogger(__name__)

BATCH_SIZE = 50


@dataclass(frozen=True)
class Rendered:
    """One subscriber's email: subject, both parts, headers, and whether the text fell back to the default language."""

    subject: str
    text: str
    html: str
    language: str
    headers: dict[str, str] = field(default_factory=dict)
    fell_back: bool = False


def render(mailing: Mailing, subscriber: Subscriber, *, now: datetime.datetime | None = None) -> Rendered | None:
    """The mailing as this subscriber gets it; None when it holds nothing for them (a digest with no story of their
    countries, topics and language; chosen stories no reader may see any more): their delivery is left out."""
    return _render(
        mailing,
        language=subscriber.language,
        filters=queries.filters_of(subscriber),
        preferences=services.preferences_link(subscriber),
        unsubscribe=services.unsubscribe_link(subscriber),
        now=now or timezone.now(),
        sample=False,
    )


def render_sample(mailing: Mailing, language: str, *, now: datetime.datetime | None = None) -> Rendered:
    """The mailing as a subscriber of ``language`` who ticked no country and no topic would get it: the preview and
    the test an editor sends to themselves. Its preference and unsubscribe links lead to the subscribe page (a
    sample has no subscriber), and it says it is a sample. Never None: an empty one says no story was found."""
    with translation.override(language):
        subscribe_page = outbox.site_address(reverse("newsletter:subscribe"))
    rendered = _render(
        mailing,
        language=language,
        filters=queries.Filters(language=language),
        preferences=subscribe_page,
        unsubscribe=subscribe_page,
        now=now or timezone.now(),
        sample=True,
    )
    assert rendered is not None  # a sample is rendered even with no story
    return rendered


def email_message(rendered: Rendered, to: str, *, connection: Any = None) -> EmailMultiAlternatives:
    """The email of a rendered mailing to one address: the plain text, the HTML beside it, and its headers."""
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=rendered.headers,
        connection=connection,
    )
    message.attach_alternative(rendered.html, "text/html")
    return message


def language_name(code: str) -> str:
    """The name of a language in the active language ("Russian" in English, «английский» in Russian)."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)


def list_id() -> str:
    """The ``List-Id`` header (RFC 2919): the newsletter's name and an identifier under the site's host."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    name = settings.SOLIDARITY_SITE_NAME.replace('"', "'")
    return f'"{name}" <newsletter.{host}>'


def _story_item(story: StoryPage, *, language: str, translated: bool = True) -> dict[str, Any]:
    return {
        "title": story.title,
        "summary": story.summary,
        "date": story.date,
        "url": outbox.site_address(story.url or ""),
        "language": story.locale.language_code,
        "language_name": "" if translated else language_name(story.locale.language_code),
    }


def _render(
    mailing: Mailing,
    *,
    language: str,
    filters: queries.Filters,
    preferences: str,
    unsubscribe: str,
    now: datetime.datetime,
    sample: bool,
) -> Rendered | None:
    text = mailing.text_in(language)
    fell_back = text is None
    if text is None:
        text = mailing.text_in(settings.LANGUAGE_CODE)
    with translation.override(language):
        if mailing.kind == MailingKind.DIGEST:
            stories = [
                _story_item(story, language=language) for story in queries.digest_stories(mailing, filters, now=now)
            ]
        else:
            stories = [
                _story_item(item.story, language=language, translated=item.translated)
                for item in queries.chosen_stories(mailing, language)
            ]
        if not stories and not sample:
            return None
        subject = text.subject if text is not None else str(mailing)
        intro = text.intro if text is not None else ""
        fallback_note = ""
        if fell_back:
            fallback_note = gettext(
                "This newsletter has not been translated into %(language)s; here it is in %(fallback)s."
            ) % {
                "language": language_name(language),
                "fallback": language_name(settings.LANGUAGE_CODE),
            }
        context = {
            "site_name": settings.SOLIDARITY_SITE_NAME,
            "site_url": outbox.site_address(f"/{language}/"),
            "language": language,
            "text_language": text.language if text is not None else settings.LANGUAGE_CODE,
            "subject": subject,
            "paragraphs": [part.strip() for part in intro.replace("\r\n", "\n").split("\n\n") if part.strip()],
            "fallback_note": fallback_note,
            "digest": mailing.kind == MailingKind.DIGEST,
            "stories": stories,
            "preferences_link": preferences,
            "unsubscribe_link": unsubscribe,
            "sample": sample,
        }
        plain = render_to_string("newsletter/emails/mailing.txt", context)
        html = render_to_string("newsletter/emails/mailing.html", context)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": list_id(),
        "Auto-Submitted": "auto-generated",
        "Precedence": "bulk",
    }
    return Rendered(
        subject=" ".join(subject.split()),
        text=plain,
        html=html,
        language=language,
        headers=headers,
        fell_back=fell_back,
    )


def mailing_start(mailing: Mailing, *, now: datetime.datetime | None = None) -> int:
    """Make the deliveries (one per confirmed subscriber), mark it sending and queue the first batch; how many."""
    raise NotImplementedError


def batch_send(mailing_id: int, *, now: datetime.datetime | None = None) -> int:
    """Send up to ``BATCH_SIZE`` waiting deliveries of the mailing; how many were sent. Queues the next batch."""
    raise NotImplementedError


def mailings_run(*, now: datetime.datetime | None = None) -> int:
    """The scheduled job: start scheduled mailings whose time came; resume sendings that stalled (a crash)."""
    return 0
