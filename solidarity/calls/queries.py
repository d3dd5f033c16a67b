"""Reads of public calls that more than one place needs: the counts (page, embed, JSON), the lists on the page."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Sum

from solidarity.calls.models import PublicCallPage, Review, Signature, SignatureCount
from solidarity.core.countries import by_name
from solidarity.core.models import Country
from solidarity.core.queries import members_page_url

if TYPE_CHECKING:
    from django.http import HttpRequest

    from solidarity.stories.models import StoryPage

NAMES_SHOWN = 200  # the newest names of people who chose to be shown, on the page


@dataclass(frozen=True)
class CallCounts:
    """A call's counted signatures (confirmed people, checked organisations): in all and by country."""

    people: int = 0
    organisations: int = 0
    by_country: list[tuple[Country, int]] = field(default_factory=list)  # by count, most first; ties by name

    @property
    def total(self) -> int:
        return self.people + self.organisations

    def progress(self, goal: int | None) -> int | None:
        """Per cent of the goal reached (at most 100), or None without a goal."""
        if not goal:
            return None
        return min(100, self.total * 100 // goal)


def call_counts(call_key: Any) -> CallCounts:
    """The counts kept beside the signatures (``SignatureCount``): one query, however many signatures."""
    rows = list(SignatureCount.objects.filter(call_key=call_key).values_list("country_id", "people", "organisations"))
    people = sum(row[1] for row in rows)
    organisations = sum(row[2] for row in rows)
    totals = {code: p + o for code, p, o in rows if p + o}
    countries = by_name(Country(code=code) for code in totals)
    ordered = sorted(countries, key=lambda country: -totals[country.code])  # stable: ties stay by name
    return CallCounts(people, organisations, [(country, totals[country.code]) for country in ordered])


def call_total(call_key: Any) -> int:
    """How many signatures count, in all (for lists and the JSON counter)."""
    totals = SignatureCount.objects.filter(call_key=call_key).aggregate(p=Sum("people"), o=Sum("organisations"))
    return int(totals["p"] or 0) + int(totals["o"] or 0)


def call_totals() -> dict[Any, int]:
    """Every call's total by its key: one grouped query, for a page of cards (``calls_tags.call_total``)."""
    rows = SignatureCount.objects.order_by().values("call_key").annotate(p=Sum("people"), o=Sum("organisations"))
    return {row["call_key"]: int(row["p"] or 0) + int(row["o"] or 0) for row in rows}


def calls_of_story(story: StoryPage, translations: Iterable[Any] = ()) -> list[PublicCallPage]:
    """The visible calls that list this story or one of its ``translations`` (the story page has them at hand),
    each in the story's language if it has one (else in any language it is visible in), open ones first."""
    story_ids = {story.pk, *(translation.pk for translation in translations)}
    keys = set(
        PublicCallPage.objects.visible()
        .filter(linked_stories__story_id__in=story_ids)
        .values_list("translation_key", flat=True)
    )
    if not keys:
        return []
    chosen: dict[Any, PublicCallPage] = {}
    for call in PublicCallPage.objects.visible().filter(translation_key__in=keys).select_related("locale"):
        if call.translation_key not in chosen or call.locale_id == story.locale_id:
            chosen[call.translation_key] = call
    return sorted(chosen.values(), key=lambda call: (not call.takes_signatures(), call.title.casefold()))


def organisations_listed(call_key: Any) -> list[Signature]:
    """The organisations that signed (confirmed and checked), by name."""
    rows = (
        Signature.objects.of_call(call_key)
        .organisations()
        .confirmed()
        .filter(review=Review.APPROVED)
        .select_related("member", "country")
    )
    return sorted(rows, key=lambda signature: signature.display_name.casefold())


def _names_shown_rows(call_key: Any) -> Any:
    return Signature.objects.of_call(call_key).people().confirmed().filter(show_name=True)


def names_shown(call_key: Any, *, limit: int = NAMES_SHOWN) -> list[Signature]:
    """The newest confirmed people who chose to show their name (names are decrypted here, ``limit`` at most)."""
    rows = _names_shown_rows(call_key).select_related("country")
    return list(rows.order_by("-confirmed_at", "-pk")[:limit])


def updates_newest_first(call: PublicCallPage) -> list[Any]:
    """The call's updates ("handed over to … on …"), the newest first (an update without a date last)."""
    updates = list(call.updates)
    return sorted(updates, key=lambda block: block.value.get("date") or datetime.date.min, reverse=True)


def call_page_context(call: PublicCallPage, request: HttpRequest | None = None) -> dict[str, Any]:
    """What the call's page shows beside its text: counts, progress, organisations, names, its stories."""
    from solidarity.calls.embed import embedding
    from solidarity.calls.forms import SignatureForm
    from solidarity.stories.models import StoryPage

    counts = call_counts(call.call_key)
    names = names_shown(call.call_key)
    names_count = len(names) if len(names) < NAMES_SHOWN else _names_shown_rows(call.call_key).count()
    story_ids = [link.story_id for link in call.linked_stories.all()]
    stories = StoryPage.objects.visible().filter(pk__in=story_ids).for_cards().newest_first() if story_ids else []
    return {
        "counts": counts,
        "progress": counts.progress(call.goal),
        "organisations": organisations_listed(call.call_key),
        "names": names,
        "names_more": names_count - len(names),  # shown names beyond the newest NAMES_SHOWN
        "names_hidden": max(0, counts.people - names_count),  # people who signed without showing their name
        "members_url": members_page_url(call.locale, request),
        "updates": updates_newest_first(call),
        "call_stories": list(stories),
        "takes_signatures": call.takes_signatures(),
        # The form of the signing section (calls/_sign_section.html): unbound, the same for every reader.
        "sign_form": SignatureForm(call=call) if call.takes_signatures() else None,
        # What partner sites paste to show the counter or the form (absolute with the site's base address).
        "embedding": embedding(call),
    }


def signature_data(signature: Signature, call: PublicCallPage | None, call_url: str = "") -> dict[str, Any]:
    """Everything the site keeps about one signature, for its signer to download (through the private link);
    ``call_url`` is the call's address as the request reached the site."""
    return {
        "call": {"title": call.title, "url": call_url} if call is not None else None,
        "signed_as": signature.kind,
        "name": signature.name,
        "email": signature.email,
        "country": signature.country_id,
        "city": signature.city or "",
        "name_shown_publicly": signature.show_name,
        "keep_informed": signature.keep_informed,
        "organisation": {
            "name": signature.display_name,
            "member_of_the_network": signature.member_id is not None,
            "website": signature.organisation_website,
            "check": signature.review,
        }
        if signature.is_organisation
        else None,
        "language": signature.language,
        "signed_at": signature.created_at.isoformat(),
        "confirmed_at": signature.confirmed_at.isoformat() if signature.confirmed_at else None,
    }
