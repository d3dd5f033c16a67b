"""Every write of public calls: signing, confirming, sending the link again, withdrawing, checking organisations.

Views, the admin, the demo, factories, commands and tasks call these and nothing else writes. Each write is
one transaction, committed before the visitor is answered; the emails it causes are queued in it
(``core.outbox``) and leave after commit. ``SignatureCount`` changes in the same transaction as the signature
it counts, so the counts never drift from the rows (``counts_verify`` proves it, and repairs).

No answer tells whether an address has signed: signing again, or asking for the link again, leads to the
same page; what differs is only the email, which goes to the address's owner.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from solidarity.calls.models import PublicCallPage, PublicCallStory, Review, Signature, SignatureCount, SignerKind
from solidarity.core import access, crypto, outbox
from solidarity.core.countries import countries_from_codes
from solidarity.core.models import Country, MemberOrganisation
from solidarity.core.pages import translation_for
from solidarity.core.pages_services import page_create
from solidarity.core.tokens import private_token_hash, private_token_new
from solidarity.stories.models import StoryIndexPage, StoryPage, Topic

logger = logging.getLogger(__name__)

CONFIRM_LINK_DAYS = 7  # a confirmation link works this long; an unconfirmed signature is deleted after it
QUIET_SECONDS = 120  # a signature mailed within this time is not mailed again (a double click, a retry, a flood)
DECLINED_KEPT_DAYS = 30  # a declined organisation's signature is deleted this long after the check
CLOSED_CALL_KEPT_DAYS = 365  # after a call closed, the emails of signers who did not ask to be kept informed go


class SignOutcome:
    """What signing did, for tests and logs only: every outcome shows the visitor the same page."""

    NEW = "new"  # a new signature, its confirmation link mailed
    LINK_AGAIN = "link_again"  # an unconfirmed signature of the address: a new confirmation link mailed
    ALREADY_SIGNED = "already_signed"  # a confirmed one: "you had already signed", with its private link
    QUIET = "quiet"  # mailed a moment ago: nothing more is sent
    NOTHING = "nothing"  # asked for the link again for an address that has not signed: nothing is sent


@dataclass(frozen=True)
class Confirmed:
    """A confirmed signature and the token of its new private link (mailed; the view may show it once)."""

    signature: Signature
    private_token: str


@transaction.atomic
def public_call_create(
    *,
    index: StoryIndexPage,
    title: str,
    summary: str,
    countries: Iterable[str],
    addressed_to: str,
    opens_on: datetime.date | None = None,
    closes_on: datetime.date | None = None,
    goal: int | None = None,
    date: datetime.date | None = None,
    slug: str = "",
    topics: Iterable[str | Topic] = (),
    body: list[dict] | None = None,
    stories: Iterable[StoryPage] = (),
    user: AbstractBaseUser | None = None,
    publish: bool = True,
    **fields: Any,
) -> PublicCallPage:
    """A public call in the language of ``index`` (among its stories); published unless ``publish=False``.

    ``fields`` are the page's other fields (``lead_image``, ``author``, ``accepts_organisations``, ``updates``…);
    ``stories`` the stories it belongs to. Translate it as a story (``stories.services.story_translate``).
    """
    today = timezone.localdate()
    call = PublicCallPage(
        title=title,
        draft_title=title,
        slug=slug or slugify(title) or "call",
        locale=index.locale,
        date=date or today,
        summary=summary,
        addressed_to=addressed_to,
        opens_on=opens_on or date or today,
        closes_on=closes_on,
        goal=goal,
        body=body or [],
        **fields,
    )
    call.countries = countries_from_codes(countries)  # type: ignore[assignment]
    if topics:
        call.topics.add(*topics)
    call.linked_stories = [PublicCallStory(story=story) for story in stories]
    page_create(parent=index, page=call, user=user, publish=publish)
    return call


def call_in_language(call_key: Any, language: str) -> PublicCallPage | None:
    """The call's page in this language, else in the site's default language, else any (published pages first)."""
    return translation_for(PublicCallPage, call_key, language)


# What is one for every language of a call: its dates, its goal, whether organisations may sign.
SHARED_TERMS = ("opens_on", "closes_on", "goal", "accepts_organisations")


def call_primary(call_key: Any) -> PublicCallPage | None:
    """The page whose terms every translation follows: the call in the site's default language, else the first
    (published pages before drafts: a draft never made public sets nothing for the published ones)."""
    pages = list(PublicCallPage.objects.filter(translation_key=call_key).select_related("locale").order_by("pk"))
    for live in (True, False):
        for page in pages:
            if page.live == live and page.locale.language_code == settings.LANGUAGE_CODE:
                return page
        for page in pages:
            if page.live == live:
                return page
    return None


@transaction.atomic
def call_terms_share(call: PublicCallPage) -> int:
    """After a call is published in any language: every translation takes the primary page's terms
    (``SHARED_TERMS``), so one call opens, closes and counts toward one goal in every language. Returns how many
    translations there are besides the primary page."""
    primary = call_primary(call.call_key)
    if primary is None:
        return 0
    terms = {name: getattr(primary, name) for name in SHARED_TERMS}
    return PublicCallPage.objects.filter(translation_key=call.call_key).exclude(pk=primary.pk).update(**terms)


def _open_check(call: PublicCallPage) -> None:
    if not call.has_opened():
        raise ValidationError(_("This call is not open for signatures yet."))
    if call.has_closed() or not call.live:
        raise ValidationError(_("This call is closed: it no longer takes signatures."))


def _link(route: str, token: str, language: str) -> str:
    with translation.override(language):
        return outbox.site_address(reverse(route, kwargs={"token": token}))


def _mail(signature: Signature, call: PublicCallPage | None, name: str, **context: Any) -> None:
    call = call_in_language(signature.call_key, signature.language) if call is None else call
    if call is None or not signature.email:
        return  # the call's pages were deleted, or the address was purged: nobody to write to, or about
    outbox.mail_queue(
        to=signature.email,
        template=f"calls/emails/{name}",
        context={"signature": signature, "call": call, "confirm_days": CONFIRM_LINK_DAYS, **context},
        language=signature.language,
        purpose=f"calls.{name}",
    )


def _mail_confirm_link(signature: Signature, call: PublicCallPage | None) -> None:
    token, signature.confirm_token_hash = private_token_new()
    signature.link_sent_at = timezone.now()
    signature.save(update_fields=["confirm_token_hash", "link_sent_at", "language"])
    _mail(signature, call, "signature_confirm", confirm_link=_link("calls:confirm", token, signature.language))


def _private_token(signature: Signature) -> str:
    """The token of a signature's private link: always the same for the signature, so mailing it again (to the
    mailbox that signed) never revokes the link its owner kept. Made with the lookup key from the environment:
    a database dump alone does not give it. Only its hash is stored (``private_token_hash``)."""
    moment = int(signature.created_at.timestamp() * 1_000_000)
    return crypto.keyed_hash(f"calls-private-link:{signature.pk}:{moment}")[:32]


def _mail_already_signed(signature: Signature, call: PublicCallPage | None) -> None:
    token = _private_token(signature)
    signature.private_token_hash = private_token_hash(token)  # the same link as before (kept if already so)
    signature.link_sent_at = timezone.now()
    signature.save(update_fields=["private_token_hash", "link_sent_at", "language"])
    _mail(signature, call, "signature_already", private_link=_link("calls:signature", token, signature.language))


# What a signer may correct by signing again before confirming (the owner of the mailbox confirms what the
# confirmation page then shows).
CORRECTABLE = (
    "kind",
    "name",
    "country",
    "city",
    "show_name",
    "keep_informed",
    "member",
    "organisation_name",
    "organisation_website",
    "review",
)


def _again(
    signature: Signature,
    call: PublicCallPage | None,
    language: str,
    email: str = "",
    correction: Signature | None = None,
) -> str:
    """The address has a signature of this call: its owner is mailed what fits, at most once per quiet time.

    An unconfirmed signature takes what was given now (``correction``): a typo fixed, "show my name" ticked.
    """
    if correction is not None and not signature.is_confirmed:
        for name in CORRECTABLE:
            setattr(signature, name, getattr(correction, name))
        signature.save(update_fields=list(CORRECTABLE))
    if timezone.now() - signature.link_sent_at < datetime.timedelta(seconds=QUIET_SECONDS):
        return SignOutcome.QUIET
    if not signature.email:
        # Its email was purged (a year after the call closed): write to the address just typed, which reaches
        # the same mailbox (its hash matched), without storing it again (the saves below leave ``email`` out).
        signature.email = email
    signature.language = language
    if signature.is_confirmed:
        _mail_already_signed(signature, call)
        return SignOutcome.ALREADY_SIGNED
    _mail_confirm_link(signature, call)
    return SignOutcome.LINK_AGAIN


def signature_sign(
    *,
    call: PublicCallPage,
    name: str,
    email: str,
    country: Country | str,
    language: str,
    city: str = "",
    show_name: bool = False,
    keep_informed: bool = False,
    as_organisation: bool = False,
    member: MemberOrganisation | None = None,
    organisation_name: str = "",
    organisation_website: str = "",
) -> str:
    """Someone signs the call (as a person, or for an organisation): mailed a link to confirm; counted once
    confirmed (an organisation once checked as well). Returns a ``SignOutcome`` value.

    One signature per call and mailbox, enforced by the database: an address that has signed gets an email
    (a new confirmation link, or "you had already signed" with its private link) and nothing else changes,
    so the answer never tells whether it had signed. Refused (``ValidationError``) for a call that is not
    open, and for what the model's rules refuse (nothing is saved then).
    """
    _open_check(call)
    if as_organisation and not call.accepts_organisations:
        raise ValidationError(_("This call is signed by people only."))
    if as_organisation and member is not None:
        country = member.country  # a member organisation is of its country in the directory, whatever was typed
        others = Signature.objects.filter(call_key=call.call_key, member=member)
        if others.exclude(email_hash=crypto.mailbox_lookup_hash(email)).exists():
            raise ValidationError({"member": _("This organisation has signed this call already.")})
    if not isinstance(country, Country):
        found = Country.objects.filter(pk=str(country).strip().upper()).first()
        if found is None:
            raise ValidationError({"country": _("Choose a country from the list.")})
        country = found
    email = email.translate(crypto.ZERO_WIDTH).strip()  # invisible characters pasted along are not stored
    email_hash = crypto.mailbox_lookup_hash(email)
    signature = Signature(
        call_key=call.call_key,
        kind=SignerKind.ORGANISATION if as_organisation else SignerKind.PERSON,
        name=" ".join(name.split()),
        email=email,
        email_hash=email_hash,
        country=country,
        city=" ".join(city.split()),
        show_name=show_name and not as_organisation,
        keep_informed=keep_informed,
        member=member if as_organisation else None,
        organisation_name=(member.name if member else " ".join(organisation_name.split())) if as_organisation else "",
        organisation_website=organisation_website.strip() if as_organisation and not member else "",
        review=Review.PENDING if as_organisation else "",
        language=language,
    )
    signature.full_clean(exclude=["email_hash", "confirm_token_hash", "private_token_hash"])
    if as_organisation and not signature.organisation_name:
        raise ValidationError({"organisation_name": _("Give the organisation's name, or pick it from the list.")})
    with transaction.atomic():
        existing = Signature.objects.select_for_update().filter(call_key=call.call_key, email_hash=email_hash).first()
        if existing is not None:
            return _again(existing, call, language, email, signature)
        try:
            with transaction.atomic():
                signature.save()
        except IntegrityError:
            # The same address signing at the same moment (a double click, a retry): the other request made it.
            existing = Signature.objects.select_for_update().get(call_key=call.call_key, email_hash=email_hash)
            return _again(existing, call, language, email, signature)
        _mail_confirm_link(signature, call)
        return SignOutcome.NEW


@transaction.atomic
def signature_link_again(*, call: PublicCallPage, email: str, language: str) -> str:
    """ "Send the link again": the address's signature of this call, if any, is mailed what fits (see
    ``signature_sign``); an address that has not signed gets nothing. The answer is the same either way."""
    signature = (
        Signature.objects.select_for_update()
        .filter(call_key=call.call_key, email_hash=crypto.mailbox_lookup_hash(email))
        .first()
    )
    if signature is None or (not signature.is_confirmed and not call.takes_signatures()):
        return SignOutcome.NOTHING  # a link to confirm a signature of a closed call would only be refused
    return _again(signature, call, language, email.translate(crypto.ZERO_WIDTH).strip())


def signature_by_confirm_token(token: str) -> Signature | None:
    if not token:
        return None
    return Signature.objects.filter(confirm_token_hash=private_token_hash(token)).first()


def signature_by_private_token(token: str) -> Signature | None:
    if not token:
        return None
    return (
        Signature.objects.select_related("country", "member")
        .filter(private_token_hash=private_token_hash(token))
        .first()
    )


def confirm_link_expired(signature: Signature, *, now: datetime.datetime | None = None) -> bool:
    """A confirmation link works for ``CONFIRM_LINK_DAYS`` days after it was mailed."""
    return (now or timezone.now()) - signature.link_sent_at > datetime.timedelta(days=CONFIRM_LINK_DAYS)


def _count_change(signature: Signature, step: int) -> None:
    """Add ``step`` (1 or -1) to the count of the signature's call and country, in the caller's transaction."""
    column = "organisations" if signature.is_organisation else "people"
    counts = SignatureCount.objects.filter(call_key=signature.call_key, country_id=signature.country_id)
    if step < 0:
        # Never below zero (the column refuses it): a count that drifted must not stop a withdrawal or a check.
        if not counts.filter(**{f"{column}__gt": 0}).update(**{column: F(column) + step}):
            logger.warning("A count of call %s was already 0: run manage.py call_counts_verify", signature.call_key)
        return
    if counts.update(**{column: F(column) + step}):
        return
    try:
        with transaction.atomic():
            SignatureCount.objects.create(call_key=signature.call_key, country_id=signature.country_id, **{column: 1})
    except IntegrityError:  # made by a concurrent confirmation a moment ago
        counts.update(**{column: F(column) + step})


def confirm_refusal(signature: Signature, call: PublicCallPage | None) -> str:
    """Why this signature cannot be confirmed now ("" when it can): confirmed already, its link expired, its call
    no longer published or closed before it was signed. A signature made while the call was open may be
    confirmed for as long as its link works, also after the call's last day (signed at 23:50, confirmed at 8:00)."""
    if signature.is_confirmed:
        return _("This signature is confirmed already.")
    if confirm_link_expired(signature):
        return _("This link has expired. Ask for a new one on the call's page.")
    if call is None or not call.live:
        return _("This call is no longer published.")
    signed_on = timezone.localdate(signature.created_at)
    if call.closes_on is not None and signed_on > call.closes_on:
        return _("This call is closed: it no longer takes signatures.")
    return ""


@transaction.atomic
def signature_confirm(signature: Signature) -> Confirmed:
    """The link in the email was opened and its button pressed: the signature counts (an organisation's once
    checked). The link works once; the signer is mailed a private link to see or withdraw the signature.

    Raises ``ValidationError`` for what ``confirm_refusal`` refuses, and when the signature is gone (withdrawn,
    purged) since the link was opened.
    """
    locked = Signature.objects.select_for_update().filter(pk=signature.pk).first()
    if locked is None:
        raise ValidationError(_("This signature no longer exists. Sign again on the call's page."))
    signature = locked
    call = call_in_language(signature.call_key, signature.language)
    refusal = confirm_refusal(signature, call)
    if refusal:
        raise ValidationError(refusal)
    token = _private_token(signature)
    signature.private_token_hash = private_token_hash(token)
    # The confirmation link confirms once; opened again, it says the signature is confirmed already.
    signature.confirmed_at = timezone.now()
    signature.save(update_fields=["private_token_hash", "confirmed_at"])
    if signature.is_counted:
        _count_change(signature, +1)
    _mail(signature, call, "signature_counted", private_link=_link("calls:signature", token, signature.language))
    return Confirmed(signature, token)


@transaction.atomic
def signature_withdraw(signature: Signature) -> None:
    """The signer withdraws through the private link: the signature and everything in it are deleted."""
    locked = Signature.objects.select_for_update().filter(pk=signature.pk).first()
    if locked is None:
        return
    if locked.is_counted:
        _count_change(locked, -1)
    locked.delete()


@transaction.atomic
def organisation_review(signature: Signature, *, user: Any, approve: bool) -> Signature:
    """An editor or the country's coordinator (``core.access``) checks an organisation's signature: approved,
    it is listed and counted; declined, it is neither. Changing one's mind is allowed. The contact person is
    told by email. Anyone else gets ``PermissionDenied``."""
    if not access.may_change(user, signature):
        raise PermissionDenied
    locked = Signature.objects.select_for_update().filter(pk=signature.pk).first()
    if locked is None:
        raise ValidationError(_("This signature was withdrawn meanwhile."))
    signature = locked
    if not signature.is_organisation:
        raise ValidationError(_("Only an organisation's signature is checked."))
    was_counted = signature.is_counted
    signature.review = Review.APPROVED if approve else Review.DECLINED
    signature.reviewed_by = user
    signature.reviewed_at = timezone.now()
    signature.save(update_fields=["review", "reviewed_by", "reviewed_at"])
    if signature.is_counted != was_counted:
        _count_change(signature, +1 if signature.is_counted else -1)
    if signature.is_confirmed:
        _mail(signature, None, "organisation_approved" if approve else "organisation_declined")
    return signature


# The counts


@dataclass(frozen=True)
class CountDrift:
    """A count that differs from the rows it counts: what it says, what the rows say."""

    call_key: Any
    country: str
    people: tuple[int, int]
    organisations: tuple[int, int]


def counts_from_rows(call_key: Any = None) -> dict[tuple[Any, str], tuple[int, int]]:
    """(people, organisations) counted from the signatures themselves, by call and country."""
    rows = Signature.objects.counted()
    if call_key is not None:
        rows = rows.filter(call_key=call_key)
    grouped = (
        rows.order_by()
        .values("call_key", "country")
        .annotate(
            people=Count("pk", filter=Q(kind=SignerKind.PERSON)),
            organisations=Count("pk", filter=Q(kind=SignerKind.ORGANISATION)),
        )
    )
    return {(row["call_key"], row["country"]): (row["people"], row["organisations"]) for row in grouped}


@transaction.atomic
def counts_verify(*, repair: bool = False) -> list[CountDrift]:
    """Every count that differs from its rows; with ``repair``, the counts are set to the rows'."""
    kept = {(count.call_key, count.country_id): count for count in SignatureCount.objects.select_for_update()}
    actual = counts_from_rows()
    drifts = []
    for key in sorted(set(kept) | set(actual), key=str):
        count = kept.get(key)
        stored = (count.people, count.organisations) if count else (0, 0)
        real = actual.get(key, (0, 0))
        if stored == real:
            continue
        drifts.append(CountDrift(key[0], key[1], (stored[0], real[0]), (stored[1], real[1])))
        if repair:
            SignatureCount.objects.update_or_create(
                call_key=key[0], country_id=key[1], defaults={"people": real[0], "organisations": real[1]}
            )
    return drifts


# Keeping personal data no longer than needed (core.retention runs this at every pass of run_schedules)


@transaction.atomic
def personal_data_purge(now: datetime.datetime | None = None) -> int:
    """Delete what has served its purpose; how many signatures were deleted or emptied.

    * signatures never confirmed, once their link expired;
    * declined organisations' signatures ``DECLINED_KEPT_DAYS`` after the check;
    * ``CLOSED_CALL_KEPT_DAYS`` after a call closed: the email and city of signers who did not ask to be kept
      informed (their signature, and a name they chose to show, stay in the count and the list); the same at
      once for the signatures of a call whose every page was deleted (no page will ever close it).
    """
    now = now or timezone.now()
    done = Signature.objects.filter(
        confirmed_at__isnull=True, link_sent_at__lt=now - datetime.timedelta(days=CONFIRM_LINK_DAYS)
    ).delete()[0]
    done += Signature.objects.filter(
        review=Review.DECLINED, reviewed_at__lt=now - datetime.timedelta(days=DECLINED_KEPT_DAYS)
    ).delete()[0]
    closed_before = timezone.localdate(now) - datetime.timedelta(days=CLOSED_CALL_KEPT_DAYS)
    # Closed in every language (a translation's dates may have been changed on their own).
    kept_open = PublicCallPage.objects.filter(Q(closes_on__isnull=True) | Q(closes_on__gte=closed_before))
    closed_keys = (
        PublicCallPage.objects.filter(closes_on__lt=closed_before)
        .exclude(translation_key__in=kept_open.values("translation_key"))
        .values("translation_key")
    )
    every_key = PublicCallPage.objects.values("translation_key")
    done += (
        Signature.objects.filter(Q(call_key__in=closed_keys) | ~Q(call_key__in=every_key))
        .filter(keep_informed=False, email__isnull=False)
        .update(email=None, city=None)
    )
    return done
