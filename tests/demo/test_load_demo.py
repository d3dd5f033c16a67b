"""`manage.py load_demo`: the demo content, loaded on every start, never twice; and what it holds (stories,
members, the campaign, the public calls), read from one load for the whole module."""

from __future__ import annotations

import datetime
import io
import re
import stat
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Revision

from solidarity.calls import queries as call_queries
from solidarity.calls import services as call_services
from solidarity.calls.models import PublicCallPage, Review, Signature
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
from solidarity.core.discussable import CommentsMode
from solidarity.core.models import CountryIntroduction, MemberOrganisation, MemberOrganisationDescription, OutgoingEmail
from solidarity.demo.campaign import campaign_day
from solidarity.discussion.models import Comment, CommentStatus, DiscussionSettings, Question, QuestionTopic
from solidarity.home.models import HomePage, MembersPage
from solidarity.newsletter.models import Mailing, MailingKind, MailingState, Subscriber
from solidarity.stories.models import StoryPage, Topic
from tests.catalogs import english_in
from tests.shared import shared_data

pytestmark = pytest.mark.django_db

# A word that appears only in Russian demo stories (see solidarity.demo.demo.py).
RUSSIAN_WORD = "правозащитники"


@pytest.fixture(scope="module")
def demo_var(tmp_path_factory):
    return tmp_path_factory.mktemp("demo") / "var"


@pytest.fixture(autouse=True)
def _private_var(settings, demo_var):
    """The demo admin's password file goes to this module's own directory; hashing stays fast."""
    settings.VAR_DIR = demo_var
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def first_load(request, django_db_setup, django_db_blocker, demo_var) -> dict:
    """The demo loaded once for the module (as `make run` does on a new install): its output and counts."""
    with (
        shared_data(request, django_db_blocker, search=True),
        override_settings(VAR_DIR=demo_var, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        output = load_demo()
        yield {"output": output, "counts": counts()}


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "stories": StoryPage.objects.count(),
        "live stories": StoryPage.objects.live().count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "topics": Topic.objects.count(),
        "revisions": Revision.objects.count(),
        "member organisations": MemberOrganisation.objects.count(),
        "descriptions": MemberOrganisationDescription.objects.count(),
        "members pages": MembersPage.objects.count(),
        "country introductions": CountryIntroduction.objects.count(),
        "credited stories": StoryPage.objects.exclude(author="", organisation=None).count(),
        "signatures": Signature.objects.count(),
        "comments": Comment.objects.count(),
        "questions": Question.objects.count(),
        "emails": OutgoingEmail.objects.count(),
        "subscribers": Subscriber.objects.count(),
        "mailings": Mailing.objects.count(),
    }


def test_it_loads_the_demo_once_however_often_it_runs(first_load):
    first_output, first = first_load["output"], first_load["counts"]
    second_output = load_demo()

    assert counts() == first
    assert "Demo content created" in first_output
    assert "already there" not in first_output
    assert "Demo content created" not in second_output
    assert "Demo content already there" in second_output
    assert first["live stories"] >= 15
    stories = StoryPage.objects.live()
    assert {story.locale.language_code for story in stories.select_related("locale")} >= {"en", "ru"}
    countries = {code for codes in stories.values_list("countries", flat=True) for code in str(codes).split(",")}
    assert len(countries) >= 5
    pdfs = [document for document in get_document_model().objects.all() if document.file_extension == "pdf"]
    assert pdfs
    with pdfs[0].open_file() as file:
        assert file.read(4) == b"%PDF"


def test_russian_stories_are_translations_and_findable(first_load):
    english_call = PublicCallPage.objects.get(locale__language_code="en", slug__contains="political-prisoners")
    russian_call = english_call.get_translation(Locale.objects.get(language_code="ru"))
    assert russian_call.translation_key == english_call.translation_key
    assert russian_call.title.startswith("Международный день")
    assert HomePage.objects.get(locale__language_code="ru").intro.startswith("Новости")  # the catalog's text
    found = list(StoryPage.objects.live().search(RUSSIAN_WORD, operator="and"))
    assert found and all(story.locale.language_code == "ru" for story in found)


def test_the_demo_calls_are_public_call_pages_with_signatures_whose_counts_hold(first_load, client):
    calls = PublicCallPage.objects.live().select_related("locale")
    english = [call for call in calls if call.locale.language_code == "en"]
    assert not StoryPage.objects.filter(kind="call").exclude(pk__in=PublicCallPage.objects.values("pk")).exists()
    assert len(english) >= 3 and all(
        call.get_translation_or_none(Locale.objects.get(language_code="ru")) for call in english
    )
    assert any(call.goal and not call.has_closed() for call in english)
    closed = [call for call in english if call.has_closed()]
    assert closed and closed[0].updates and closed[0].addressed_to
    signatures = Signature.objects.of_call(closed[0].call_key)
    assert signatures.filter(show_name=True).exists() and signatures.filter(show_name=False).exists()
    assert signatures.values("country").distinct().count() >= 4
    assert signatures.organisations().filter(review=Review.APPROVED).exists()
    assert signatures.organisations().filter(review=Review.PENDING).count() == 1
    assert call_queries.call_total(closed[0].call_key) == signatures.counted().count()
    assert call_services.counts_verify() == []
    member = signatures.organisations().filter(review=Review.APPROVED, member__isnull=False).first().member
    members_page = MembersPage.objects.get(locale__language_code="en")
    page = client.get(closed[0].url).content.decode()
    assert f'href="{members_page.url}#{member.anchor}">{member.name}</a>' in page


def test_it_prints_the_demo_admin_and_keeps_the_password_private(settings, first_load):
    first_output = first_load["output"]
    password_file = settings.VAR_DIR / "demo_admin_password"
    password = password_file.read_text(encoding="utf-8").strip()

    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert f"user: admin  password: {password}" in first_output
    assert f"user: admin  password: {password}" in load_demo()


def test_it_prints_a_login_for_each_role(settings, first_load):
    first_output = first_load["output"]
    second_output = load_demo()

    for title, username in [
        ("editor", "editor"),
        ("coordinator (Russia)", "coordinator-ru"),
        ("coordinator (Belarus)", "coordinator-by"),
        ("moderator", "moderator"),
        ("translator", "translator"),
    ]:
        password = (settings.VAR_DIR / f"demo_{username.replace('-', '_')}_password").read_text().strip()
        for output in (first_output, second_output):
            [line] = [line for line in output.splitlines() if line.startswith(f"Demo {title}: http")]
            assert line.endswith(f"/admin/  user: {username}  password: {password}")
        assert get_user_model().objects.get(username=username).check_password(password)


@pytest.mark.parametrize("language", ["uk", "de"])
def test_ukrainian_and_german_have_stories_written_in_them(client, first_load, language):
    stories = StoryPage.objects.live().filter(locale__language_code=language)
    english_keys = set(StoryPage.objects.filter(locale__language_code="en").values_list("translation_key", flat=True))

    assert stories.count() >= 3
    assert not [story.title for story in stories if story.translation_key in english_keys]  # not translations
    assert all(story.topics.exists() and story.countries.exists() for story in stories)
    story = stories.order_by("-date").first()
    for address in (f"/{language}/", f"/{language}/stories/", story.url, f"/{language}/countries/ua/"):
        response = client.get(address)
        assert response.status_code == 200
        assert english_in(response.text, language) == [], address
    assert story.title in client.get(f"/{language}/").text


def drawing(story: StoryPage) -> str:
    """The drawing a lead image shows: its title without the variation."""
    return story.lead_image.title.split(" (")[0]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_neighbouring_cards_of_a_demo_list_show_different_drawings(first_load, language):
    stories = list(
        StoryPage.objects.live().filter(locale__language_code=language).select_related("lead_image").order_by("-date")
    )

    drawings = [drawing(story) for story in stories]

    assert all(story.lead_image for story in stories)
    assert all(
        len(set(drawings[start : start + 3])) == len(drawings[start : start + 3]) for start in range(len(drawings))
    )


def test_a_russian_demo_story_reads_russian_alt_text_and_credits(client, first_load):
    story = StoryPage.objects.live().get(locale__language_code="ru", slug__startswith="za-steklom")

    html = client.get(story.url).text

    assert story.lead_image_alt.startswith("Абстрактная иллюстрация")
    assert f'alt="{story.lead_image_alt}"' in html
    [figure] = [block.value for block in story.body if block.block_type == "image"]
    assert figure["image"].contextual_alt_text.startswith("Абстрактная иллюстрация")
    assert f'alt="{figure["image"].contextual_alt_text}"' in html
    assert '<span class="figure__credit">Иллюстрация: демо Solidarity' in html
    assert "Abstract illustration" not in html


def test_the_demo_topics_are_linked_to_their_translations(client, first_load):
    english = Topic.objects.get(locale__language_code="en", name="political prisoners")

    response = client.get("/en/stories/?topic=political-prisoners")

    assert english.get_translation(Locale.objects.get(language_code="ru")).name == "политзаключённые"
    ru_link = next(link for link in response.context["languages"].links if link.code == "ru")
    assert ru_link.url == "/ru/stories/?topic=" + quote("политзаключённые")


def test_the_demo_has_members_from_many_countries_described_in_several_languages(first_load):
    organisations = MemberOrganisation.objects.prefetch_related("descriptions")

    assert organisations.count() >= 15
    assert len({organisation.country_id for organisation in organisations}) >= 10
    languages = [{d.language for d in organisation.descriptions.all()} for organisation in organisations]
    assert all({"en", "ru"} <= written for written in languages)
    assert {"uk", "de", "fr", "be"} <= set().union(*languages)


def test_the_demo_members_page_is_in_every_language_with_its_own_title(client, first_load):
    pages = MembersPage.objects.live().select_related("locale")

    assert sorted(page.locale.language_code for page in pages) == ["be", "de", "en", "fr", "ru", "uk"]
    assert {page.slug for page in pages} == {"members"}
    assert len({page.title for page in pages}) == 6
    assert len({page.translation_key for page in pages}) == 1
    assert client.get("/ru/members/").status_code == 200


def test_the_demo_countries_have_introductions_in_english_and_russian(first_load):
    story_countries = set(StoryPage.objects.live().values_list("countries", flat=True))
    introduced = set(CountryIntroduction.objects.values_list("country", "locale__language_code"))

    assert story_countries
    assert all((country, language) in introduced for country in story_countries for language in ("en", "ru"))


def test_the_demo_stories_have_bylines_in_each_language(client, first_load):
    english = StoryPage.objects.get(locale__language_code="en", slug="behind-the-glass-trials-of-protesters-in-belarus")
    russian = english.get_translation(Locale.objects.get(language_code="ru"))

    assert (english.author, english.organisation.name) == ("Tatsiana R.", "Minsk Observers’ Circle")
    assert (russian.author, russian.organisation_id) == ("Татьяна Р.", english.organisation_id)
    assert f"/ru/members/#member-{english.organisation_id}" in client.get(russian.url).text
    assert StoryPage.objects.live().exclude(author="").exists()
    assert StoryPage.objects.live().filter(author="", organisation__isnull=False).exists()


@pytest.mark.parametrize(("language", "start"), [("uk", "Абстрактна ілюстрація"), ("de", "Abstrakte Illustration")])
def test_stories_written_in_ukrainian_or_german_read_alt_text_in_their_language(client, first_load, language, start):
    for story in StoryPage.objects.live().filter(locale__language_code=language):
        html = client.get(story.url).text

        assert story.lead_image_alt.startswith(start)
        assert "Abstract illustration" not in html, story.url


# The demo campaign: the day of solidarity in English and Russian, its groups, activities and contacts (read from
# the demo loaded once for this module).

FAST_HASHING = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The ranges Ofcom keeps for drama: London 020 7946 0xxx, Manchester 0161 496 0xxx, mobiles 07700 900xxx.
FICTION_PHONE = re.compile(r"^\+44(2079460|1614960|7700900)\d{3}$")


@pytest.fixture
def live(first_load) -> CampaignPage:
    """The page of the coming day, in English."""
    return CampaignPage.objects.get(locale__language_code="en", starts_on=campaign_day(timezone.localdate()))


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


# The demo's comments and questions (solidarity/demo/discussion.py), read from the same load.


def test_readers_talk_about_stories_in_their_language_and_the_queue_has_a_bit_of_everything(first_load):
    comments = Comment.objects.select_related("page__locale")
    public = comments.filter(status=CommentStatus.APPROVED)
    pages = {comment.page for comment in public}

    assert DiscussionSettings.load().moderation == CommentsMode.PRE
    assert len([p for p in pages if p.locale.language_code == "en" and p.specific_class is StoryPage]) >= 3
    assert len([p for p in pages if p.locale.language_code == "ru"]) >= 2
    assert any(p.specific_class is CampaignPage for p in pages)
    assert all(comment.language == comment.page.locale.language_code for comment in comments)
    assert public.filter(parent__isnull=False).count() >= 3
    assert all(reply.parent.is_public and reply.parent.parent_id is None for reply in public.exclude(parent=None))
    assert comments.filter(status=CommentStatus.PENDING, reported_at__isnull=True).exists()  # one waits
    [reported] = comments.filter(reported_at__isnull=False)
    assert reported.status == CommentStatus.PENDING and reported.reports >= 1
    assert comments.filter(status=CommentStatus.SPAM).exclude(source="").count() == 1
    assert all(c.decided_by.username == "moderator" for c in comments.exclude(status=CommentStatus.PENDING))
    emails = [c.email for c in comments if c.email]
    assert len(emails) >= 3 and all(email.endswith("@example.org") for email in emails)
    assert all(re.search("[а-яё]{4}", c.text) for c in comments.filter(language="ru"))


def test_questions_went_to_the_belarus_contact_the_editors_and_one_was_answered(first_load):
    questions = Question.objects.select_related("contact", "answered_by")

    [to_belarus] = questions.filter(contact__isnull=False)
    assert (to_belarus.inbox_country_id, to_belarus.contact.country_id) == ("BY", "BY")
    assert to_belarus.topic == QuestionTopic.JOINING and to_belarus.language == "ru"
    [press] = questions.filter(topic=QuestionTopic.PRESS)
    assert press.inbox_country is None and not press.is_answered
    [answered] = questions.filter(answered_at__isnull=False)
    assert (answered.inbox_country_id, answered.answered_by.username) == ("RU", "coordinator-ru")
    assert all(question.email.endswith("@example.org") for question in questions)


def test_the_demo_leaves_no_discussion_email_waiting(first_load):
    assert not OutgoingEmail.objects.filter(purpose__startswith="discussion.").exists()


# The demo's newsletter (solidarity/demo/newsletter.py), read from the same load.


def test_the_demo_newsletter_has_confirmed_subscribers_a_sent_digest_and_a_draft(first_load):
    assert Subscriber.objects.confirmed().count() == Subscriber.objects.count() >= 4
    assert set(Subscriber.objects.values_list("language", flat=True)) >= {"en", "ru", "be"}
    digest = Mailing.objects.get(kind=MailingKind.DIGEST)
    assert digest.state == MailingState.SENT and digest.failed_count == 0
    assert digest.sent_count + digest.skipped_count == digest.total_count == Subscriber.objects.count()
    assert digest.sent_count >= 3  # the digest found stories for most subscribers
    draft = Mailing.objects.get(kind=MailingKind.CHOSEN)
    assert draft.state == MailingState.DRAFT and draft.chosen_stories.count() == 2
    assert not OutgoingEmail.objects.filter(purpose__startswith="newsletter.").exists()  # nobody reads them
