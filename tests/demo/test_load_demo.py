"""`manage.py load_demo`: the demo content, loaded on every start, never twice."""

from __future__ import annotations

import io
import stat

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Revision

from solidarity.core.models import CountryIntroduction, MemberOrganisation, MemberOrganisationDescription
from solidarity.home.models import HomePage, MembersPage
from solidarity.stories.models import StoryPage
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
        "topics": Tag.objects.count(),
        "revisions": Revision.objects.count(),
        "member organisations": MemberOrganisation.objects.count(),
        "descriptions": MemberOrganisationDescription.objects.count(),
        "members pages": MembersPage.objects.count(),
        "country introductions": CountryIntroduction.objects.count(),
        "credited stories": StoryPage.objects.exclude(author="", organisation=None).count(),
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
    english_call = StoryPage.objects.get(locale__language_code="en", kind="call", slug__contains="political-prisoners")
    russian_call = english_call.get_translation(Locale.objects.get(language_code="ru"))
    assert russian_call.translation_key == english_call.translation_key
    assert russian_call.title.startswith("Международный день")
    assert HomePage.objects.get(locale__language_code="ru").highlight_page_id == russian_call.pk
    found = list(StoryPage.objects.live().search(RUSSIAN_WORD, operator="and"))
    assert found and all(story.locale.language_code == "ru" for story in found)


def test_it_prints_the_demo_admin_and_keeps_the_password_private(settings, first_load):
    first_output = first_load["output"]
    password_file = settings.VAR_DIR / "demo_admin_password"
    password = password_file.read_text(encoding="utf-8").strip()

    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert f"user: admin  password: {password}" in first_output
    assert f"user: admin  password: {password}" in load_demo()


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
