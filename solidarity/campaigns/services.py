"""Every write of campaigns: joining, adding an activity, signing up, deciding, writing to a contact.

Views, the admin, the demo, factories and tasks call these and nothing else writes. Each write is
one transaction; the emails it causes are queued in it (``core.outbox``) and leave after commit.
A submission sent twice (a double click, a retry) is recognised by its fingerprint and makes one
record and one email.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from solidarity.campaigns.models import (
    Activity,
    CampaignPage,
    ParticipatingGroup,
    SignUp,
    SignUpStatus,
    Status,
    Submission,
)
from solidarity.core import access, crypto, outbox
from solidarity.core.pages import translation_for
from solidarity.core.tokens import private_token_hash, private_token_new

SIGN_UP_LINK_DAYS = 7  # a sign-up's confirmation link expires after this many days
SIGN_UPS_KEPT_DAYS = 30  # sign-ups are deleted this long after their activity ended
CONTACT_KEPT_DAYS = 90  # a declined or withdrawn entry's contact person is emptied this long after
MAX_ACTIVITY_DAYS = 31  # an activity lasts at most this long (a longer one is a mistake, and fills every calendar)

GROUP_FIELDS = ("member", "name", "country", "city", "website", "description")
ACTIVITY_FIELDS = (
    "title",
    "description",
    "kind",
    "starts_at",
    "ends_at",
    "time_zone",
    "country",
    "city",
    "address",
    "online_url",
    "language",
    "organiser_group",
    "organiser_name",
    "capacity",
    "waiting_list",
)


@dataclass(frozen=True)
class Sent:
    """What a public form's sending did: the record, whether it was new, and the private link's token
    (None when the record was already there: the link went out with the first email)."""

    record: Any
    created: bool
    token: str | None


def _fingerprint(kind: str, campaign_key: Any, values: Mapping[str, Any], email: str) -> str:
    def plain(value: Any) -> Any:
        if hasattr(value, "pk"):
            return value.pk
        if isinstance(value, datetime.datetime):
            return value.isoformat()
        return value if value is None or isinstance(value, (int, bool)) else " ".join(str(value).split())

    data = {name: plain(value) for name, value in sorted(values.items())}
    material = json.dumps([kind, str(campaign_key), crypto.normalise_email(email), data], sort_keys=True)
    return crypto.keyed_hash("submission:" + material)


def _submit(
    model: type[Submission],
    kind: str,
    *,
    campaign: CampaignPage,
    values: Mapping[str, Any],
    contact_name: str,
    contact_email: str,
    sender_language: str,
) -> Sent:
    fingerprint = _fingerprint(kind, campaign.campaign_key, values, contact_email)
    existing = model.objects.filter(campaign_key=campaign.campaign_key, fingerprint=fingerprint).first()
    if existing is not None:
        return Sent(existing, created=False, token=None)
    token, token_hash = private_token_new()
    record = model(
        campaign_key=campaign.campaign_key,
        sender_language=sender_language,
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        contact_email_hash=crypto.email_lookup_hash(contact_email),
        private_token_hash=token_hash,
        fingerprint=fingerprint,
        **values,
    )
    record.full_clean(exclude=["contact_email_hash", "private_token_hash", "fingerprint"])
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        # The same form sent twice at the same moment: the other request made the record.
        existing = model.objects.filter(campaign_key=campaign.campaign_key, fingerprint=fingerprint).first()
        if existing is None:
            raise
        return Sent(existing, created=False, token=None)
    return Sent(record, created=True, token=token)


# Groups


@transaction.atomic
def group_submit(
    *,
    campaign: CampaignPage,
    values: Mapping[str, Any],
    contact_name: str,
    contact_email: str,
    sender_language: str,
) -> Sent:
    """A group asks to join ``campaign`` (pending until approved); it is mailed its private link.

    ``values`` holds ``GROUP_FIELDS`` (a member organisation brings its name and country).
    """
    values = dict(values)
    member = values.get("member")
    if member is not None:  # the directory's name and country, whatever else was typed
        values["name"] = member.name
        values["country"] = member.country
    sent = _submit(
        ParticipatingGroup,
        "group",
        campaign=campaign,
        values=values,
        contact_name=contact_name,
        contact_email=contact_email,
        sender_language=sender_language,
    )
    if sent.created:
        _mail_submitter(sent.record, "campaigns/emails/group_received", "campaigns.group_received", sent.token)
    return sent


def group_update(
    group: ParticipatingGroup, *, values: Mapping[str, Any], corrected_by: Any = None
) -> ParticipatingGroup:
    """The group changes its entry through its private link (an approved entry that changes waits for approval
    again), or a coordinator or editor corrects it in the admin (``corrected_by``: it keeps its status)."""
    return _update(group, values, GROUP_FIELDS, corrected_by=corrected_by)


# Activities


@transaction.atomic
def activity_submit(
    *,
    campaign: CampaignPage,
    values: Mapping[str, Any],
    contact_name: str,
    contact_email: str,
    sender_language: str,
    now: datetime.datetime | None = None,
) -> Sent:
    """An organiser adds an activity to ``campaign`` (pending until approved); they are mailed its private link.

    A new activity starts in the future and ends after it starts (``ValidationError`` otherwise).
    """
    now = now or timezone.now()
    _activity_times_check(values, now=now)
    sent = _submit(
        Activity,
        "activity",
        campaign=campaign,
        values=values,
        contact_name=contact_name,
        contact_email=contact_email,
        sender_language=sender_language,
    )
    if sent.created:
        _mail_submitter(sent.record, "campaigns/emails/activity_received", "campaigns.activity_received", sent.token)
    return sent


def _activity_times_check(values: Mapping[str, Any], *, now: datetime.datetime) -> None:
    starts_at, ends_at = values.get("starts_at"), values.get("ends_at")
    errors: dict[str, str] = {}
    if starts_at is not None and starts_at < now:
        errors["starts_at"] = _("The activity must start in the future.")
    if starts_at is not None and ends_at is not None:
        errors.update(_duration_errors(starts_at, ends_at))
    if errors:
        raise ValidationError(errors)


def _duration_errors(starts_at: datetime.datetime, ends_at: datetime.datetime) -> dict[str, str]:
    if ends_at < starts_at:
        return {"ends_at": _("The end must come after the start.")}
    if ends_at - starts_at > datetime.timedelta(days=MAX_ACTIVITY_DAYS):
        return {"ends_at": _("An activity lasts at most %(days)s days.") % {"days": MAX_ACTIVITY_DAYS}}
    return {}


@transaction.atomic
def activity_update(activity: Activity, *, values: Mapping[str, Any], corrected_by: Any = None) -> Activity:
    """The organiser changes the activity through its private link (an approved one that changes waits for approval
    again: nothing unreviewed goes public), or a coordinator or editor corrects it (``corrected_by``: keeps its status).

    More places (or no limit any more) go to the waiting list first, who are told by email.
    """
    if "starts_at" in values or "ends_at" in values:
        merged = {"starts_at": activity.starts_at, "ends_at": activity.ends_at, **values}
        errors = _duration_errors(merged["starts_at"], merged["ends_at"])
        if "starts_at" in values and values["starts_at"] != activity.starts_at and values["starts_at"] < timezone.now():
            errors["starts_at"] = _("The activity must start in the future.")
        if errors:
            raise ValidationError(errors)
    capacity_before = activity.capacity
    activity = _update(activity, values, ACTIVITY_FIELDS, corrected_by=corrected_by)
    if capacity_before is not None and (activity.capacity is None or activity.capacity > capacity_before):
        _waiting_list_move_up(activity)
    return activity


@transaction.atomic
def _update(record: Submission, values: Mapping[str, Any], allowed: tuple[str, ...], *, corrected_by: Any) -> Any:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"Not changeable here: {', '.join(sorted(unknown))}")
    if record.status == Status.WITHDRAWN:
        raise ValidationError(_("This entry was withdrawn and can no longer be changed."))
    if corrected_by is not None and not access.may_change(corrected_by, record):
        raise PermissionDenied
    changed = {name for name, value in values.items() if getattr(record, name) != value}
    for name, value in values.items():
        setattr(record, name, value)
    if corrected_by is not None and not access.may_change(corrected_by, record):
        raise PermissionDenied  # moved to a country the corrector does not answer for
    if corrected_by is None and changed and record.status in (Status.APPROVED, Status.DECLINED):
        # The sender's own change is new text nobody has reviewed (another country, another link): it waits
        # for the coordinator of its country again, and is not public meanwhile.
        record.status = Status.PENDING
        record.decided_by = None
        record.decided_at = None
        record.decision_message = ""
    record.updated_at = timezone.now()
    record.full_clean(exclude=["contact_email_hash", "private_token_hash", "fingerprint"])
    record.save()
    return record


@transaction.atomic
def submission_withdraw(record: Submission) -> Submission:
    """The sender takes back their group or activity (through the private link): no longer public.

    Its fingerprint changes, so the same entry sent again later is a new one (not taken for a double click).
    """
    if record.status != Status.WITHDRAWN:
        record.fingerprint = crypto.keyed_hash(f"withdrawn:{record.pk}:{record.fingerprint}")
    record.status = Status.WITHDRAWN
    record.updated_at = timezone.now()
    record.save(update_fields=["status", "updated_at", "fingerprint"])
    return record


def submission_by_token(model: type[Submission], token: str) -> Any:
    """The group or activity whose private link carries this token, or None."""
    return model.objects.filter(private_token_hash=private_token_hash(token)).first()


# Decisions (the country's coordinator or an editor, in the admin)


@transaction.atomic
def submission_decide(record: Submission, *, user: Any, approve: bool, message: str = "") -> Submission:
    """Approve or decline a group or an activity, with an optional message; the sender is told by email.

    Only a staff member who may change the record (``core.access``: a coordinator of its country, an
    editor) decides; anyone else gets ``PermissionDenied``. Deciding again (changing one's mind) is
    allowed and mails the sender again.
    """
    if not access.may_change(user, record):
        raise PermissionDenied
    if record.status == Status.WITHDRAWN:
        raise ValidationError(_("The sender withdrew this entry."))
    record.status = Status.APPROVED if approve else Status.DECLINED
    record.decision_message = message.strip()
    record.decided_by = user
    record.decided_at = record.updated_at = timezone.now()
    record.save(update_fields=["status", "decision_message", "decided_by", "decided_at", "updated_at"])
    name = f"{record.entry_kind}_{'approved' if approve else 'declined'}"
    _mail_submitter(record, f"campaigns/emails/{name}", f"campaigns.{name}", None)
    return record


def _mail_submitter(record: Submission, template: str, purpose: str, token: str | None) -> None:
    campaign = campaign_in_language(record.campaign_key, record.sender_language)
    link = ""
    if token is not None:
        with translation.override(record.sender_language):
            link = outbox.site_address(reverse(f"campaigns:{record.entry_kind}_entry", kwargs={"token": token}))
    outbox.mail_queue(
        to=record.contact_email,
        template=template,
        context={"record": record, "campaign": campaign, "private_link": link},
        language=record.sender_language,
        purpose=purpose,
    )


def campaign_in_language(campaign_key: Any, language: str) -> CampaignPage | None:
    """The campaign's page in this language, else in the site's default language, else any (published first)."""
    return translation_for(CampaignPage, campaign_key, language)


# Sign-ups


def places_taken(activity: Activity) -> int:
    """People confirmed for the activity (the waiting list and unconfirmed sign-ups not counted)."""
    taken = activity.sign_ups.filter(status=SignUpStatus.CONFIRMED).aggregate(total=Sum("people"))["total"]
    return int(taken or 0)


def places_left(activity: Activity) -> int | None:
    """Places left, or None for an activity without a limit."""
    if activity.capacity is None:
        return None
    return max(activity.capacity - places_taken(activity), 0)


def _sign_ups_open_check(activity: Activity) -> None:
    """Only an approved activity that is not over takes sign-ups and confirmations."""
    if activity.status != Status.APPROVED or activity.is_over:
        raise ValidationError(_("Sign-ups for this activity are closed."))


@transaction.atomic
def sign_up_request(*, activity: Activity, name: str, email: str, people: int, language: str) -> SignUp:
    """Someone asks to come to an approved activity: mailed a link to confirm (counted only once confirmed).

    Asking again with the same email (whatever its case) mails the same kind of link again for the one
    sign-up of that address, so the page never tells whether an address had signed up. Refused
    (``ValidationError``) for an activity that is not approved or already over, and when the activity is
    full and keeps no waiting list.
    """
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    _sign_ups_open_check(activity)
    left = places_left(activity)
    if left is not None and people > left and not activity.waiting_list:
        raise ValidationError(
            _("This activity is full.") if left == 0 else _("Only %(left)s places are left.") % {"left": left}
        )
    email_hash = crypto.email_lookup_hash(email)
    token, token_hash = private_token_new()
    sign_up = SignUp.objects.filter(activity=activity, email_hash=email_hash).first() or SignUp(
        activity=activity, email_hash=email_hash
    )
    has_place = sign_up.status in (SignUpStatus.CONFIRMED, SignUpStatus.WAITING)
    # A new, unconfirmed or cancelled sign-up gets a link to confirm what was given now; one with a place, a
    # reminder with a new link to see or cancel it.
    mail_name = "sign_up_again" if has_place else "sign_up_confirm"
    if not has_place:
        sign_up.name = name.strip()
        sign_up.email = email.strip()
        sign_up.people = people
        sign_up.status = SignUpStatus.UNCONFIRMED
        sign_up.created_at = timezone.now()
    sign_up.language = language
    sign_up.private_token_hash = token_hash  # a new link; an earlier one stops working
    sign_up.full_clean(exclude=["email_hash", "private_token_hash"])
    sign_up.save()
    with translation.override(language):
        link = outbox.site_address(reverse("campaigns:sign_up", kwargs={"token": token}))
    outbox.mail_queue(
        to=sign_up.email,
        template=f"campaigns/emails/{mail_name}",
        context={"sign_up": sign_up, "activity": activity, "private_link": link, "days": SIGN_UP_LINK_DAYS},
        language=language,
        purpose=f"campaigns.{mail_name}",
    )
    return sign_up


def sign_up_by_token(token: str) -> SignUp | None:
    return SignUp.objects.select_related("activity").filter(private_token_hash=private_token_hash(token)).first()


def sign_up_link_expired(sign_up: SignUp, *, now: datetime.datetime | None = None) -> bool:
    """An unconfirmed sign-up's link works for ``SIGN_UP_LINK_DAYS`` days."""
    now = now or timezone.now()
    return sign_up.status == SignUpStatus.UNCONFIRMED and now - sign_up.created_at > datetime.timedelta(
        days=SIGN_UP_LINK_DAYS
    )


@transaction.atomic
def sign_up_confirm(sign_up: SignUp) -> SignUp:
    """The link in the email was opened: the sign-up counts, or joins the waiting list when the places are gone.

    Confirming again changes nothing. An expired link raises ``ValidationError`` (ask for a new one).
    """
    sign_up = SignUp.objects.select_for_update().select_related("activity").get(pk=sign_up.pk)
    if sign_up.status in (SignUpStatus.CONFIRMED, SignUpStatus.WAITING):
        return sign_up
    if sign_up.status == SignUpStatus.CANCELLED:
        raise ValidationError(_("This sign-up was cancelled. Sign up again on the activity's page."))
    if sign_up_link_expired(sign_up):
        raise ValidationError(_("This link has expired. Sign up again on the activity's page for a new one."))
    activity = Activity.objects.select_for_update().get(pk=sign_up.activity_id)
    _sign_ups_open_check(activity)
    left = places_left(activity)
    if left is not None and sign_up.people > left:
        if not activity.waiting_list:
            raise ValidationError(_("Sorry: the activity filled up before you confirmed."))
        sign_up.status = SignUpStatus.WAITING
    else:
        sign_up.status = SignUpStatus.CONFIRMED
    sign_up.confirmed_at = timezone.now()
    sign_up.save(update_fields=["status", "confirmed_at"])
    return sign_up


@transaction.atomic
def sign_up_cancel(sign_up: SignUp) -> SignUp:
    """The person cancels; the first on the waiting list who fits gets the freed places (and an email)."""
    sign_up = SignUp.objects.select_for_update().select_related("activity").get(pk=sign_up.pk)
    if sign_up.status == SignUpStatus.CANCELLED:
        return sign_up
    was_counted = sign_up.status == SignUpStatus.CONFIRMED
    sign_up.status = SignUpStatus.CANCELLED
    sign_up.save(update_fields=["status"])
    if was_counted:
        _waiting_list_move_up(sign_up.activity)
    return sign_up


def _waiting_list_move_up(activity: Activity) -> None:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    for waiting in activity.sign_ups.filter(status=SignUpStatus.WAITING).order_by("confirmed_at", "pk"):
        left = places_left(activity)
        if left is not None and waiting.people > left:
            continue
        waiting.status = SignUpStatus.CONFIRMED
        token, waiting.private_token_hash = private_token_new()  # a fresh link to see or cancel the place
        waiting.save(update_fields=["status", "private_token_hash"])
        with translation.override(waiting.language):
            link = outbox.site_address(reverse("campaigns:sign_up", kwargs={"token": token}))
        outbox.mail_queue(
            to=waiting.email,
            template="campaigns/emails/sign_up_place_free",
            context={"sign_up": waiting, "activity": activity, "private_link": link},
            language=waiting.language,
            purpose="campaigns.sign_up_place_free",
        )


# Keeping personal data no longer than needed (core.retention runs this at every pass of run_schedules)


@transaction.atomic
def personal_data_purge(now: datetime.datetime | None = None) -> int:
    """Delete what has served its purpose; how many records were deleted or emptied.

    * sign-ups never confirmed once their link expired, and cancelled ones;
    * every sign-up ``SIGN_UPS_KEPT_DAYS`` after its activity ended;
    * the contact person (name, email) of a declined or withdrawn group or activity ``CONTACT_KEPT_DAYS`` after
      its last change (the entry itself stays, so its history and the decision still read);
    * messages to country contacts after ``MESSAGES_KEPT_DAYS``.
    """
    now = now or timezone.now()
    expired = SignUp.objects.filter(
        status=SignUpStatus.UNCONFIRMED, created_at__lt=now - datetime.timedelta(days=SIGN_UP_LINK_DAYS)
    )
    done = expired.delete()[0]
    done += SignUp.objects.filter(status=SignUpStatus.CANCELLED).delete()[0]
    done += SignUp.objects.filter(activity__ends_at__lt=now - datetime.timedelta(days=SIGN_UPS_KEPT_DAYS)).delete()[0]
    for model in (ParticipatingGroup, Activity):
        closed = model.objects.filter(
            status__in=[Status.DECLINED, Status.WITHDRAWN],
            updated_at__lt=now - datetime.timedelta(days=CONTACT_KEPT_DAYS),
        ).exclude(contact_email_hash="")
        done += closed.update(contact_name="", contact_email="", contact_email_hash="")
    return done
