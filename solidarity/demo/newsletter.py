"""The demo's newsletter: a few invented subscribers (English, Russian, Ukrainian, Belarusian, each with the
countries and topics they chose), this week's digest already sent to them, and a draft mailing of chosen stories
for editors to try (preview, test to themselves, schedule).

Everything goes through ``newsletter.services`` and ``newsletter.mailings``, as the public form and an editor
would. The addresses are on example.org (reserved for examples); the confirmation emails the services queued are
deleted at the end, as ``demo.discussion`` does with its own. The digest's emails go where development mail goes
(``var/mail``), so a developer sees what subscribers get. A subscriber already there is left alone, and so are the
mailings once there is any: loading the demo again adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max

from solidarity.core import crypto
from solidarity.core.models import OutgoingEmail
from solidarity.newsletter import mailings, sending, services
from solidarity.newsletter.models import Mailing, MailingKind, Subscriber
from solidarity.stories.models import StoryPage, Topic

if TYPE_CHECKING:
    from solidarity.demo.demo import Tally

Log = Callable[[str], None]

# address, language, countries, topic names (in that language)
SUBSCRIBERS = (
    ("anna.reader@example.org", "en", (), ()),
    ("tom.watch@example.org", "en", ("BY", "KZ"), ()),
    ("olga.k@example.org", "ru", ("RU",), ()),
    ("marat.s@example.org", "ru", (), ()),
    ("oksana.p@example.org", "uk", ("UA",), ()),
    ("ales.b@example.org", "be", ("BY",), ()),
)

DIGEST_TEXTS = {
    "en": (
        "This week in the network",
        "The stories our members published this week, picked for the countries you follow.\n\n"
        "Forward this email to someone who should read them.",
    ),
    "ru": (
        "Неделя в сети",
        "Материалы, которые наши участники опубликовали на этой неделе, по странам, за которыми вы следите.\n\n"
        "Перешлите это письмо тем, кому стоит их прочитать.",
    ),
}
CHOSEN_TEXTS = {
    "en": (
        "Trials behind glass: what we saw in Belarus",
        "Our monitors sat through the trials of protesters for a year. Read their report, and the stories around it.",
    ),
}
CHOSEN_STORY_SLUGS = (
    "behind-the-glass-trials-of-protesters-in-belarus",
    "locked-in-waiting-pre-trial-detention-in-kazakhstan",
)


def _subscribers_ensure(*, tally: Tally, log: Log) -> None:
    for email, language, countries, topic_names in SUBSCRIBERS:
        if Subscriber.objects.filter(email_hash=crypto.mailbox_lookup_hash(email)).exists():
            tally.note("newsletter subscribers", created=False)
            continue
        topics = list(Topic.objects.filter(name__in=topic_names, locale__language_code=language))
        services.subscribe(email=email, language=language, countries=countries, topics=topics)
        services.subscriber_confirm(Subscriber.objects.get(email_hash=crypto.mailbox_lookup_hash(email)))
        tally.note("newsletter subscribers", created=True)
        log(f"Newsletter subscriber ({language}): {email}")


def _mailings_ensure(*, tally: Tally, log: Log) -> None:
    if Mailing.objects.exists():
        tally.note("mailings", created=False)
        return
    editor = get_user_model().objects.filter(username="editor").first()
    digest = mailings.mailing_create(texts=DIGEST_TEXTS, kind=MailingKind.DIGEST, digest_days=7, user=editor)
    sending.mailing_start(digest)
    while sending.batch_send(digest.pk):  # sent here and now, so the demo shows a finished sending
        pass
    tally.note("mailings", created=True)
    log(f"Mailing sent: {digest}")
    stories = [StoryPage.objects.filter(slug=slug, locale__language_code="en").first() for slug in CHOSEN_STORY_SLUGS]
    draft = mailings.mailing_create(texts=CHOSEN_TEXTS, stories=[story for story in stories if story], user=editor)
    tally.note("mailings", created=True)
    log(f"Mailing drafted: {draft}")


def newsletter_load(*, tally: Tally, log: Log) -> None:
    """The demo's subscribers and mailings; run after the stories and the demo staff exist."""
    with transaction.atomic():
        last_email = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
        _subscribers_ensure(tally=tally, log=log)
        # Nobody reads the invented subscribers' confirmation emails: dropped in the same transaction.
        OutgoingEmail.objects.filter(pk__gt=last_email, purpose__startswith="newsletter.").delete()
    _mailings_ensure(tally=tally, log=log)  # after commit: the digest's batches read the confirmed subscribers
