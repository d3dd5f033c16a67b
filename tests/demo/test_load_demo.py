"""`manage.py load_demo`: the demo content, loaded on every start, never twice."""

from __future__ import annotations

import io
import stat
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Revision

from solidarity.calls import queries as call_queries
from solidarity.calls import services as call_services
from solidarity.calls.models import PublicCallPage, Review, Signature
from solidarity.core.models import CountryIntroduction, MemberOrganisation, MemberOrganisationDescription
from solidarity.home.models import HomePage, MembersPage
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
