"""Campaign test data: a campaign page in a language (with its translations), groups, activities, contacts.

Records are made through ``campaigns.services`` where a rule applies (as the public form makes them), or
directly in their final state where a test only reads them (``approved=True``).
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from solidarity.campaigns.models import (
    Activity,
    ActivityKind,
    CampaignIndexPage,
    CampaignPage,
    CountryContact,
    ParticipatingGroup,
    Status,
)
from solidarity.core import crypto
from solidarity.core.tokens import private_token_new
from solidarity.home.models import HomePage

_numbers = itertools.count(1)


def campaign_index(language: str = "en") -> CampaignIndexPage:
    """The campaign series page under the home page of ``language`` (made once)."""
    home = HomePage.objects.get(locale__language_code=language)
    existing = CampaignIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    if language != "en":  # a translation of the English series, as an editor makes it with "Translate"
        index = campaign_index("en").copy_for_translation(home.locale)
    else:
        index = CampaignIndexPage(title="Days of solidarity", slug="days", locale=home.locale)
        home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    return index


def campaign_page(
    *,
    language: str = "en",
    starts_on: datetime.date | None = None,
    title: str = "",
    publish: bool = True,
    **fields: Any,
) -> CampaignPage:
    """A campaign page under the series of ``language``: 30 days from today unless ``starts_on`` says."""
    index = campaign_index(language)
    number = next(_numbers)
    title = title or f"Day of solidarity {number}"
    page = CampaignPage(
        title=title,
        slug=slugify(title, allow_unicode=True) or f"campaign-{number}",
        live=publish,  # a page made with add_child is live unless told; a draft is not
        starts_on=starts_on or timezone.localdate() + datetime.timedelta(days=30),
        intro=fields.pop("intro", f"Why {title} matters."),
        locale=index.locale,
        **fields,
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def campaign_translation(page: CampaignPage, language: str, *, title: str = "") -> CampaignPage:
    """The campaign copied into ``language`` (its series there too), published."""
    campaign_index(language)
    translation = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=False)
    translation.title = title or f"{page.title} ({language})"
    translation.slug = slugify(translation.title, allow_unicode=True) or f"{page.slug}-{language}"
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def _submission_fields(campaign: CampaignPage, status: str, email: str | None) -> dict[str, Any]:
    number = next(_numbers)
    email = email or f"contact{number}@example.org"
    _token, token_hash = private_token_new()
    return {
        "campaign_key": campaign.campaign_key,
        "status": status,
        "sender_language": "en",
        "contact_name": f"Contact {number}",
        "contact_email": email,
        "contact_email_hash": crypto.email_lookup_hash(email),
        "private_token_hash": token_hash,
        "fingerprint": f"test-{number}",
    }


def group(
    campaign: CampaignPage,
    *,
    country: str = "RU",
    status: str = Status.APPROVED,
    email: str | None = None,
    **fields: Any,
) -> ParticipatingGroup:
    """A group of ``campaign`` in its final state (approved unless ``status`` says)."""
    values = {"name": f"Group {next(_numbers)}", "city": "Vilnius", **fields}
    return ParticipatingGroup.objects.create(
        country_id=country, **_submission_fields(campaign, status, email), **values
    )


def activity(
    campaign: CampaignPage,
    *,
    country: str = "RU",
    status: str = Status.APPROVED,
    starts_at: datetime.datetime | None = None,
    hours: int = 2,
    time_zone: str = "Europe/Vilnius",
    email: str | None = None,
    **fields: Any,
) -> Activity:
    """An activity of ``campaign`` in its final state (approved unless ``status`` says), in ten days by default."""
    starts_at = starts_at or timezone.now().replace(microsecond=0) + datetime.timedelta(days=10)
    values = {
        "title": f"Activity {next(_numbers)}",
        "description": "We meet and write letters to prisoners.",
        "kind": ActivityKind.LETTERS,
        "language": "en",
        "city": "Vilnius",
        "organiser_name": "A local group",
        **fields,
    }
    return Activity.objects.create(
        country_id=country,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
        time_zone=time_zone,
        **_submission_fields(campaign, status, email),
        **values,
    )


def contact(
    campaign: CampaignPage, *, country: str = "RU", email: str = "contact@example.org", **fields: Any
) -> CountryContact:
    values = {"name": f"Person {next(_numbers)}", "role": "Coordinator", **fields}
    return CountryContact.objects.create(campaign_key=campaign.campaign_key, country_id=country, email=email, **values)
