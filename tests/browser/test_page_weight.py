"""The weight budget: what a first visit downloads, for every public page type, at a phone's and a desktop's width.

Each page type (home, story list, story, country page, search, campaign, activity, public call) is opened in
English and in Russian, at 360 px (a phone: ``is_mobile``, two device pixels to a CSS pixel) and at 1280 px (a
desktop), each time in a fresh browser context (an empty cache, as on a first visit). The bytes are those of
every response the browser fetched until the network went quiet: the page, its stylesheet, its fonts, its
scripts and the images it asked for (lazily loaded images further down come only when the reader scrolls, and are
not counted). Two sums per page must stay within the budget: the page with its stylesheets, fonts and scripts
(``TEXT_BUDGET``), and everything with the images (``TOTAL_BUDGET``). The widgets of the public forms (the spam
guard's proof of work, htmx for the comments) load only when a reader starts using a form (core/static/core/on-use.js):
a first visit that only reads downloads none of them, and they count with the page's own scripts when it does.
Over budget, the test lists each resource with its bytes.

How the bytes are counted, as the production setup sends them (docs/deploy.md), not as the test server does:
- a response the site compressed (the pages themselves: ``core.middleware.PublicPageCompressionMiddleware`` runs
  in the test server as in production) counts with its compressed length (``Content-Length``);
- a static file counts with the size of the Brotli copy that collectstatic writes beside it, computed here
  with WhiteNoise's own compressor and its own rules (files it never compresses, such as WOFF2 fonts and
  JPEGs, and files Brotli does not shrink by 5 %, count as they are): the test server serves static files
  uncompressed, WhiteNoise serves that copy to every browser that accepts Brotli (all of them over HTTPS);
- anything else (images from /media/) counts as it is.
HTTP headers are left out (a few hundred bytes a response; HTTP/2 compresses them).

The test photos are noisy gradients saved as JPEG, as heavy for their size as ordinary photos, not flat colours
that would weigh nothing.
"""

from __future__ import annotations

import functools
import io
import random
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageFilter
from wagtail.images.models import Image
from whitenoise.compress import Compressor

from solidarity.home.services import site_tree_ensure
from solidarity.stories.models import StoryIndexPage
from solidarity.stories.services import story_create, story_translate
from tests.calls.factories import call_translation, public_call
from tests.campaigns import factories as campaigns
from tests.shared import RUN_TASKS, with_search_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT_BUDGET = 30_000  # the page, its stylesheets, fonts and own scripts (compressed)
# Except on a public call's page: its sign form lists every country (about 250 options: 3 KB compressed in Russian,
# nearly all of it the names and codes themselves; shorter markup per option saves under 100 bytes).
TEXT_BUDGET_OF = {"public call": 35_000}
# The widgets vendored for the public forms, which a reader who only reads never downloads (test_lazy_widgets.py).
WIDGETS = "/static/core/vendor/"
TOTAL_BUDGET = 150_000  # everything: the page, styles, fonts, scripts, widgets and images
WIDTHS = {360: {"is_mobile": True, "device_scale_factor": 2}, 1280: {"device_scale_factor": 1}}
PHOTO_SIZE = (1600, 1000)


@functools.cache
def grain() -> PILImage.Image:
    """Blurred noise over a gradient: the detail of a photo, made once."""
    base = PILImage.linear_gradient("L").resize(PHOTO_SIZE).convert("RGB")
    noise = PILImage.effect_noise(PHOTO_SIZE, 60).convert("RGB").filter(ImageFilter.GaussianBlur(1.2))
    return PILImage.blend(base, noise, 0.4)


def photo(seed: int, title: str) -> Image:
    """A JPEG as detailed as a photo (no real picture), tinted by ``seed``."""
    rng = random.Random(seed)
    tint = PILImage.new("RGB", PHOTO_SIZE, (rng.randrange(60, 200), rng.randrange(60, 200), rng.randrange(60, 200)))
    picture = PILImage.blend(grain(), tint, 0.4)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return Image.objects.create(
        title=title, description=f"{title}: people gathered in a square", file=ImageFile(buffer, name=f"{seed}.jpg")
    )


PARAGRAPHS = [
    "Candles were lit at dusk in six cities, and the names of the journalists in detention were read aloud.",
    "Relatives say letters reach the prison weeks late, if at all; lawyers are refused visits for months.",
    "The groups ask readers to write postcards: a few kind words in any language, no politics, a return address.",
    "A court in Minsk extended the detention of three reporters on Tuesday without giving a reason.",
]


def story_body(seed: int) -> list[tuple[str, object]]:
    body: list[tuple[str, object]] = [("paragraph", f"<p>{text}</p>") for text in PARAGRAPHS * 2]
    body.insert(3, ("quote", {"text": "They will not silence us by locking us up.", "attribution": "A reporter"}))
    body.insert(5, ("heading", {"text": "How to write to them", "level": "h2"}))
    return body


@dataclass
class Pages:
    addresses: dict[tuple[str, str], str]  # (page type, language) -> path


@pytest.fixture
def pages(settings) -> Pages:
    settings.WAGTAILSEARCH_BACKENDS = with_search_index(settings.WAGTAILSEARCH_BACKENDS)
    settings.TASKS = RUN_TASKS
    site_tree_ensure()
    english = StoryIndexPage.objects.get(locale__language_code="en")
    stories = [
        story_create(
            index=english,
            title=f"Trial of journalists in Minsk, day {number}",
            summary="Three reporters have been held for a year; their families ask for letters.",
            countries=["BY", "RU"],
            topics=["Prisons"],
            lead_image=photo(number, f"Vigil {number}"),
            body=story_body(number),
        )
        for number in range(1, 9)
    ]
    story = stories[-1]
    russian = story_translate(
        story=story,
        language="ru",
        title="Суд над журналистами в Минске",
        summary="Три журналиста под арестом уже год; их семьи просят писать письма.",
        body=[("paragraph", "<p>В шести городах в сумерках зажгли свечи и прочли имена журналистов.</p>")] * 8,
    )
    call = public_call(title="Free the journalists of Minsk", lead_image=photo(20, "Letters"))
    russian_call = call_translation(call, "ru", title="Свободу журналистам Минска")
    campaign = campaigns.campaign_page(title="Day of solidarity with Belarus", lead_image=photo(30, "Day"))
    russian_campaign = campaigns.campaign_translation(campaign, "ru", title="День солидарности с Беларусью")
    activity = campaigns.activity(campaign, title="Evening of letters", country="GE", city="Tbilisi")
    addresses = {}
    for language, (story_page, call_page, campaign_page) in {
        "en": (story, call, campaign),
        "ru": (russian, russian_call, russian_campaign),
    }.items():
        addresses |= {
            ("home", language): f"/{language}/",
            ("story list", language): StoryIndexPage.objects.get(locale__language_code=language).url,
            ("story", language): story_page.url,
            ("country page", language): f"/{language}/countries/by/",
            ("search", language): f"/{language}/search/?q={'Minsk' if language == 'en' else 'Минск'}",
            ("campaign", language): campaign_page.url,
            ("activity", language): f"{campaign_page.url}activities/{activity.pk}/",
            ("public call", language): call_page.url,
        }
    return Pages(addresses)


COMPRESSOR = Compressor(quiet=True)


def bytes_sent(url: str, headers: dict[str, str], body: bytes) -> int:
    """What production sends for this response (see the module's docstring)."""
    if headers.get("content-encoding"):
        return int(headers["content-length"])
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL) and COMPRESSOR.should_compress(path):
        compressed = len(COMPRESSOR.compress_brotli(body))
        return compressed if compressed <= 0.95 * len(body) else len(body)
    return len(body)


@dataclass
class Resource:
    url: str
    kind: str  # Playwright's resource type: document, stylesheet, font, image, script …
    bytes: int


def first_visit(browser, url: str, width: int) -> list[Resource]:
    context = browser.new_context(viewport={"width": width, "height": 800}, **WIDTHS[width])
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(url, wait_until="networkidle")
        resources = []
        for response in responses:
            assert response.status < 400, f"{response.url} answered {response.status}"
            if 300 <= response.status < 400:
                continue
            headers = response.all_headers()
            resources.append(
                Resource(
                    response.url, response.request.resource_type, bytes_sent(response.url, headers, response.body())
                )
            )
        return resources
    finally:
        context.close()


def sums(resources: list[Resource]) -> dict[str, int]:
    widgets = sum(resource.bytes for resource in resources if urlsplit(resource.url).path.startswith(WIDGETS))
    images = sum(resource.bytes for resource in resources if resource.kind == "image")
    total = sum(resource.bytes for resource in resources)
    return {"text": total - images, "widgets": widgets, "total": total}


def over_budget(what: str, resources: list[Resource]) -> str | None:
    weighed = sums(resources)
    text_budget = TEXT_BUDGET_OF.get(what, TEXT_BUDGET)
    if weighed["text"] <= text_budget and weighed["total"] <= TOTAL_BUDGET:
        return None
    listing = "\n".join(f"  {resource.bytes:>8} {resource.kind:<10} {resource.url}" for resource in resources)
    return (
        f"{what}: {weighed['text']} bytes of page, styles, fonts and scripts (budget {text_budget}), "
        f"{weighed['widgets']} of them form widgets, {weighed['total']} in all (budget {TOTAL_BUDGET})\n{listing}"
    )


def test_every_page_type_stays_within_the_budget(browser, live_server, pages):
    problems = []
    lines = []
    for (what, language), path in pages.addresses.items():
        for width in WIDTHS:
            resources = first_visit(browser, f"{live_server.url}{path}", width)
            weighed = sums(resources)
            lines.append(
                f"{what:<12} {language} {width:>5} {weighed['text']:>8} {weighed['widgets']:>8} {weighed['total']:>8}"
            )
            assert resources[0].kind == "document"
            if problem := over_budget(what, resources):
                problems.append(f"{language}, {width} px, {problem}")
    print("\npage         lang width     text  widgets   in all\n" + "\n".join(lines))  # shown with pytest -s
    assert problems == [], "\n\n".join(problems)
