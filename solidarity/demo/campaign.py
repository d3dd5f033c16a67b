"""The demo campaign: "International Day of Solidarity with Civil Society" on 30 April, in every site language.

The series page under the home page, the page of the coming 30 April (live, open to groups and
activities) and the page of the last one (the archive), written in each language (``campaign_text``
and ``campaign_text_more``), their two stories in English and Russian (the open letter and the
report on the last day), and everything the public brings: groups, activities (some over, some
waiting for approval), sign-ups, and the country contacts (``campaign_people``).

Groups, activities and sign-ups are made through ``campaigns.services`` as the public forms make
them, and decided by the demo's editor or the country's coordinator as in the admin. Each item is
found by a stable key (a page's slug, a group's name, an activity's title, a contact's country and
name), so loading the demo again adds nothing.

The day is the next 30 April after today, and the archive the one a year before: the demo stays a
campaign to come whenever it is loaded.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import uuid
import zoneinfo
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Locale

from solidarity.campaigns import services
from solidarity.campaigns.blocks import JoinAction
from solidarity.campaigns.models import (
    Activity,
    CampaignIndexPage,
    CampaignPage,
    CampaignStory,
    CountryContact,
    ParticipatingGroup,
)
from solidarity.core.models import Country, MemberOrganisation, OutgoingEmail
from solidarity.core.pages_services import page_create, page_translation_ensure
from solidarity.demo import campaign_text as text
from solidarity.demo import illustrations
from solidarity.demo.calls import call_signatures_ensure
from solidarity.demo.campaign_people import (
    ACTIVITIES,
    APPROVED,
    ARCHIVE,
    CONTACTS,
    GROUPS,
    LIVE,
    PENDING,
    DemoActivity,
    DemoGroup,
    email_of,
)
from solidarity.demo.campaign_text_more import ALT_MORE
from solidarity.demo.demo import (
    IMAGE_SIZE,
    IMAGES,
    DemoFiles,
    Tally,
    image_jpeg,
    story_ensure,
    translation_ensure,
)
from solidarity.demo.staff_users import DEMO_STAFF
from solidarity.home.models import HomePage
from solidarity.stories.models import StoryIndexPage, StoryPage

if TYPE_CHECKING:
    from wagtail.images.models import AbstractImage

Log = Callable[[str], None]
# The pages in every language, as the demo's pages of text; their stories in English and Russian, as the demo's.
LANGUAGES = ("en", *(code for code, _name in settings.LANGUAGES if code != "en"))  # English first: the original
STORY_LANGUAGES = ("en", "ru")
DAY = (4, 30)  # 30 April
SITE_LANGUAGES = set(LANGUAGES)

# The lead images: two of the demo's drawings in another arrangement, photo-like JPEGs (demo.image_jpeg).
LEAD_IMAGES = {
    LIVE: ("horizon", "campaign-live", "(campaign, the coming day)"),
    ARCHIVE: ("circles", "campaign-archive", "(campaign, the last day)"),
}
ORGANISERS = ("Kura Valley Trial Observers", "Warsaw Postcard Circle", "Minsk Observers’ Circle")
ARCHIVE_ORGANISERS = ("Minsk Observers’ Circle", "Vilnius House of Exiles")


def campaign_day(today: datetime.date) -> datetime.date:
    """The coming 30 April: this year's while it is still ahead, else next year's."""
    day = datetime.date(today.year, *DAY)
    return day if day > today else datetime.date(today.year + 1, *DAY)


# Images


def lead_image_ensure(which: str, *, tally: Tally, log: Log) -> AbstractImage:
    drawing, key, variation = LEAD_IMAGES[which]
    base = next(spec for spec in IMAGES if spec.key == drawing)
    spec = dataclasses.replace(base, key=key, title=f"{base.title} {variation}")
    image_model = get_image_model()
    image = image_model.objects.filter(title=spec.title).order_by("pk").first()
    if image is not None:
        tally.note("images", created=False)
        return image
    data = image_jpeg(spec)
    image = image_model(
        title=spec.title,
        description=spec.description,  # the drawing's: its Russian alternative text is in illustrations
        file=ContentFile(data, name=f"demo-{spec.key}.jpg"),
        width=IMAGE_SIZE[0],
        height=IMAGE_SIZE[1],
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    tally.note("images", created=True)
    log(f"Image: {spec.title}")
    return image


# Pages


def _block(kind: str, value: Any) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _series_ensure(*, tally: Tally, log: Log) -> dict[str, CampaignIndexPage]:
    """The series page under each language's home page (the others translations of the English one)."""
    home = HomePage.objects.get(locale__language_code="en")
    english = CampaignIndexPage.objects.child_of(home).filter(slug=text.SERIES_SLUG).first()
    if english is None:
        title, intro = text.SERIES["en"]
        english = page_create(parent=home, page=CampaignIndexPage(title=title, slug=text.SERIES_SLUG, intro=intro))
        tally.note("campaign series (en)", created=True)
        log(f"Campaign series (en): {title}")
    else:
        tally.note("campaign series (en)", created=False)
    series = {"en": english}
    for language in LANGUAGES:
        if language == "en":
            continue
        locale = Locale.objects.get(language_code=language)
        existing = english.get_translation_or_none(locale)
        if existing is not None:
            series[language] = existing
            tally.note(f"campaign series ({language})", created=False)
            continue
        title, intro = text.SERIES[language]
        series[language] = page_translation_ensure(
            page=english, locale=locale, title=title, slug=text.SERIES_SLUG, fields={"intro": intro}
        ).specific
        tally.note(f"campaign series ({language})", created=True)
        log(f"Campaign series ({language}): {title}")
    return series


def _history_html(paragraphs: tuple[str, ...]) -> str:
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def _page_fields(
    words: text.CampaignText,
    *,
    language: str,
    series: CampaignIndexPage,
    call: StoryPage | None,
    stories: list[StoryPage],
    image: AbstractImage,
) -> dict[str, Any]:
    """A year page's fields in one language: its words, and the pages its calls to action lead to."""
    targets = {"call": call, "series": series}
    ways = []
    for way in words.ways:
        target = targets.get(way.target)
        if way.action == JoinAction.LINK and target is None:
            continue  # the page it leads to is not there (an editor took it away)
        ways.append(
            _block(
                "way",
                {
                    "title": way.title,
                    "text": way.text,
                    "action": way.action,
                    "button_label": way.button,
                    "page": target.pk if target is not None else None,
                    "url": "",
                },
            )
        )
    body = []
    for heading, paragraphs in words.body:
        body.append(_block("heading", heading))
        body.extend(_block("paragraph", f"<p>{escape(paragraph)}</p>") for paragraph in paragraphs)
    body.append(_block("quote", {"text": words.quote[0], "attribution": words.quote[1]}))
    alt = ALT_MORE[language][image.description] if language in ALT_MORE else illustrations.alt_text(image, language)
    return {
        "intro": words.intro,
        "date_history": _history_html(words.history),
        "ways_to_join": ways,
        "body": body,
        "lead_image": image,
        "lead_image_alt": "" if language == "en" else alt,  # English: the image library's own description
        "linked_stories": [CampaignStory(story=story, sort_order=number) for number, story in enumerate(stories)],
    }


def _year_page_ensure(
    which: str,
    day: datetime.date,
    *,
    series: dict[str, CampaignIndexPage],
    stories: dict[str, dict[str, StoryPage]],
    image: AbstractImage,
    tally: Tally,
    log: Log,
) -> CampaignPage:
    """The page of one year's day in English, then its translations; the English page is returned."""
    words_of = text.live_text if which == LIVE else text.archive_text
    organiser_names = ORGANISERS if which == LIVE else ARCHIVE_ORGANISERS
    organisers = list(MemberOrganisation.objects.filter(name__in=organiser_names))
    slug = str(day.year)
    english = CampaignPage.objects.child_of(series["en"]).filter(slug=slug).first()
    for language in LANGUAGES:
        label = f"campaign pages ({language})"
        locale = Locale.objects.get(language_code=language)
        if english is not None and english.get_translation_or_none(locale) is not None:
            tally.note(label, created=False)
            continue
        words = words_of(language, day.year)
        call = stories.get(text.CALL, {}).get(language) if which == LIVE else None
        linked = [
            story
            # The coming day announces its call; last year's report belongs to last year's page.
            for key in ((text.CALL,) if which == LIVE else (text.REPORT,))
            if (story := stories.get(key, {}).get(language)) is not None
        ]
        fields = _page_fields(words, language=language, series=series[language], call=call, stories=linked, image=image)
        if english is None:
            page = CampaignPage(
                title=words.title,
                slug=slug,
                starts_on=day,
                accepts_groups=which == LIVE,
                accepts_activities=which == LIVE,
                organisers=organisers,
                **fields,
            )
            english = page_create(parent=series["en"], page=page).specific
        else:
            page_translation_ensure(page=english, locale=locale, title=words.title, slug=slug, fields=fields)
        tally.note(label, created=True)
        log(f"Campaign page ({language}): {words.title}")
    assert english is not None
    return english


def _stories_ensure(
    files: DemoFiles, archive_day: datetime.date, *, tally: Tally, log: Log
) -> dict[str, dict[str, StoryPage]]:
    """The open letter of the coming day and the report on the last, in English and Russian, by English slug."""
    indexes = {language: StoryIndexPage.objects.get(locale__language_code=language) for language in STORY_LANGUAGES}
    report_days_ago = max((timezone.localdate() - archive_day).days - 3, 0)  # three days after the day, once past
    found: dict[str, dict[str, StoryPage]] = {}
    # The report first: the open letter (a public call) lists it among its stories.
    for spec in (text.report_story(archive_day.year, report_days_ago), text.call_story(archive_day.year + 1)):
        assert spec.en is not None and spec.ru is not None
        english = story_ensure(spec, spec.en, index=indexes["en"], files=files, tally=tally, log=log)
        russian = translation_ensure(spec, english, spec.ru, index=indexes["ru"], files=files, tally=tally, log=log)
        found[spec.en.slug] = {"en": english, "ru": russian}
    return found


# What the public brings


def _deciders() -> dict[str, Any]:
    """Who approves in the demo: the coordinator of the country, else the editor (as ``core.access`` allows)."""
    users = {
        user.username: user for user in get_user_model().objects.filter(username__in=[s.username for s in DEMO_STAFF])
    }
    deciders = {}
    for spec in DEMO_STAFF:
        user = users.get(spec.username)
        if user is None:
            continue
        if spec.username == "editor":
            deciders[""] = user
        for country in spec.countries:
            deciders[country] = user
    return deciders


def _decide(record: Any, *, approve: bool, message: str, deciders: dict[str, Any]) -> None:
    user = deciders.get(record.country_id) or deciders.get("")
    if user is None:  # no demo editor (an earlier install removed it): left waiting, as a real entry would be
        return
    services.submission_decide(record, user=user, approve=approve, message=message)


def _pages_by_language(page: CampaignPage) -> dict[str, CampaignPage]:
    return {
        translation.locale.language_code: translation
        for translation in CampaignPage.objects.filter(translation_key=page.translation_key).select_related("locale")
    }


def _groups_ensure(
    which: str, page: CampaignPage, *, deciders: dict[str, Any], tally: Tally, log: Log
) -> dict[str, ParticipatingGroup]:
    """The groups of one year's day, each sent from the page in its own language where there is one."""
    pages = _pages_by_language(page)
    found = {group.name: group for group in ParticipatingGroup.objects.of_campaign(page.campaign_key)}
    members = {member.name: member for member in MemberOrganisation.objects.all()}
    for spec in (spec for spec in GROUPS if spec.campaign == which):
        if spec.name in found:
            tally.note("campaign groups", created=False)
            continue
        values: dict[str, Any] = {"city": spec.city, "website": spec.website, "description": spec.description}
        member = members.get(spec.name) if spec.member else None
        if member is not None:
            values["member"] = member  # the service brings its name and country
        else:
            values.update(name=spec.name, country=Country.objects.get(pk=spec.country))
        sent = services.group_submit(
            campaign=pages.get(spec.language, page),
            values=values,
            contact_name=spec.contact,
            contact_email=email_of(spec.name),
            sender_language=spec.language,
        )
        if spec.status != PENDING:
            _decide(sent.record, approve=spec.status == APPROVED, message=spec.message, deciders=deciders)
        found[spec.name] = sent.record
        tally.note("campaign groups", created=True)
        log(f"Campaign group ({which}): {spec.name}")
    return found


def _activity_times(spec: DemoActivity, day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """Start and end in the organiser's time zone (18:00 in Tbilisi is 18:00 Tbilisi time)."""
    if spec.days_ago is not None:
        date = timezone.localdate() - datetime.timedelta(days=spec.days_ago)
    else:
        date = day + datetime.timedelta(days=spec.day)
    starts_at = datetime.datetime.combine(date, datetime.time(*spec.start), tzinfo=zoneinfo.ZoneInfo(spec.time_zone))
    return starts_at, starts_at + datetime.timedelta(hours=spec.hours)


def _activities_ensure(
    which: str,
    page: CampaignPage,
    day: datetime.date,
    groups: dict[str, ParticipatingGroup],
    *,
    deciders: dict[str, Any],
    tally: Tally,
    log: Log,
) -> None:
    pages = _pages_by_language(page)
    group_specs: dict[str, DemoGroup] = {spec.name: spec for spec in GROUPS if spec.campaign == which}
    titles = set(Activity.objects.of_campaign(page.campaign_key).values_list("title", flat=True))
    for spec in (spec for spec in ACTIVITIES if spec.campaign == which):
        if spec.title in titles:
            tally.note("campaign activities", created=False)
            continue
        starts_at, ends_at = _activity_times(spec, day)
        group = groups.get(spec.group) if spec.group else None
        contact = spec.contact or (group_specs[spec.group].contact if spec.group else spec.organiser)
        sender_language = spec.language if spec.language in SITE_LANGUAGES else "en"
        values = {
            "title": spec.title,
            "description": spec.description,
            "kind": spec.kind,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "time_zone": spec.time_zone,
            "country": Country.objects.get(pk=spec.country),
            "city": spec.city,
            "address": spec.address,
            "online_url": spec.online_url,
            "language": spec.language,
            "organiser_group": group,
            "organiser_name": "" if group is not None else spec.organiser,
            "capacity": spec.capacity,
            "waiting_list": spec.waiting_list,
        }
        # Sent three weeks ahead (or now, if later): an activity over by now was added while still to come.
        sent_at = min(timezone.now(), starts_at - datetime.timedelta(days=21))
        sent = services.activity_submit(
            campaign=pages.get(sender_language, page),
            values=values,
            contact_name=contact,
            contact_email=email_of(spec.group or spec.organiser or contact),
            sender_language=sender_language,
            now=sent_at,
        )
        activity = sent.record
        if spec.status == APPROVED:
            _decide(activity, approve=True, message="", deciders=deciders)
        for person in spec.sign_ups:
            sign_up = services.sign_up_request(
                activity=activity, name=person.name, email=person.email, people=person.people, language=person.language
            )
            if person.confirm:
                services.sign_up_confirm(sign_up)
            tally.note("campaign sign-ups", created=True)
        tally.note("campaign activities", created=True)
        log(f"Campaign activity ({which}): {spec.title}")


def _contacts_ensure(page: CampaignPage, *, tally: Tally, log: Log) -> None:
    """The country contacts of the coming day (made as the admin's form makes them: there is no public form)."""
    existing = set(CountryContact.objects.filter(campaign_key=page.campaign_key).values_list("country_id", "name"))
    for spec in CONTACTS:
        if (spec.country, spec.name) in existing:
            tally.note("campaign contacts", created=False)
            continue
        contact = CountryContact(
            campaign_key=page.campaign_key,
            country_id=spec.country,
            name=spec.name,
            role=spec.role,
            phone=spec.phone,
            show_phone=spec.show_phone,
            email=email_of(spec.name),
            accepts_messages=spec.accepts_messages,
            sort_order=spec.order,
        )
        contact.full_clean()
        contact.save()
        tally.note("campaign contacts", created=True)
        log(f"Campaign contact ({spec.country}): {spec.name}")


@transaction.atomic
def campaign_load(*, files: DemoFiles, tally: Tally, log: Log) -> CampaignPage:
    """The whole demo campaign; run after the member organisations and the demo staff exist. Returns the live page."""
    last_email = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    day = campaign_day(timezone.localdate())
    archive_day = day.replace(year=day.year - 1)
    series = _series_ensure(tally=tally, log=log)
    stories = _stories_ensure(files, archive_day, tally=tally, log=log)
    call_signatures_ensure([text.call_story(archive_day.year + 1)], tally=tally, log=log)
    deciders = _deciders()
    pages = {}
    for which, when in ((ARCHIVE, archive_day), (LIVE, day)):
        image = lead_image_ensure(which, tally=tally, log=log)
        page = _year_page_ensure(which, when, series=series, stories=stories, image=image, tally=tally, log=log)
        groups = _groups_ensure(which, page, deciders=deciders, tally=tally, log=log)
        _activities_ensure(which, page, when, groups, deciders=deciders, tally=tally, log=log)
        pages[which] = page
    _contacts_ensure(pages[LIVE], tally=tally, log=log)
    # The services mailed every invented sender (received, approved, sign-up links) at @example.org, a domain
    # reserved for examples where nothing is delivered: in development the emails would pile up in var/mail and,
    # on a throwaway install with a real mail server, bounce. Nobody reads them, so they are dropped here, in
    # the same transaction; the task queued after commit for each finds nothing to send and stops.
    OutgoingEmail.objects.filter(pk__gt=last_email, purpose__startswith="campaigns.").delete()
    return pages[LIVE]
