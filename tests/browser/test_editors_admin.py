"""An editor logs in, finds what is missing in the translations overview and starts it; checks and countries work."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from solidarity.home.services import site_tree_ensure
from solidarity.stories.models import StoryIndexPage, StoryPage
from solidarity.stories.services import story_create, story_translate
from tests.browser.conftest import serious_axe_violations
from tests.staff_login import authenticator, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long password for the browser 123"


@pytest.fixture
def newsroom(django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    site_tree_ensure()
    authenticator(django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD))
    english = StoryIndexPage.objects.get(locale__language_code="en")
    vigil = story_create(
        index=english,
        title="Vigil for detained journalists",
        summary="Groups in six cities held a silent vigil for journalists in detention.",
        countries=["RU", "BY"],
        body=[("paragraph", "<p>Candles were lit at dusk in six cities. " + "People stood in silence. " * 40 + "</p>")],
    )
    story_translate(
        story=vigil,
        language="ru",
        title="Акция в поддержку задержанных журналистов",
        summary="Правозащитники в шести городах провели молчаливую акцию.",
    )
    trial = story_create(
        index=english,
        title="Trial monitors attend thirty hearings in Tbilisi",
        summary="Volunteers watched thirty hearings in one week.",
        countries=["GE"],
    )
    return vigil, trial


def log_in(page, live_server) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    page.get_by_label("Code").fill(totp_code(authenticator(User.objects.get(username="editor"))))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Write a story")).to_be_visible()


def test_an_editor_starts_a_missing_translation_from_the_overview(browser_page, live_server, newsroom):
    _vigil, trial = newsroom
    page = browser_page
    log_in(page, live_server)
    assert serious_axe_violations(page) == []  # the dashboard

    page.get_by_role("link", name="Translations").first.click()
    expect(page.get_by_role("heading", name="Translations")).to_be_visible()
    assert serious_axe_violations(page) == []
    vigil_row = page.locator("tr", has_text="Vigil for detained journalists")
    expect(vigil_row.locator(".translations__cell--original")).to_have_count(1)
    expect(vigil_row.locator(".translations__cell--current")).to_have_count(1)  # Russian
    trial_row = page.locator("tr", has_text="Trial monitors attend thirty hearings")
    expect(trial_row.locator(".translations__cell--missing")).to_have_count(5)

    trial_row.get_by_role(
        "button", name=re.compile("Trial monitors attend thirty hearings in Tbilisi.* into Deutsch")
    ).click()

    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    german = StoryPage.objects.get(translation_key=trial.translation_key, locale__language_code="de")
    assert page.url.endswith(f"/admin/pages/{german.pk}/edit/")
    assert not german.live
    page.wait_for_load_state("networkidle")  # nothing in flight when the test's data is removed
    page.problems.assert_clean()


def test_the_checks_panel_counts_the_words_of_the_story(browser_page, live_server, newsroom):
    vigil, _trial = newsroom
    page = browser_page
    log_in(page, live_server)

    page.goto(f"{live_server.url}/admin/pages/{vigil.pk}/edit/")
    page.get_by_role("button", name="Toggle checks").click()

    expect(page.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d{2,}$"))
    expect(page.locator("[data-content-reading-time]")).not_to_have_text("-")
    page.wait_for_load_state("networkidle")  # nothing in flight when the test's data is removed
    page.problems.assert_clean()


def test_the_countries_are_found_by_typing(browser_page, live_server, newsroom):
    vigil, _trial = newsroom
    page = browser_page
    log_in(page, live_server)

    page.goto(f"{live_server.url}/admin/pages/{vigil.pk}/edit/")
    page.get_by_label("Find a country").fill("uzbek")

    visible = page.locator(".countries-choice > div:visible")
    expect(visible).to_have_count(1)
    expect(visible).to_have_text(re.compile("Uzbekistan"))
    expect(page.locator(".countries-filter__chosen")).to_have_text(re.compile("Belarus.*Russia|Russia.*Belarus"))
    page.get_by_label("Find a country").press("Enter")  # one match: Enter ticks it and submits nothing
    expect(page.get_by_label("Uzbekistan")).to_be_checked()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{vigil.pk}/edit/$"))
    page.wait_for_load_state("networkidle")  # nothing in flight when the test's data is removed
    page.problems.assert_clean()
