"""Public call test data: a call in a language (with its translations) and signatures.

Signatures are made through ``calls.services`` where a rule applies (as the public form makes them), or
directly in their final state where a test only reads them (``signature(confirmed=True)``), with the counts
kept beside them set as the services would.
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.db.models import F
from django.utils import timezone

from solidarity.calls import services
from solidarity.calls.models import PublicCallPage, Review, Signature, SignatureCount, SignerKind
from solidarity.core import crypto
from solidarity.core.models import Country
from solidarity.core.tokens import private_token_new
from solidarity.stories.models import StoryIndexPage
from tests.factories import translate_story

_numbers = itertools.count(1)


def public_call(
    *,
    language: str = "en",
    title: str = "",
    countries: tuple[str, ...] = ("BY",),
    addressed_to: str = "The Parliament",
    opens_on: datetime.date | None = None,
    closes_on: datetime.date | None = None,
    goal: int | None = None,
    publish: bool = True,
    **fields: Any,
) -> PublicCallPage:
    """A public call among the stories of ``language`` (the story index must exist: ``site_tree_ensure``)."""
    number = next(_numbers)
    call = services.public_call_create(
        index=StoryIndexPage.objects.get(locale__language_code=language),
        title=title or f"Free the prisoners {number}",
        summary=fields.pop("summary", "Sign for their freedom."),
        countries=countries,
        addressed_to=addressed_to,
        opens_on=opens_on or timezone.localdate() - datetime.timedelta(days=1),
        closes_on=closes_on,
        goal=goal,
        publish=publish,
        **fields,
    )
    call.refresh_from_db()
    return call


def call_translation(call: PublicCallPage, language: str, *, title: str = "") -> PublicCallPage:
    """The call translated into ``language`` (its story index there must exist), published."""
    translated = translate_story(call, language, title=title or f"{call.title} ({language})")
    return PublicCallPage.objects.get(pk=translated.pk)


def signature(
    call: PublicCallPage,
    *,
    country: str = "BY",
    name: str = "",
    email: str = "",
    confirmed: bool = True,
    organisation: str = "",
    review: str = Review.APPROVED,
    show_name: bool = False,
    keep_informed: bool = False,
    language: str = "en",
    **fields: Any,
) -> Signature:
    """A signature in its final state (a person's, or ``organisation``'s), counted as the services count it."""
    number = next(_numbers)
    email = email or f"signer{number}@example.org"
    _token, token_hash = private_token_new()
    record = Signature.objects.create(
        call_key=call.call_key,
        kind=SignerKind.ORGANISATION if organisation else SignerKind.PERSON,
        name=name or f"Signer {number}",
        email=email,
        email_hash=crypto.mailbox_lookup_hash(email),
        country=Country.objects.get(pk=country),
        show_name=show_name,
        keep_informed=keep_informed,
        organisation_name=organisation,
        review=review if organisation else "",
        language=language,
        private_token_hash=token_hash,
        confirmed_at=timezone.now() if confirmed else None,
        **fields,
    )
    if record.is_counted:
        column = "organisations" if organisation else "people"
        count, _created = SignatureCount.objects.get_or_create(call_key=call.call_key, country_id=country)
        SignatureCount.objects.filter(pk=count.pk).update(**{column: F(column) + 1})
    return record
