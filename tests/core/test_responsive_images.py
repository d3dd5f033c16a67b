"""Images of public pages are light: srcset at the layout's widths, AVIF and WebP, sizes set, lazy below the
first screen, left out with Save-Data, their renditions made in the background (core/responsive_images.py)."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from wagtail.images import get_image_model

from solidarity.core import responsive_images
from solidarity.core.responsive_images import SIZES, specs_of
from solidarity.core.services import organisation_create
from solidarity.home.services import members_page_ensure
from solidarity.stories.models import StoryIndexPage
from tests.calls.factories import public_call
from tests.campaigns.factories import activity, campaign_index, campaign_page
from tests.factories import ImageFactory, StoryPageFactory, png_bytes
from tests.shared import RUN_TASKS, shared_data

pytestmark = pytest.mark.django_db

Pages = SimpleNamespace


class Images(HTMLParser):
    """The <img> and <source> elements of a page, as dicts of their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []
        self.sources: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))
        elif tag == "source":
            self.sources.append(dict(attrs))


def parsed(html: str) -> Images:
    parser = Images()
    parser.feed(html)
    return parser


def images_of(html: str, css_class: str) -> list[dict[str, str | None]]:
    return [image for image in parsed(html).images if css_class in (image.get("class") or "").split()]


def figure_block(image) -> dict:
    return {
        "type": "image",
        "value": {"image": {"image": image.pk, "alt_text": "A court building", "decorative": False}},
    }


@pytest.fixture(scope="module")
def pages(request, django_db_setup, django_db_blocker) -> Pages:
    with shared_data(request, django_db_blocker, search=True):
        pages = _make_pages()
        for address in PUBLIC_PAGES.values():  # the renditions, made once for the module's tests
            Client().get(address(pages))
            Client(headers={"Save-Data": "on"}).get(address(pages))
        yield pages


def _make_pages() -> Pages:
    story = StoryPageFactory(
        title="Trial in Minsk",
        countries=["BY"],
        lead_image=ImageFactory(title="Lead", description="Relatives wait outside the court"),
        body=[figure_block(ImageFactory(title="Court"))],
    )
    for number in range(3):  # cards of "More from", the lists and search
        StoryPageFactory(title=f"Minsk report {number}", countries=["BY"], lead_image=ImageFactory())
    call = public_call(title="Free them", lead_image=ImageFactory(description="Letters to prisoners"))
    members_page_ensure(language="en", title="Members")
    organisation_create(
        name="Minsk Observers",
        country="BY",
        city="Minsk",
        website="https://observers.example.org/",
        logo=ImageFactory(),
        descriptions={"en": "Observers of trials."},
    )
    campaign = campaign_page(title="Day of solidarity", lead_image=ImageFactory(description="A square with candles"))
    letters = activity(campaign, title="Letters to prisoners", country="BY")
    return Pages(story=story, call=call, campaign=campaign, activity=letters)


PUBLIC_PAGES = {
    "home": lambda pages: "/en/",
    "story list": lambda pages: StoryIndexPage.objects.get(locale__language_code="en").url,
    "story": lambda pages: pages.story.url,
    "country page": lambda pages: "/en/countries/by/",
    "search": lambda pages: "/en/search/?q=Minsk",
    "members": lambda pages: "/en/members/",
    "campaigns": lambda pages: campaign_index("en").url,
    "campaign": lambda pages: pages.campaign.url,
    "activity": lambda pages: f"{pages.campaign.url}activities/{pages.activity.pk}/",
    "public call": lambda pages: pages.call.url,
}


@pytest.mark.parametrize("what", PUBLIC_PAGES)
def test_every_image_of_a_public_page_has_srcset_width_height_and_alt(client, pages, what):
    response = client.get(PUBLIC_PAGES[what](pages))
    assert response.status_code == 200

    for image in parsed(response.text).images:
        assert image.get("srcset") or image["src"].endswith(".svg"), image
        assert image.get("width") and image.get("height"), image
        assert "alt" in image, image


def test_the_pages_above_show_the_images_they_have(client, pages):
    """The rule above is not met by pages without photos: each kind of image is there."""
    assert images_of(client.get(pages.story.url).text, "story__lead-image")
    assert images_of(client.get(pages.campaign.url).text, "story__lead-image")
    assert images_of(client.get("/en/").text, "card__image")
    assert images_of(client.get("/en/members/").text, "member__logo")
    assert images_of(client.get(campaign_index("en").url).text, "card__image")


def test_a_lead_image_offers_avif_then_webp_then_jpeg_at_the_layouts_widths(client, pages):
    html = client.get(pages.story.url).text
    [lead] = images_of(html, "story__lead-image")
    types = [source["type"] for source in parsed(html).sources]

    assert types[:2] == ["image/avif", "image/webp"]
    assert ".avif 360w" in parsed(html).sources[0]["srcset"]
    assert lead["sizes"] == SIZES["lead"].sizes
    assert lead["src"].endswith(".jpg")
    assert [part.split()[-1] for part in lead["srcset"].split(", ")] == ["360w", "720w", "1200w"]
    assert lead["alt"] == "Relatives wait outside the court"


def test_the_lead_image_loads_at_once_and_the_rest_lazily(client, pages):
    html = client.get(pages.story.url).text
    [lead] = images_of(html, "story__lead-image")
    cards = images_of(html, "card__image")

    assert lead.get("fetchpriority") == "high" and "loading" not in lead
    assert cards and all(card["loading"] == "lazy" and card["decoding"] == "async" for card in cards)
    [figure] = [image for image in parsed(html).images if image.get("alt") == "A court building"]
    assert figure["loading"] == "lazy"


def test_a_logo_keeps_its_transparency(client, pages):
    [logo] = images_of(client.get("/en/members/").text, "member__logo")

    assert logo["src"].endswith(".png")
    assert logo["sizes"] == "5rem"


@pytest.mark.parametrize("what", PUBLIC_PAGES)
def test_public_pages_vary_by_save_data(client, pages, what):
    address = PUBLIC_PAGES[what](pages)

    assert "Save-Data" in client.get(address)["Vary"]
    assert "Save-Data" in client.get(address, headers={"Save-Data": "on"})["Vary"]


def test_save_data_leaves_out_decorative_images_and_lead_images_below_the_first_screen(client, pages):
    light = Client(headers={"Save-Data": "on"})
    for address, css_class in [
        ("/en/", "card__image"),
        (pages.story.url, "card__image"),
        ("/en/members/", "member__logo"),
        (pages.campaign.url, "story__lead-image"),
        (campaign_index("en").url, "card__image"),
    ]:
        assert images_of(client.get(address).text, css_class), address
        assert not images_of(light.get(address).text, css_class), address


def test_save_data_keeps_the_text_and_the_images_that_tell_something(client, pages):
    light = Client(headers={"Save-Data": "on"}).get(pages.story.url).text

    assert images_of(light, "story__lead-image")  # the story's lead image, on the first screen
    assert "A court building" in light  # an image of the text, with its alternative text
    assert "Minsk report 0" in light  # the cards' text without their pictures
    assert "Day of solidarity" in Client(headers={"Save-Data": "on"}).get(pages.campaign.url).text


def test_save_data_is_read_only_when_it_says_on(client, pages):
    assert images_of(Client(headers={"Save-Data": "off"}).get("/en/").text, "card__image")
    assert not images_of(Client(headers={"Save-Data": " ON "}).get("/en/").text, "card__image")


def test_avif_and_webp_renditions_are_what_they_say(pages):
    image = pages.story.lead_image
    avif = image.get_rendition(SIZES["lead"].spec(360, "avif"))
    webp = image.get_rendition(SIZES["lead"].spec(360, "webp"))

    with avif.file.open("rb") as file:
        assert file.read(12)[4:12] == b"ftypavif"
    with webp.file.open("rb") as file:
        assert file.read(12)[8:12] == b"WEBP"
    assert avif.width == 360


# The renditions are made in the background


def made_specs(image) -> set[str]:
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_publishing_a_story_makes_the_renditions_its_pages_ask_for(settings, django_capture_on_commit_callbacks):
    settings.TASKS = RUN_TASKS
    lead, figure = ImageFactory(), ImageFactory()
    lead.renditions.all().delete()
    figure.renditions.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        StoryPageFactory(lead_image=lead, body=[figure_block(figure)])

    assert set(specs_of(responsive_images.LEAD_IMAGE_SIZES)) <= made_specs(lead)
    assert responsive_images.PREVIEW_FILTER in made_specs(lead)
    assert set(specs_of(responsive_images.BODY_IMAGE_SIZES)) <= made_specs(figure)


def test_a_draft_makes_no_renditions(settings, django_capture_on_commit_callbacks):
    settings.TASKS = RUN_TASKS
    lead = ImageFactory()

    with django_capture_on_commit_callbacks(execute=True):
        StoryPageFactory(lead_image=lead, publish=False)

    assert not made_specs(lead)


def test_an_uploaded_image_gets_its_usual_renditions(settings, django_capture_on_commit_callbacks):
    settings.TASKS = RUN_TASKS

    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()

    assert made_specs(image) == set(specs_of(responsive_images.UPLOAD_SIZES))


def test_the_task_makes_each_rendition_once_and_forgets_a_deleted_image():
    image = ImageFactory()
    specs = SIZES["card"].specs()

    assert responsive_images.renditions_make(image.pk, specs) == len(specs)
    first = set(image.renditions.values_list("pk", flat=True))
    responsive_images.renditions_make(image.pk, specs)
    assert set(image.renditions.values_list("pk", flat=True)) == first
    image_id = image.pk
    image.delete()
    assert responsive_images.renditions_make(image_id, specs) == 0


def test_a_small_original_is_not_offered_twice_at_the_same_width():
    small = get_image_model().objects.create(
        title="Small", file=ImageFile(io.BytesIO(png_bytes(size=(500, 300))), name="small.png")
    )
    [image] = parsed(str(responsive_images.picture(small, "figure"))).images

    assert [part.split()[-1] for part in image["srcset"].split(", ")] == ["360w", "500w"]
    assert (image["width"], image["height"]) == ("500", "300")
