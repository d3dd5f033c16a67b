"""The campaigns' forms. Public: joining, adding an activity, signing up, writing to a contact; and the edit forms
behind the private links.

Every public form carries core's spam guard (``SpamGuardMixin``); the edit forms behind a private link do not
(the link is the key). What people type is kept as plain text and shown escaped wherever it appears.
Times are typed as the organiser's local date and time and turned into aware UTC datetimes with the time zone
they choose (or the only one of their country). What readers type into campaign pages too: the filters of the
activities list and the calendar's month.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from solidarity.campaigns.models import (
    ACTIVITY_DESCRIPTION_LENGTH,
    DESCRIPTION_LENGTH,
    MAX_PEOPLE_PER_SIGN_UP,
    NAME_LENGTH,
    ActivityKind,
    CampaignPage,
    ParticipatingGroup,
)
from solidarity.core.countries import CountryChoiceField
from solidarity.core.filters import CountryFilterForm, printable
from solidarity.core.forms import MemberChoiceField, ServiceErrorsMixin, WebAddressField
from solidarity.core.forms import email_field as _email
from solidarity.core.models import MemberOrganisation
from solidarity.core.spam import SpamGuardMixin

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LOCAL_TIME_FORMAT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends
LOCAL_TIME_INPUT_FORMATS = [LOCAL_TIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
MAX_CAPACITY = 100_000

ACTIVITY_FIELD_ORDER = [
    "title",
    "description",
    "kind",
    "language",
    "starts_at",
    "ends_at",
    "time_zone",
    "country",
    "city",
    "address",
    "online_url",
    "organiser_group",
    "organiser_name",
    "capacity",
    "waiting_list",
]


# Choices


@lru_cache(maxsize=1)
def zones_by_country() -> dict[str, tuple[str, ...]]:
    """The IANA time zones of each country (``zone.tab`` of the time zone database), by country code."""
    text = ""
    try:
        text = (resources.files("tzdata.zoneinfo") / "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        system = Path("/usr/share/zoneinfo/zone.tab")
        text = system.read_text(encoding="utf-8") if system.exists() else ""
    zones: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            zones.setdefault(parts[0], []).append(parts[2])
    return {code: tuple(names) for code, names in zones.items()}


def zone_for_country(code: str) -> str | None:
    """The country's time zone when it has only one (Georgia: Asia/Tbilisi), else None (Russia has many)."""
    zones = zones_by_country().get(code.upper(), ())
    return zones[0] if len(zones) == 1 else None


@lru_cache(maxsize=1)
def _all_zones() -> tuple[str, ...]:
    return tuple(sorted(settings.WAGTAIL_USER_TIME_ZONES))


def time_zone_choices() -> list[Any]:
    """The time zones of the network's countries first, then every other; an empty choice guesses from the country."""
    region: list[str] = []
    for code in settings.COUNTRIES_FIRST:
        for zone in zones_by_country().get(code, ()):
            if zone not in region:
                region.append(zone)
    others = [zone for zone in _all_zones() if zone not in region]
    return [
        ("", gettext("From the country (when it has one time zone)")),
        (gettext("The network's countries"), [(zone, zone.replace("_", " ")) for zone in region]),
        (gettext("All time zones"), [(zone, zone.replace("_", " ")) for zone in others]),
    ]


# Written languages that Django names only with a script (Chinese) or spells in two scripts (Serbian).
SCRIPT_VARIANTS = frozenset({"zh-hans", "zh-hant", "sr-latn"})


def _other_language_codes() -> list[str]:
    """Every language Django knows but the site's, without regional variants (Australian English, Mexican Spanish …)."""
    site = {code for code, _name in settings.LANGUAGES}
    return [
        code
        for code, info in LANG_INFO.items()
        if "name" in info and code not in site and ("-" not in code or code in SCRIPT_VARIANTS)
    ]


def activity_language_choices() -> list[Any]:
    """The site's languages first, then every other language Django knows, by name in the active language."""
    others = sorted(
        ((code, gettext(LANG_INFO[code]["name"])) for code in _other_language_codes()),
        key=lambda choice: choice[1].casefold(),
    )
    return [
        ("", "—"),
        (gettext("Languages of this site"), [(code, name) for code, name in settings.LANGUAGES]),
        (gettext("Other languages"), others),
    ]


def _language_codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES} | set(_other_language_codes())


# Fields


# The years a campaign's dates may be in: beyond them a date is a mistake (and year 1 or 9999 overflows).
FIRST_YEAR = 2000
LAST_YEAR = 2100


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as the organiser types it, without a time zone (the form's time zone field gives it).

    ``<input type="datetime-local">`` sends ``2026-04-30T18:00``; a browser without it shows a text box, where
    ``2026-04-30 18:00`` works as well (the help text says so).
    """

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_TIME_FORMAT)
    input_formats = LOCAL_TIME_INPUT_FORMATS
    default_error_messages = {"invalid": _("Enter the date and time like this: 2026-04-30 18:00.")}

    def to_python(self, value: Any) -> datetime.datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None)
        result = forms.fields.BaseTemporalField.to_python(self, str(value).strip())
        if not isinstance(result, datetime.datetime):
            return None
        if not FIRST_YEAR <= result.year <= LAST_YEAR:  # year 1 or 9999 would overflow in any time zone
            raise ValidationError(
                _("Give a date between %(first)s and %(last)s."), params={"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return result.replace(second=0, microsecond=0)


def _text(label: Any, max_length: int, *, required: bool = True, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, required=required, **kwargs)


def _long_text(label: Any, max_length: int, *, required: bool = True, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=max_length, required=required, widget=forms.Textarea(attrs={"rows": 6}), **kwargs
    )


class CampaignFormMixin(ServiceErrorsMixin):
    """What every campaign form shares: errors from a service put on their fields."""


# Groups


class GroupFieldsForm(CampaignFormMixin):
    """A group's entry: a member organisation of the network, or the group's own name and country."""

    member = MemberChoiceField(
        label=_("Member organisation of the network"),
        queryset=MemberOrganisation.objects.select_related("country").order_by("name"),
        required=False,
        empty_label=_("— Not a member: we describe our group below —"),
        help_text=_("Type the first letters of its name to find it in the list."),
    )
    name = _text(
        _("Name of the group or organisation"),
        NAME_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = CountryChoiceField(
        label=_("Country"),
        required=False,
        empty_label=_("— Choose the country —"),
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    city = _text(_("City"), 100, required=False)
    website = WebAddressField(label=_("Website"), required=False, max_length=200, help_text=_("Optional."))
    description = _long_text(
        _("Short description"),
        DESCRIPTION_LENGTH,
        required=False,
        help_text=_("What the group does, in a few sentences."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        member = data.get("member")
        if member is None:
            if not data.get("name") and "name" not in self.errors:
                self.add_error("name", _("Give the group's name, or choose it from the member organisations."))
            if not data.get("country") and "country" not in self.errors:
                self.add_error("country", _("Choose the group's country."))
        return data

    def values(self) -> dict[str, Any]:
        """What the services take (``GROUP_FIELDS``): a member organisation brings its own name and country."""
        data = self.cleaned_data
        values: dict[str, Any] = {
            "member": data.get("member"),
            "city": data.get("city", ""),
            "website": data.get("website", ""),
            "description": data.get("description", ""),
        }
        if data.get("member") is not None:
            values["name"] = data["member"].name
            values["country"] = data["member"].country
            values["city"] = values["city"] or data["member"].city
            values["website"] = values["website"] or data["member"].website
        else:
            values["name"] = data["name"]
            values["country"] = data["country"]
        return values

    @classmethod
    def initial_from(cls, group: ParticipatingGroup) -> dict[str, Any]:
        return {
            "member": group.member_id,
            "name": "" if group.member_id else group.name,
            "country": group.country_id,
            "city": group.city,
            "website": group.website,
            "description": group.description,
        }


class ContactFieldsMixin(forms.Form):
    contact_name = _text(
        _("Your name"),
        NAME_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Only the coordinators see it."),
    )
    contact_email = _email(_("Your email"), help_text=_("We send the private link to your entry here. Never shown."))


class GroupJoinForm(SpamGuardMixin, GroupFieldsForm, ContactFieldsMixin):
    """“Join the campaign”."""

    field_order = ["member", "name", "country", "city", "website", "description", "contact_name", "contact_email"]


# Activities


class ActivityFieldsForm(CampaignFormMixin):
    """An activity: what, when (local time and zone), where (a place or an online link), in which language, by whom."""

    field_order = ACTIVITY_FIELD_ORDER

    title = _text(_("Title"), NAME_LENGTH)
    description = _long_text(_("Description"), ACTIVITY_DESCRIPTION_LENGTH, help_text=_("What happens, and for whom."))
    kind = forms.ChoiceField(
        label=_("Kind of activity"),
        choices=[("", "—"), *ActivityKind.choices],
        error_messages={"invalid_choice": _("Choose a kind of activity from the list.")},
    )
    starts_at = LocalDateTimeField(
        label=_("Starts"), help_text=_("Local date and time where it happens, such as 2026-04-30 18:00.")
    )
    ends_at = LocalDateTimeField(label=_("Ends"), help_text=_("Local date and time, such as 2026-04-30 20:00."))
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        help_text=_("Left as it is, the time zone of the country, when it has only one."),
        error_messages={"invalid_choice": _("Choose a time zone from the list.")},
    )
    country = CountryChoiceField(
        label=_("Country"),
        empty_label=_("— Choose the country —"),
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    city = _text(_("City"), 100, required=False)
    address = _text(_("Address"), 300, required=False, help_text=_("Where to come: street, building, room."))
    online_url = WebAddressField(
        label=_("Online link"),
        required=False,
        max_length=500,
        help_text=_("For an online activity: where to join it. Give either the city or an online link."),
    )
    language = forms.ChoiceField(
        label=_("Language of the activity"),
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )
    organiser_group = forms.ModelChoiceField(
        label=_("Organised by a group taking part"),
        queryset=ParticipatingGroup.objects.none(),
        required=False,
        empty_label=_("— Another organiser: name below —"),
    )
    organiser_name = _text(
        _("Organiser"),
        NAME_LENGTH,
        required=False,
        help_text=_("The name shown as the organiser, when no group above is chosen."),
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        required=False,
        min_value=1,
        max_value=MAX_CAPACITY,
        help_text=_("How many people can come. Leave empty for no limit."),
    )
    waiting_list = forms.BooleanField(
        label=_("Keep a waiting list when all places are taken"),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        campaign: CampaignPage,
        original_start: datetime.datetime | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.original_start = original_start  # an edit keeps a start that has passed; a new start is in the future
        for name, choices in (("time_zone", time_zone_choices()), ("language", activity_language_choices())):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices
        groups = ParticipatingGroup.objects.of_campaign(campaign.campaign_key).approved().order_by("name")
        organiser_group = self.fields["organiser_group"]
        assert isinstance(organiser_group, forms.ModelChoiceField)
        organiser_group.queryset = groups
        if not groups.exists():
            del self.fields["organiser_group"]

    def clean_language(self) -> str:
        code = self.cleaned_data.get("language", "")
        if code not in _language_codes():
            raise ValidationError(_("Choose a language from the list."))
        return code

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        zone_name = data.get("time_zone") or ""
        country = data.get("country")
        if not zone_name and country is not None:
            zone_name = zone_for_country(country.code) or ""
            if not zone_name and "time_zone" not in self.errors:
                self.add_error(
                    "time_zone",
                    gettext("%(country)s has several time zones: choose the one where it happens.")
                    % {"country": country.name},
                )
        data["time_zone"] = zone_name
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in ("starts_at", "ends_at"):
                local = data.get(name)
                if isinstance(local, datetime.datetime):
                    data[name] = local.replace(tzinfo=zone).astimezone(datetime.UTC)
            starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
            if (
                isinstance(starts_at, datetime.datetime)
                and "starts_at" not in self.errors
                and starts_at < timezone.now()
                and starts_at != self.original_start
            ):
                self.add_error("starts_at", _("The activity must start in the future."))
            if (
                isinstance(starts_at, datetime.datetime)
                and isinstance(ends_at, datetime.datetime)
                and ends_at < starts_at
                and "ends_at" not in self.errors
            ):
                self.add_error("ends_at", _("The end must come after the start."))
        if not data.get("city") and not data.get("online_url") and not {"city", "online_url"} & set(self.errors):
            self.add_error("city", _("Give the city (and address) where it happens, or an online link."))
        if not data.get("organiser_group") and not data.get("organiser_name") and "organiser_name" not in self.errors:
            self.add_error("organiser_name", _("Give the organiser's name, or choose the group."))
        return data

    def values(self) -> dict[str, Any]:
        """What the services take (``ACTIVITY_FIELDS``)."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "kind": data["kind"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "time_zone": data["time_zone"],
            "country": data["country"],
            "city": data.get("city", ""),
            "address": data.get("address", ""),
            "online_url": data.get("online_url", ""),
            "language": data["language"],
            "organiser_group": data.get("organiser_group"),
            "organiser_name": data.get("organiser_name", ""),
            "capacity": data.get("capacity"),
            "waiting_list": bool(data.get("waiting_list")),
        }

    @staticmethod
    def initial_from(activity: Any) -> dict[str, Any]:
        return {
            "title": activity.title,
            "description": activity.description,
            "kind": activity.kind,
            "starts_at": activity.local_start.replace(tzinfo=None),
            "ends_at": activity.local_end.replace(tzinfo=None),
            "time_zone": activity.time_zone,
            "country": activity.country_id,
            "city": activity.city,
            "address": activity.address,
            "online_url": activity.online_url,
            "language": activity.language,
            "organiser_group": activity.organiser_group_id,
            "organiser_name": activity.organiser_name,
            "capacity": activity.capacity,
            "waiting_list": activity.waiting_list,
        }


class ActivityForm(SpamGuardMixin, ActivityFieldsForm, ContactFieldsMixin):
    """“Add your activity”."""

    field_order = [*ACTIVITY_FIELD_ORDER, "contact_name", "contact_email"]


# Sign-ups and messages


class SignUpForm(SpamGuardMixin, CampaignFormMixin):
    name = _text(
        _("Name or pseudonym"),
        NAME_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Only the organisers' coordinators see it; a pseudonym is fine."),
    )
    email = _email(help_text=_("We send a link to confirm your place here. Never shown."))
    people = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        max_value=MAX_PEOPLE_PER_SIGN_UP,
        initial=1,
        help_text=_("You and the people coming with you."),
    )


ONLINE = "online"
OFFLINE = "offline"


class ActivityFilterForm(CountryFilterForm):
    """The activities list's filters: country, kind, online or not, from and to a day, and the page.

    Each value is checked on its own: one that is not one (``?kind=bogus``, ``?from=31-31``) is
    ignored with a note (``ignored``) and the rest still applies.
    """

    kind = forms.CharField(required=False)
    where = forms.CharField(required=False)
    date_from = forms.CharField(required=False)
    date_to = forms.CharField(required=False)
    page = forms.CharField(required=False)

    def __init__(self, data: Mapping[str, Any]) -> None:
        # The addresses say ?from= and ?to=; "from" is no name for a Python field.
        data = {
            "country": data.get("country", ""),
            "kind": data.get("kind", ""),
            "where": data.get("where", ""),
            "date_from": data.get("from", ""),
            "date_to": data.get("to", ""),
            "page": data.get("page", ""),
        }
        super().__init__(data)
        self.is_valid()  # every field is checked; the valid ones apply

    def clean_kind(self) -> str:
        kind = self.cleaned_data["kind"].strip()
        if kind and kind not in ActivityKind.values:
            raise forms.ValidationError(
                gettext("There is no kind of activity called “%(kind)s”, so the list shows every kind."),
                params={"kind": printable(kind, 40)},
            )
        return kind

    def clean_where(self) -> str:
        where = self.cleaned_data["where"].strip()
        if where and where not in (ONLINE, OFFLINE):
            raise forms.ValidationError(
                gettext("“%(value)s” is neither online nor in person, so the list shows both."),
                params={"value": printable(where, 40)},
            )
        return where

    def _day(self, name: str, message: str) -> datetime.date | None:
        value = self.cleaned_data[name].strip()
        if not value:
            return None
        try:
            day = datetime.date.fromisoformat(value) if len(value) == 10 else _not_a_day()
            if not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise ValueError(value)
            return day
        except ValueError:
            raise forms.ValidationError(message, params={"value": printable(value, 20)}) from None

    def clean_date_from(self) -> datetime.date | None:
        return self._day(
            "date_from", gettext("“%(value)s” is not a day (such as 2027-04-30), so the list starts anytime.")
        )

    def clean_date_to(self) -> datetime.date | None:
        return self._day("date_to", gettext("“%(value)s” is not a day (such as 2027-04-30), so the list ends anytime."))

    def clean_page(self) -> str:
        page = self.cleaned_data["page"].strip()
        if page and not (page.isdecimal() and page.isascii() and int(page) >= 1):
            raise forms.ValidationError(
                gettext("There is no page “%(page)s”, so the first page is shown."),
                params={"page": printable(page, 12)},
            )
        return page

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", gettext("The last day comes before the first, so the list ends anytime."))
            cleaned.pop("date_to", None)
        return cleaned

    def chosen(self) -> dict[str, Any]:
        """The filters that apply, as ``queries.activities_filtered`` takes them."""
        where = self.cleaned_data.get("where") or ""
        return {
            "country": self.chosen_country,
            "kind": self.chosen_kind,
            "online": {ONLINE: True, OFFLINE: False}.get(where),
            "date_from": self.cleaned_data.get("date_from"),
            "date_to": self.cleaned_data.get("date_to"),
        }

    @property
    def chosen_kind(self) -> str:
        return self.cleaned_data.get("kind") or ""

    @property
    def chosen_where(self) -> str:
        return self.cleaned_data.get("where") or ""

    @property
    def chosen_from(self) -> str:
        day = self.cleaned_data.get("date_from")
        return day.isoformat() if day else ""

    @property
    def chosen_to(self) -> str:
        day = self.cleaned_data.get("date_to")
        return day.isoformat() if day else ""

    @property
    def page_number(self) -> str:
        return self.cleaned_data.get("page") or "1"

    @property
    def filtered(self) -> bool:
        chosen = self.chosen()
        return any(value not in (None, "") for value in chosen.values())

    @property
    def kinds(self) -> list[tuple[str, StrOrPromise]]:
        return list(ActivityKind.choices)


def _not_a_day() -> datetime.date:
    raise ValueError


def month_from(value: str, *, today: datetime.date | None = None) -> tuple[datetime.date, str]:
    """The month of ``?month=2027-04`` (its first day), or this month with a note when it is not one."""
    today = today or timezone.localdate()
    value = (value or "").strip()
    if not value:
        return today.replace(day=1), ""
    try:
        year, month = value.split("-")
        if not (len(year) == 4 and len(month) == 2 and year.isdecimal() and month.isdecimal()):
            raise ValueError
        if not FIRST_YEAR <= int(year) <= LAST_YEAR:
            raise ValueError
        return datetime.date(int(year), int(month), 1), ""
    except ValueError:
        note = gettext("“%(value)s” is not a month (such as 2027-04), so this month is shown.") % {
            "value": printable(value, 20)
        }
        return today.replace(day=1), note
