"""The demo campaign: the day of solidarity in English and Russian, its groups, activities and contacts."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Locale

from solidarity.campaigns.models import (
    Activity,
    CampaignIndexPage,
    CampaignPage,
    CountryContact,
    ParticipatingGroup,
    SignUp,
    SignUpStatus,
    Status,
)
from solidarity.core.models import OutgoingEmail
from solidarity.demo.campaign import campaign_day
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

FAST_HASHING = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The ranges Ofcom keeps for drama: London 020 7946 0xxx, Manchester 0161 496 0xxx, mobiles 07700 900xxx.
FICTION_PHONE = re.compile(r"^\+44(2079460|1614960|7700900)\d{3}$")


@pytest.fixture(scope="module")
def demo_var(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-campaign") / "var"


@pytest.fixture(scope="module")
def live(request, django_db_setup, django_db_blocker, demo_var) -> CampaignPage:
    """The demo loaded once for the module; the page of the coming day, in English."""
    with shared_data(request, django_db_blocker), override_settings(VAR_DIR=demo_var, PASSWORD_HASHERS=FAST_HASHING):
        call_command("load_demo", stdout=io.StringIO())
        yield CampaignPage.objects.get(locale__language_code="en", starts_on=campaign_day(timezone.localdate()))


def test_the_coming_day_is_in_english_and_russian(live):
    russian = live.get_translation(Locale.objects.get(language_code="ru"))

    assert (live.starts_on.month, live.starts_on.day) == (4, 30)
    assert live.starts_on > timezone.localdate()
    assert live.live and russian.live
    assert russian.translation_key == live.translation_key
    assert russian.title.startswith("30 апреля")
    assert "Международный день солидарности" in russian.title


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_series_and_both_days_are_written_in_every_language(live, language):
    locale = Locale.objects.get(language_code=language)
    archive = CampaignPage.objects.get(
        locale__language_code="en", starts_on=live.starts_on.replace(year=live.starts_on.year - 1)
    )

    for english in (live.get_parent().specific, live, archive):
        page = english.get_translation(locale).specific
        assert page.live and page.slug == english.slug
        assert page.get_parent().locale == locale
        if language != "en":
            assert page.title != english.title and page.intro != english.intro
        if isinstance(page, CampaignPage):
            assert page.date_history != english.date_history or language == "en"
            assert page.lead_image_id == english.lead_image_id
            assert (page.lead_image_alt == "") == (language == "en")
    assert len(live.get_translation(locale).ways_to_join) >= 4


def test_the_series_and_its_pages_stand_under_each_home_page(live):
    english_series = live.get_parent().specific
    russian = live.get_translation(Locale.objects.get(language_code="ru"))

    assert isinstance(english_series, CampaignIndexPage)
    assert english_series.get_parent().locale.language_code == "en"
    assert russian.get_parent().specific.title == "Международный день солидарности с гражданским обществом"
    assert russian.get_parent().translation_key == english_series.translation_key


def test_the_day_has_its_history_ways_to_join_organisers_and_stories_in_each_language(live):
    russian = live.get_translation(Locale.objects.get(language_code="ru"))

    for page, language in ((live, "en"), (russian, "ru")):
        assert "30" in page.date_history and "2012" in page.date_history
        ways = [block.value for block in page.ways_to_join]
        assert len(ways) == 5
        assert {way["action"] for way in ways} == {"join", "add_activity", "link", "contacts"}
        linked = [way["page"] for way in ways if way["action"] == "link"]
        assert len(linked) == 2 and all(target.locale.language_code == language for target in linked)
        stories = [item.story for item in page.linked_stories.all()]
        assert len(stories) == 1 and all(story.locale.language_code == language for story in stories)
        assert [story.date < page.starts_on for story in stories] == [True]  # the announcement (last year's report
        # is on last year's page)
        assert page.body and page.lead_image is not None
    assert "Абстрактная иллюстрация" in russian.lead_image_alt
    russian_texts = [russian.intro, russian.date_history, strip_tags(russian.body.render_as_block())]
    russian_texts += [text for way in russian.ways_to_join for text in (way.value["title"], way.value["text"])]
    assert all(re.search("[а-яё]{4}", text) and not re.search("[a-z]{4} [a-z]{4}", text) for text in russian_texts)
    assert live.organisers.count() == 3
    assert live.accepts_groups and live.accepts_activities


def test_the_lead_image_is_a_jpeg_of_a_reasonable_size(live):
    image = live.lead_image

    with image.open_file() as file:
        assert file.read(3) == b"\xff\xd8\xff"
    assert image.file_size < 400_000


def test_approved_groups_come_from_many_countries_and_languages(live):
    groups = ParticipatingGroup.objects.of_campaign(live.campaign_key)
    approved = groups.approved()

    assert approved.count() >= 12
    assert approved.values("country").distinct().count() >= 10
    assert approved.filter(member__isnull=False).count() >= 3
    assert approved.filter(member__isnull=True).count() >= 3
    assert all(group.name == group.member.name for group in approved.filter(member__isnull=False))
    assert {"en", "ru", "de", "uk"} <= set(approved.values_list("sender_language", flat=True))
    assert all(group.decided_by is not None for group in approved)
    assert 2 <= groups.pending().count() <= 3
    [declined] = groups.filter(status=Status.DECLINED)
    assert declined.decision_message
    assert all(group.contact_email.endswith("@example.org") for group in groups)


def test_a_coordinator_approved_the_groups_of_their_country_and_the_editor_the_others(live):
    approved = ParticipatingGroup.objects.of_campaign(live.campaign_key).approved().select_related("decided_by")

    for group in approved:
        expected = {"RU": "coordinator-ru", "BY": "coordinator-by"}.get(group.country_id, "editor")
        assert group.decided_by.username == expected, group.name


def test_activities_are_many_varied_online_past_and_pending(live):
    activities = Activity.objects.of_campaign(live.campaign_key)
    now = timezone.now()

    assert activities.count() >= 25
    assert activities.exclude(online_url="").count() >= 4
    assert activities.filter(online_url="").count() >= 15
    assert activities.filter(ends_at__lt=now).count() >= 3
    assert all(activity.status == Status.APPROVED for activity in activities.filter(ends_at__lt=now))
    assert activities.pending().count() >= 3
    assert activities.pending().filter(starts_at__lt=now).count() == 0
    assert activities.values("kind").distinct().count() >= 7
    assert activities.values("country").distinct().count() >= 10
    assert activities.values("time_zone").distinct().count() >= 8
    assert {"ru", "en", "de", "uk", "be"} <= set(activities.values_list("language", flat=True))
    on_the_day = activities.filter(starts_at__date=live.starts_on).count()
    assert on_the_day >= 15


def test_an_activity_keeps_its_local_time_in_its_own_zone(live):
    tbilisi = Activity.objects.of_campaign(live.campaign_key).get(title="Evening of solidarity on Rustaveli Avenue")

    assert tbilisi.time_zone == "Asia/Tbilisi"
    assert (tbilisi.local_start.date(), tbilisi.local_start.hour, tbilisi.local_start.minute) == (
        live.starts_on,
        18,
        0,
    )
    assert tbilisi.starts_at.astimezone(datetime.UTC).hour == 14
    assert tbilisi.organiser == "Kura Valley Trial Observers"


def test_sign_ups_fill_an_activity_and_then_wait(live):
    sign_ups = SignUp.objects.filter(activity__campaign_key=live.campaign_key)
    full = Activity.objects.of_campaign(live.campaign_key).get(title="Postcard marathon")
    confirmed = sum(s.people for s in full.sign_ups.filter(status=SignUpStatus.CONFIRMED))

    assert confirmed == full.capacity
    assert full.sign_ups.filter(status=SignUpStatus.WAITING).count() == 2
    assert full.sign_ups.filter(status=SignUpStatus.UNCONFIRMED).count() == 1
    assert sign_ups.filter(status=SignUpStatus.CONFIRMED).values("activity").distinct().count() >= 3
    assert all(sign_up.email.endswith("@example.org") for sign_up in sign_ups)


def test_three_countries_have_contacts_with_numbers_kept_for_fiction(live):
    contacts = CountryContact.objects.filter(campaign_key=live.campaign_key)
    phones = [contact.phone.replace(" ", "") for contact in contacts if contact.phone]

    assert contacts.values("country").distinct().count() == 3
    assert phones and all(FICTION_PHONE.match(phone) for phone in phones)
    assert contacts.filter(show_phone=True).exists() and contacts.filter(show_phone=False).exists()
    assert contacts.filter(accepts_messages=True).exists() and contacts.filter(accepts_messages=False).exists()
    assert all(contact.email.endswith("@example.org") for contact in contacts)
    assert all(contact.role for contact in contacts)


def test_fiction_numbers_are_told_from_real_looking_ones():
    assert FICTION_PHONE.match("+442079460321")
    assert not FICTION_PHONE.match("+74951234567")
    assert not FICTION_PHONE.match("+442079461321")


def test_last_years_day_is_the_archive_with_its_own_groups_and_activities(live):
    archive = CampaignPage.objects.get(
        locale__language_code="en", starts_on=live.starts_on.replace(year=live.starts_on.year - 1)
    )
    activities = Activity.objects.of_campaign(archive.campaign_key)

    assert archive.live and archive.get_parent().id == live.get_parent().id
    assert archive.get_translation(Locale.objects.get(language_code="ru")).live
    assert archive.campaign_key != live.campaign_key
    assert not archive.accepts_groups and not archive.accepts_activities
    assert ParticipatingGroup.objects.of_campaign(archive.campaign_key).approved().count() >= 5
    assert activities.count() >= 5
    assert all(activity.ends_at < timezone.now() and activity.status == Status.APPROVED for activity in activities)
    assert all(activity.local_start.date() <= archive.starts_on + datetime.timedelta(days=1) for activity in activities)
    [report] = [item.story for item in archive.linked_stories.all()]
    assert report.date > archive.starts_on  # its report, after the day


def test_the_demo_leaves_no_campaign_email_waiting(live):
    assert not OutgoingEmail.objects.filter(purpose__startswith="campaigns.").exists()


def test_loading_again_adds_nothing(live, demo_var):
    def counts():
        return (
            CampaignPage.objects.count(),
            CampaignIndexPage.objects.count(),
            ParticipatingGroup.objects.count(),
            Activity.objects.count(),
            SignUp.objects.count(),
            CountryContact.objects.count(),
            OutgoingEmail.objects.count(),
        )

    before = counts()
    out = io.StringIO()
    with override_settings(VAR_DIR=demo_var, PASSWORD_HASHERS=FAST_HASHING):
        call_command("load_demo", "-v", "2", stdout=out)

    assert counts() == before
    assert "created" not in out.getvalue().replace("Demo content created", "")
    assert "campaign activities: " in out.getvalue()


@pytest.mark.parametrize(("language", "label"), [("en", "Day of Solidarity"), ("ru", "День солидарности")])
def test_the_menu_leads_to_the_campaign(client, live, language, label):
    series = live.get_parent().specific.get_translation(Locale.objects.get(language_code=language))

    html = client.get(f"/{language}/").text
    nav = html[html.index('<ul class="site-nav__links">') : html.index("</ul>", html.index("site-nav__links"))]

    assert f'<a href="{series.url}">{label}</a>' in nav
