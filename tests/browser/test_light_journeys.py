"""The main journeys as a reader on Tor Browser's safest level makes them: no images, no web fonts, no JavaScript, on
a phone's screen, in English and in Russian. Reading a story, browsing by country, searching, signing a public call,
seeing a campaign's activities and joining it: every page has its heading and its text, every image its ``alt``,
nothing wider than the screen, and no serious axe-core finding (axe runs in a second tab with JavaScript, which it
needs, and the same things blocked)."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.images.models import Image

from solidarity.calls.models import Signature
from solidarity.campaigns.models import ParticipatingGroup
from solidarity.home.services import site_tree_ensure
from solidarity.stories.models import StoryIndexPage
from solidarity.stories.services import story_create, story_translate
from tests.browser.conftest import serious_axe_violations
from tests.calls.factories import call_translation, public_call
from tests.campaigns import factories as campaigns
from tests.shared import RUN_TASKS, with_search_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
BLOCKED = {"image", "font", "media"}
TITLES = {
    "en": {"story": "Vigil for detained journalists", "call": "Free the journalists", "campaign": "Day of solidarity"},
    "ru": {"story": "Акция в поддержку журналистов", "call": "Свободу журналистам", "campaign": "День солидарности"},
}
SEARCH = {"en": "vigil", "ru": "акция"}


def lead_image(size: tuple[int, int] = (800, 450), description: str = "Candles at a vigil") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 70, 110)).save(buffer, format="JPEG")
    return Image.objects.create(title="Vigil", description=description, file=ImageFile(buffer, name="v.jpg"))


def wide_photo() -> Image:
    """A photo of the body wider than a phone, whose words stand in its place when images are off: they must not
    widen the page past the screen."""
    return lead_image(
        (1600, 900), "Candles in glass jars on the steps of a court building at dusk, with a banner behind them."
    )


@pytest.fixture
def site(settings, live_server):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.SPAM_MIN_FILL_SECONDS = 0  # the browser fills a form faster than a person
    settings.WAGTAILSEARCH_BACKENDS = with_search_index(settings.WAGTAILSEARCH_BACKENDS)
    settings.TASKS = RUN_TASKS
    site_tree_ensure()
    story = story_create(
        index=StoryIndexPage.objects.get(locale__language_code="en"),
        title=TITLES["en"]["story"],
        summary="Groups in six cities held a silent vigil.",
        countries=["BY"],
        lead_image=lead_image(),
        body=[
            ("paragraph", "<p>Candles were lit at dusk in six cities.</p>"),
            ("image", {"image": wide_photo(), "caption": "Candles at dusk"}),
        ],
    )
    story_translate(
        story=story,
        language="ru",
        title=TITLES["ru"]["story"],
        summary="Правозащитники в шести городах провели молчаливую акцию.",
        body=[
            ("paragraph", "<p>В шести городах в сумерках зажгли свечи.</p>"),
            ("image", {"image": wide_photo(), "caption": "Свечи в сумерках"}),
        ],
    )
    call = public_call(
        title=TITLES["en"]["call"],
        lead_image=lead_image(),
        body=[
            ("paragraph", "<p>We call for the release of every journalist held for their work.</p>"),
            ("image", {"image": wide_photo(), "caption": "A letter"}),
        ],
    )
    russian_call = call_translation(call, "ru", title=TITLES["ru"]["call"])
    campaign = campaigns.campaign_page(title=TITLES["en"]["campaign"], lead_image=lead_image())
    russian = campaigns.campaign_translation(campaign, "ru", title=TITLES["ru"]["campaign"])
    campaigns.activity(campaign, title="Evening of letters", country="GE", city="Tbilisi")
    return {"call": {"en": call, "ru": russian_call}, "campaign": {"en": campaign, "ru": russian}}


def block_images_and_fonts(context) -> None:
    context.route(
        "**/*",
        lambda route: route.abort() if route.request.resource_type in BLOCKED else route.continue_(),
    )


@pytest.fixture
def reader(browser, live_server):
    """A phone with JavaScript off and images and fonts blocked; ``reader.axe`` checks the page it is on."""
    context = browser.new_context(java_script_enabled=False, **PHONE)
    block_images_and_fonts(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: None if request.url.startswith(live_server.url) else errors.append(request.url))
    axe_context = browser.new_context(**PHONE)
    block_images_and_fonts(axe_context)
    axe_tab = axe_context.new_page()

    def usable(language: str, heading: str) -> None:
        """The page the reader is on reads and works as it is."""
        assert page.locator("html").get_attribute("lang") == language
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert page.locator("img:not([alt])").count() == 0, page.url
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, page.url
        axe_tab.goto(page.url)
        # With JavaScript on and images off too (what axe's tab is): images not loaded widen nothing.
        assert axe_tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, page.url
        assert serious_axe_violations(axe_tab) == [], page.url

    page.usable = usable
    yield page
    assert errors == []
    context.close()
    axe_context.close()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_reading_a_story_and_browsing_by_country(reader, live_server, site, language):
    title = TITLES[language]["story"]
    reader.goto(f"{live_server.url}/{language}/")
    reader.usable(language, "")
    reader.get_by_role("link", name=title).first.click()
    reader.usable(language, title)
    expect(reader.locator("main")).to_contain_text("свечи" if language == "ru" else "Candles were lit")

    reader.goto(f"{live_server.url}/{language}/countries/")
    reader.usable(language, "")
    reader.locator(f'main a[href="/{language}/countries/by/"]').first.click()
    reader.usable(language, "")
    reader.get_by_role("link", name=title).first.click()
    reader.usable(language, title)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_searching(reader, live_server, site, language):
    reader.goto(f"{live_server.url}/{language}/")
    reader.locator("form.search-box button[type=submit]").click()  # a phone shows the button only: to the search page
    reader.wait_for_url(re.compile(r"/search/\?q=$"))
    reader.usable(language, "")
    reader.locator("#search-q").fill(SEARCH[language])
    reader.locator("form.search-page-form button[type=submit]").click()
    reader.wait_for_url(re.compile(r"/search/\?q=.+"))
    reader.usable(language, "")
    reader.get_by_role("link", name=TITLES[language]["story"]).first.click()
    reader.usable(language, TITLES[language]["story"])


@pytest.mark.parametrize("language", ["en", "ru"])
def test_signing_a_public_call(reader, live_server, site, language):
    call = site["call"][language]
    reader.goto(f"{live_server.url}{call.url}")
    reader.usable(language, TITLES[language]["call"])
    form = reader.locator("form.sign-form")
    form.locator("[name=name]").fill("Ana Kowalska")
    form.locator("[name=email]").fill("ana@example.org")
    form.locator("[name=country]").select_option("PL")
    form.locator("button[type=submit]").click()
    reader.wait_for_url(re.compile(rf"/{language}/calls/{call.pk}/thanks/$"))
    reader.usable(language, "")
    assert Signature.objects.count() == 1


@pytest.mark.parametrize("language", ["en", "ru"])
def test_seeing_a_campaigns_activities_and_joining_it(reader, live_server, site, language):
    campaign = site["campaign"][language]
    reader.goto(f"{live_server.url}{campaign.url}")
    reader.usable(language, TITLES[language]["campaign"])
    reader.goto(f"{live_server.url}{campaign.url}activities/")
    reader.usable(language, "")
    reader.get_by_role("link", name="Evening of letters").first.click()
    reader.usable(language, "Evening of letters")

    reader.goto(f"{live_server.url}/{language}/campaigns/{site['campaign']['en'].pk}/join/")
    reader.usable(language, "")
    reader.fill("form [name=name]", "Letters to Minsk")
    reader.select_option("form [name=country]", "LT")
    reader.fill("form [name=city]", "Vilnius")
    reader.fill("form [name=description]", "We write letters to political prisoners.")
    reader.fill("form [name=contact_name]", "Ona")
    reader.fill("form [name=contact_email]", "ona@example.org")
    reader.click("form.public-form button[type=submit]")
    reader.wait_for_url(re.compile(rf"/{language}/campaigns/sent/group/"))
    reader.usable(language, "")
    assert ParticipatingGroup.objects.filter(name="Letters to Minsk").exists()
