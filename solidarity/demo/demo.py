"""Demo content for `manage.py load_demo`: stories, images, report PDFs, a demo admin and one account per role
(and, from ``demo.campaign``, the campaign day with its groups and activities; from ``demo.discussion``, readers'
comments and questions).

Everything here is invented: the organisations, the people and the events (the places are real).
Each item has a stable key (a story's slug, an image's or a document's title), and an item that
is already there is left alone, so loading the demo any number of times adds nothing twice.
"""

from __future__ import annotations

import hashlib
import io
import random
import secrets
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import escape
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image as PILImage
from PIL import ImageChops, ImageDraw, ImageFilter
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.search import index as search_index

from solidarity.calls.models import PublicCallStory
from solidarity.calls.services import public_call_create
from solidarity.core.private_files import write_private
from solidarity.demo import illustrations, pages, topics
from solidarity.demo.calls import call_signatures_ensure
from solidarity.demo.content import STORIES, DemoStory, ReportFile, Section, StoryText
from solidarity.demo.content_uk_de import STORIES_UK_DE
from solidarity.demo.discussion import discussion_load
from solidarity.demo.members import members_ensure
from solidarity.demo.staff_users import DemoLogin, staff_users_ensure
from solidarity.home.services import site_tree_ensure
from solidarity.staff import two_factor
from solidarity.stories.models import StoryIndexPage, StoryPage
from solidarity.stories.services import story_create, story_translate

if TYPE_CHECKING:
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD_FILE = "demo_admin_password"


@dataclass(frozen=True)
class DemoImage:
    key: str
    title: str
    description: str
    paint: Callable[[PILImage.Image, random.Random], None]


@dataclass
class Tally:
    """What a run created and what it found already there, by kind of item."""

    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)

    def note(self, what: str, *, created: bool) -> None:
        (self.created if created else self.existing)[what] += 1

    def summary(self) -> list[str]:
        """One line for what was made and one for what was there already, each only when it says something."""
        lines = [
            f"Demo content created — {_describe(self.created)}." if any(self.created.values()) else "",
            f"Demo content already there — {_describe(self.existing)}." if any(self.existing.values()) else "",
        ]
        return [line for line in lines if line] or ["Demo content: nothing to load."]


def _describe(counts: Counter[str]) -> str:
    return ", ".join(f"{what}: {count}" for what, count in counts.items() if count) or "nothing"


@dataclass(frozen=True)
class AdminLogin:
    username: str
    password: str | None
    created: bool
    note: str = ""


@dataclass
class DemoResult:
    tally: Tally
    admin: AdminLogin
    staff: list[DemoLogin] = field(default_factory=list)  # one account per role besides the admin

    def summary(self) -> list[str]:
        return self.tally.summary()


Log = Callable[[str], None]


def index_now(obj: models.Model) -> None:
    """Put a new item in the search index now, not when the task worker gets to it.

    Saving queues the same update as a background task; running it twice does no harm, and the
    demo's search works at once even before `db_worker` has started.
    """
    search_index.insert_or_update_object(obj)


# ---------------------------------------------------------------------------------------------
# Images: abstract compositions in a muted palette, drawn at twice the size and scaled down
# ---------------------------------------------------------------------------------------------

IMAGE_SIZE = (1600, 900)
SCALE = 2
W, H = IMAGE_SIZE[0] * SCALE, IMAGE_SIZE[1] * SCALE
CREAM, SAND, OCHRE = (239, 230, 210), (216, 195, 160), (201, 154, 59)
TERRACOTTA, SAGE, SLATE = (181, 85, 60), (138, 154, 123), (61, 74, 92)
DUSTY_BLUE, PLUM, CHARCOAL = (109, 138, 166), (107, 74, 94), (43, 45, 49)


def _paint_stripes(canvas: PILImage.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(canvas)
    colours = [SLATE, OCHRE, TERRACOTTA, SAND, DUSTY_BLUE]
    x = -H
    while x < W:
        width = rng.choice([140, 220, 320])
        if rng.random() > 0.2:
            colour = rng.choice(colours)
            draw.polygon([(x, H), (x + width, H), (x + width + H, 0), (x + H, 0)], fill=colour)
        x += width + rng.choice([0, 40, 90])


def _paint_horizon(canvas: PILImage.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([0, 0, W, H], fill=SAND)
    cx, cy, r = W * 0.64, H * 0.56, H * 0.3
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=CREAM)
    y = H * 0.6
    for colour in (SAGE, DUSTY_BLUE, SLATE, CHARCOAL):
        band = H * rng.uniform(0.08, 0.14)
        draw.rectangle([0, y, W, y + band + 2], fill=colour)
        y += band
    if y < H:
        draw.rectangle([0, y, W, H], fill=CHARCOAL)


def _paint_circles(canvas: PILImage.Image, rng: random.Random) -> None:
    ImageDraw.Draw(canvas).rectangle([0, 0, W, H], fill=CREAM)
    for colour, cx in ((DUSTY_BLUE, 0.36), (TERRACOTTA, 0.52), (OCHRE, 0.66)):
        layer = PILImage.new("RGBA", canvas.size, (0, 0, 0, 0))
        r = H * rng.uniform(0.3, 0.38)
        cy = H * rng.uniform(0.42, 0.58)
        ImageDraw.Draw(layer).ellipse([W * cx - r, cy - r, W * cx + r, cy + r], fill=(*colour, 190))
        canvas.alpha_composite(layer)


def _paint_windows(canvas: PILImage.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([0, 0, W, H], fill=CHARCOAL)
    cols, rows, gap = 14, 7, 36
    cell_w, cell_h = (W - gap) / cols, (H - gap) / rows
    for row in range(rows):
        for col in range(cols):
            lit = rng.random() < 0.27
            colour = rng.choice([OCHRE, CREAM, SAND]) if lit else rng.choice([SLATE, SLATE, PLUM])
            x, y = gap + col * cell_w, gap + row * cell_h
            draw.rounded_rectangle([x, y, x + cell_w - gap, y + cell_h - gap], radius=14, fill=colour)


def _paint_arcs(canvas: PILImage.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(canvas)
    tile = 400
    colours = [CREAM, DUSTY_BLUE, TERRACOTTA, SLATE, SAND]
    # A quarter circle from one corner of each tile: (corner offset, start angle of the slice).
    quarters = [((0, 0), 0), ((1, 0), 90), ((1, 1), 180), ((0, 1), 270)]
    for row in range(H // tile + 1):
        for col in range(W // tile):
            x, y = col * tile, row * tile
            background, arc = rng.sample(colours, 2)
            draw.rectangle([x, y, x + tile, y + tile], fill=background)
            (dx, dy), start = rng.choice(quarters)
            cx, cy = x + dx * tile, y + dy * tile
            draw.pieslice([cx - tile, cy - tile, cx + tile, cy + tile], start, start + 90, fill=arc)


def _paint_triangles(canvas: PILImage.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(canvas)
    tile = 300
    colours = [SAGE, SAND, PLUM, CREAM, SLATE]
    for row in range(H // tile):
        for col in range(W // tile + 1):
            x, y = col * tile, row * tile
            first, second = rng.sample(colours, 2)
            corners = [(x, y), (x + tile, y), (x + tile, y + tile), (x, y + tile)]
            turn = rng.randint(0, 1)
            draw.polygon([corners[turn], corners[turn + 1], corners[turn + 2]], fill=first)
            draw.polygon([corners[turn + 2], corners[(turn + 3) % 4], corners[turn]], fill=second)


def _paint_paths(canvas: PILImage.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(canvas)
    horizon = H * 0.42
    draw.rectangle([0, 0, W, horizon], fill=CREAM)
    draw.rectangle([0, horizon, W, H], fill=SLATE)
    vx = W * rng.uniform(0.45, 0.6)
    for start in range(-W // 2, W + W // 2, 90):
        colour = rng.choice([OCHRE, SAND, DUSTY_BLUE])
        draw.line([(start, H), (vx, horizon)], fill=colour, width=5)
    r = H * 0.05
    draw.ellipse([vx - r, horizon - 2 * r, vx + r, horizon], fill=TERRACOTTA)


IMAGES = (
    DemoImage(
        "stripes",
        "Demo illustration: diagonal stripes",
        "Abstract illustration: broad diagonal stripes in slate blue, ochre and terracotta on a cream background.",
        _paint_stripes,
    ),
    DemoImage(
        "horizon",
        "Demo illustration: sun over the horizon",
        "Abstract illustration: a pale sun rising behind horizontal bands of sage green, blue and slate.",
        _paint_horizon,
    ),
    DemoImage(
        "circles",
        "Demo illustration: overlapping circles",
        "Abstract illustration: three large overlapping circles in dusty blue, terracotta and ochre.",
        _paint_circles,
    ),
    DemoImage(
        "windows",
        "Demo illustration: lit windows",
        "Abstract illustration: a dark grid of windows at night, some of them lit in warm yellow.",
        _paint_windows,
    ),
    DemoImage(
        "arcs",
        "Demo illustration: quarter circles",
        "Abstract illustration: a tiled pattern of quarter circles in muted blue, rust, sand and cream.",
        _paint_arcs,
    ),
    DemoImage(
        "triangles",
        "Demo illustration: triangle mosaic",
        "Abstract illustration: a mosaic of triangles in sage green, sand, plum and slate.",
        _paint_triangles,
    ),
    DemoImage(
        "paths",
        "Demo illustration: converging paths",
        "Abstract illustration: many thin lines converging towards a small red sun on the horizon.",
        _paint_paths,
    ),
)

LEAD_IMAGES = illustrations.variations(IMAGES)
LEAD_IMAGE_OF_STORY = illustrations.lead_image_keys(STORIES, IMAGES)


JPEG_QUALITY = 80  # what a phone or an editor's export gives; renditions are made from it


def _photographed(picture: PILImage.Image, rng: random.Random) -> PILImage.Image:
    """The flat drawing as if photographed: soft light from one side, a vignette, depth of field and grain.

    Flat colours compress to almost nothing and show nothing of what real photos weigh; these
    gradients and this noise make a JPEG of the size and texture of a photo (still invented).
    """
    width, height = picture.size
    # Depth of field: the top (the far side) out of focus, the bottom sharp, with a soft edge.
    focus = PILImage.linear_gradient("L").resize((width, height)).point(lambda v: min(255, int(v * 1.6)))
    picture = PILImage.composite(picture, picture.filter(ImageFilter.GaussianBlur(7)), focus)
    picture = picture.filter(ImageFilter.GaussianBlur(1.1))
    # Light from a point off the centre: brighter and warmer there, darker towards the corners.
    glow = PILImage.radial_gradient("L").resize((width * 2, height * 2))
    cx, cy = rng.uniform(0.25, 0.75), rng.uniform(0.2, 0.5)
    glow = glow.crop((int(width * (1 - cx)), int(height * (1 - cy)), int(width * (2 - cx)), int(height * (2 - cy))))
    warm = PILImage.new("RGB", (width, height), (255, 236, 200))
    picture = PILImage.composite(picture, ImageChops.screen(picture, warm), glow.point(lambda v: min(255, 150 + v)))
    vignette = PILImage.radial_gradient("L").resize((width, height)).point(lambda v: 255 - max(0, v - 110) // 2)
    picture = ImageChops.multiply(picture, PILImage.merge("RGB", (vignette, vignette, vignette)))
    # Grain: seeded noise, so the same spec gives the same bytes.
    noise = PILImage.frombytes("L", (width, height), rng.randbytes(width * height))
    noise = noise.filter(ImageFilter.GaussianBlur(0.5))
    grain = PILImage.blend(PILImage.new("L", (width, height), 128), noise, 0.12)
    return ImageChops.overlay(picture, PILImage.merge("RGB", (grain, grain, grain)))


def image_jpeg(spec: DemoImage) -> bytes:
    """The composition as a 1600×900 photo-like JPEG; the same spec always gives the same picture."""
    canvas = PILImage.new("RGBA", (W, H), (*CREAM, 255))
    rng = random.Random(spec.key)
    spec.paint(canvas, rng)
    picture = _photographed(canvas.convert("RGB").resize(IMAGE_SIZE, PILImage.Resampling.LANCZOS), rng)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def images_ensure(*, tally: Tally, log: Log) -> dict[str, AbstractImage]:
    """Every demo image in the image library, by key; drawn and saved only when missing."""
    return {spec.key: _image_ensure(spec, tally=tally, log=log) for spec in (*IMAGES, *LEAD_IMAGES)}


def _image_ensure(spec: DemoImage, *, tally: Tally, log: Log) -> AbstractImage:
    image_model = get_image_model()
    image = image_model.objects.filter(title=spec.title).order_by("pk").first()
    if image is not None:
        tally.note("images", created=False)
        return image
    data = image_jpeg(spec)
    image = image_model(
        title=spec.title,
        description=spec.description,
        file=ContentFile(data, name=f"demo-{spec.key}.jpg"),
        width=IMAGE_SIZE[0],
        height=IMAGE_SIZE[1],
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    index_now(image)
    tally.note("images", created=True)
    log(f"Image: {spec.title}")
    return image


# ---------------------------------------------------------------------------------------------
# Report PDFs, set in PT Sans (from the fontpkg-pt-sans package) so that Russian text works too
# ---------------------------------------------------------------------------------------------

PDF_FONT = "PTSans"
WORDS = {
    "en": {
        "page": "Page",
        "demo": "Demo content: the organisations, people and events in this report are invented.",
        "download": "Download the full report (PDF)",
        "index": "All stories from the network",
    },
    "ru": {
        "page": "Стр.",
        "demo": "Демонстрационный материал: организации, люди и события в этом докладе вымышлены.",
        "download": "Скачать полный доклад (PDF)",
        "index": "Все материалы сети",
    },
}


def pdf_font_files() -> dict[str, Path]:
    """The PT Sans files by fpdf2 style: regular, bold and italic, with Cyrillic and Latin."""
    import fontpkg_pt_sans

    files = Path(fontpkg_pt_sans.ROOT) / "files"
    return {
        "": files / "PT_Sans-Web-Regular.ttf",
        "B": files / "PT_Sans-Web-Bold.ttf",
        "I": files / "PT_Sans-Web-Italic.ttf",
    }


class _ReportPDF(FPDF):
    def __init__(self, *, running_title: str, page_word: str) -> None:
        super().__init__(format="A4")
        self.running_title = running_title
        self.page_word = page_word
        for style, path in pdf_font_files().items():
            self.add_font(PDF_FONT, style, str(path))
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=22)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-15)
        self.set_font(PDF_FONT, "I", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 8, f"{self.running_title}  ·  {self.page_word} {self.page_no()}", align="C")


def report_pdf(report: ReportFile, *, language: str, day: date) -> bytes:
    """A few A4 pages: a cover, then each section with its heading and paragraphs."""
    words = WORDS[language]
    pdf = _ReportPDF(running_title=report.title, page_word=words["page"])
    pdf.set_title(report.title)
    pdf.set_author(report.organisation)
    pdf.set_subject(report.subtitle)
    pdf.set_lang(language)
    pdf.set_creation_date(datetime.combine(day, time(10, 0), tzinfo=UTC))
    _pdf_cover(pdf, report, words=words, day=day)
    pdf.add_page()
    for number, section in enumerate(report.sections, start=1):
        if number == len(report.sections) and number > 1:
            pdf.add_page()  # the recommendations, last, open a page of their own as in a printed report
        _pdf_section(pdf, section)
    return bytes(pdf.output())


def _pdf_line(pdf: FPDF, height: float, text: str) -> None:
    pdf.multi_cell(0, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _pdf_cover(pdf: FPDF, report: ReportFile, *, words: dict[str, str], day: date) -> None:
    pdf.add_page()
    pdf.set_fill_color(*SLATE)
    pdf.rect(0, 0, pdf.w, 120, style="F")
    pdf.set_fill_color(*OCHRE)
    pdf.rect(0, 120, pdf.w, 6, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_y(42)
    pdf.set_font(PDF_FONT, "B", 26)
    _pdf_line(pdf, 12, report.title)
    pdf.ln(4)
    pdf.set_font(PDF_FONT, "", 14)
    _pdf_line(pdf, 7, report.subtitle)
    pdf.set_text_color(*CHARCOAL)
    pdf.set_y(140)
    pdf.set_font(PDF_FONT, "B", 12)
    _pdf_line(pdf, 7, report.organisation)
    pdf.set_font(PDF_FONT, "", 12)
    _pdf_line(pdf, 7, day.isoformat())
    pdf.set_y(-40)
    pdf.set_font(PDF_FONT, "I", 9)
    pdf.set_text_color(110, 110, 110)
    _pdf_line(pdf, 5, words["demo"])


def _pdf_section(pdf: FPDF, section: Section) -> None:
    if pdf.get_y() > pdf.h - 60:
        pdf.add_page()
    pdf.ln(4)
    pdf.set_font(PDF_FONT, "B", 15)
    pdf.set_text_color(*SLATE)
    _pdf_line(pdf, 8, section.heading)
    pdf.ln(2)
    pdf.set_font(PDF_FONT, "", 11)
    pdf.set_text_color(*CHARCOAL)
    for paragraph in section.paragraphs:
        _pdf_line(pdf, 6, paragraph)
        pdf.ln(3)


def document_ensure(report: ReportFile, *, language: str, day: date, tally: Tally, log: Log) -> AbstractDocument:
    """The report's PDF in the document library, found by its title; made only when missing."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=report.title).order_by("pk").first()
    if document is not None:
        tally.note("documents", created=False)
        return document
    data = report_pdf(report, language=language, day=day)
    document = document_model(
        title=report.title,
        file=ContentFile(data, name=f"{_file_stem(report.title)}.pdf"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    document.save()
    index_now(document)
    tally.note("documents", created=True)
    log(f"Document: {report.title}")
    return document


def _file_stem(title: str) -> str:
    """A short ASCII file name: Russian titles become "report-<hash>"."""
    ascii_words = "".join(c if c.isascii() and c.isalnum() else " " for c in title.lower()).split()
    if len(ascii_words) >= 2:
        return "-".join(ascii_words[:6])
    return "report-" + hashlib.sha1(title.encode()).hexdigest()[:8]


# ---------------------------------------------------------------------------------------------
# Story pages
# ---------------------------------------------------------------------------------------------


def _block(kind: str, value: Any) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _paragraphs(texts: tuple[str, ...]) -> list[dict]:
    return [_block("paragraph", f"<p>{escape(text)}</p>") for text in texts]


def story_body(
    text: StoryText, *, image: AbstractImage, document: AbstractDocument | None, link: dict, language: str
) -> list[dict]:
    """Paragraphs, the image, a heading, more paragraphs, a quote, the report's PDF, a link."""
    figure = illustrations.figure_value(image, caption=text.caption, language=language)
    blocks = [
        *_paragraphs(text.lead),
        _block("image", figure),
        _block("heading", text.heading),
        *_paragraphs(text.more),
        _block("quote", {"text": text.quote[0], "attribution": text.quote[1]}),
    ]
    if document is not None and text.report is not None:
        description = f"{text.report.subtitle}. {text.report.organisation}."
        download = {"document": document.pk, "title": WORDS[language]["download"], "description": description}
        blocks.append(_block("document", download))
    blocks.append(_block("link", link))
    return blocks


def _link_value(text: StoryText, *, index: StoryIndexPage, language: str) -> dict:
    """The link block: another demo story in the same language, an address, or the story index."""
    target, link_text = text.link
    if target.startswith("https://"):
        return {"page": None, "url": target, "text": link_text}
    if target:
        english = StoryPage.objects.filter(locale__language_code="en", slug=target).first()
        page = english.get_translation_or_none(index.locale) if english else None
        if page is not None:
            return {"page": page.pk, "url": "", "text": link_text}
        link_text = WORDS[language]["index"]
    return {"page": index.pk, "url": "", "text": link_text}


@dataclass(frozen=True)
class DemoFiles:
    """The demo images by key and the report PDFs by title, as stored in Wagtail's libraries."""

    images: dict[str, AbstractImage]
    documents: dict[str, AbstractDocument]


def documents_ensure(*, tally: Tally, log: Log) -> dict[str, AbstractDocument]:
    """The PDF of every demo report in the document library, by title."""
    documents = {}
    for spec in STORIES:
        for language, text in (("en", spec.en), ("ru", spec.ru)):
            if text is not None and text.report is not None:
                documents[text.report.title] = document_ensure(
                    text.report, language=language, day=story_day(spec), tally=tally, log=log
                )
    return documents


def _figure_image_key(lead_key: str) -> str:
    """The image in the body: another one than the lead image shown above it."""
    keys = [spec.key for spec in IMAGES]
    return keys[(keys.index(lead_key) + 3) % len(keys)]


def story_day(spec: DemoStory) -> date:
    return timezone.localdate() - timedelta(days=spec.days_ago)


def _story_fields(spec: DemoStory, text: StoryText, *, index: StoryIndexPage, files: DemoFiles) -> dict:
    """The field values of a story in the language of ``index``, as the story services take them."""
    language = index.locale.language_code
    day = story_day(spec)
    # A story written in Ukrainian or German (content_uk_de) has its own drawing as it is.
    lead = LEAD_IMAGE_OF_STORY.get(illustrations.story_key(spec) or "", spec.image)
    figure = files.images[_figure_image_key(illustrations.drawing_of(lead))]
    document = files.documents[text.report.title] if text.report else None
    link = _link_value(text, index=index, language=language)
    return {
        "title": text.title,
        "slug": text.slug,
        "summary": text.summary,
        "topics": list(text.topics),
        "kind": spec.kind,
        "date": day,
        "countries": list(spec.countries),
        **illustrations.lead_image_fields(files.images[lead], language=language),
        "body": story_body(text, image=figure, document=document, link=link, language=language),
        "first_published_at": datetime.combine(day, time(9, 30), tzinfo=UTC),
    }


def _call_fields(spec: DemoStory, *, index: StoryIndexPage) -> dict:
    """A public call's own fields in the language of ``index``: to whom, dates, goal, updates, its stories."""
    assert spec.call is not None
    call, language, today = spec.call, index.locale.language_code, timezone.localdate()
    stories = []
    for slug in call.stories:
        english = StoryPage.objects.filter(locale__language_code="en", slug=slug).first()
        story = english.get_translation_or_none(index.locale) if english else None
        if story is not None:
            stories.append(story)
    updates = [
        _block(
            "update", {"date": (today - timedelta(days=update.days_ago)).isoformat(), "text": getattr(update, language)}
        )
        for update in sorted(call.updates, key=lambda update: update.days_ago)  # the newest first
    ]
    return {
        "addressed_to": call.addressed_to[language],
        "opens_on": today - timedelta(days=call.opens_days_ago),
        "closes_on": None if call.closes_in_days is None else today + timedelta(days=call.closes_in_days),
        "goal": call.goal,
        "updates": updates,
        "stories": stories,
    }


@transaction.atomic
def story_ensure(
    spec: DemoStory, text: StoryText, *, index: StoryIndexPage, files: DemoFiles, tally: Tally, log: Log
) -> StoryPage:
    """A story written in the language of ``index`` (not a translation), found by its slug."""
    label = f"stories ({index.locale.language_code})"
    existing = StoryPage.objects.child_of(index).filter(slug=text.slug).first()
    if existing is not None:
        tally.note(label, created=False)
        return existing
    fields = _story_fields(spec, text, index=index, files=files)
    if spec.call is not None:
        del fields["kind"]
        page = public_call_create(index=index, **fields, **_call_fields(spec, index=index))
    else:
        page = story_create(index=index, **fields)
    index_now(page)
    tally.note(label, created=True)
    log(f"Story ({index.locale.language_code}): {text.title}")
    return page


@transaction.atomic
def translation_ensure(
    spec: DemoStory,
    source: StoryPage,
    text: StoryText,
    *,
    index: StoryIndexPage,
    files: DemoFiles,
    tally: Tally,
    log: Log,
) -> StoryPage:
    """The translation of ``source`` into the language of ``index``, sharing its translation key."""
    label = f"stories ({index.locale.language_code})"
    existing = source.get_translation_or_none(index.locale)
    if existing is not None:
        tally.note(label, created=False)
        return existing
    fields = _story_fields(spec, text, index=index, files=files)
    if spec.call is not None:
        call = _call_fields(spec, index=index)
        fields["linked_stories"] = [PublicCallStory(story=story) for story in call.pop("stories")]
        fields.update(call)
    page = story_translate(story=source, language=index.locale.language_code, **fields)
    index_now(page)
    tally.note(label, created=True)
    log(f"Story ({index.locale.language_code}, translation): {text.title}")
    return page


# ---------------------------------------------------------------------------------------------
# The demo admin, and the whole load
# ---------------------------------------------------------------------------------------------


def admin_ensure(*, var_dir: Path, tally: Tally) -> AdminLogin:
    """The demo superuser ``admin`` with a random password kept in var/ (0600), made on the first run.

    An ``admin`` that load_demo did not make, or whose password has been changed since, is left as
    it is, and its password is not shown.
    """
    user_model = get_user_model()
    path = var_dir / ADMIN_PASSWORD_FILE
    password = path.read_text(encoding="utf-8").strip() if path.exists() else None
    user = user_model.objects.filter(username=ADMIN_USERNAME).first()
    if user is not None:
        tally.note("admin user", created=False)
        if password and user.check_password(password):
            return AdminLogin(ADMIN_USERNAME, password, created=False)
        note = f"password not shown: this admin was not made by load_demo, or its password differs from {path}"
        return AdminLogin(ADMIN_USERNAME, None, created=False, note=note)
    if not password:
        password = secrets.token_urlsafe(18)
        write_private(path, password + "\n")
    user = user_model.objects.create_superuser(username=ADMIN_USERNAME, email="", password=password)
    two_factor.preenrol(user, by=None)
    tally.note("admin user", created=True)
    return AdminLogin(ADMIN_USERNAME, password, created=True)


def demo_load(*, var_dir: Path, log: Log) -> DemoResult:
    """Load every piece of demo content that is missing; what exists already is left alone."""
    site_tree_ensure()
    tally = Tally()
    files = DemoFiles(images=images_ensure(tally=tally, log=log), documents=documents_ensure(tally=tally, log=log))
    en_index, ru_index = _index("en"), _index("ru")
    for spec in STORIES:
        if spec.en is not None:
            page = story_ensure(spec, spec.en, index=en_index, files=files, tally=tally, log=log)
            if spec.ru is not None:
                translation_ensure(spec, page, spec.ru, index=ru_index, files=files, tally=tally, log=log)
    for spec in STORIES:
        if spec.en is None and spec.ru is not None:
            story_ensure(spec, spec.ru, index=ru_index, files=files, tally=tally, log=log)
    for language, spec, text in STORIES_UK_DE:
        story_ensure(spec, text, index=_index(language), files=files, tally=tally, log=log)
    topics.topic_translations_ensure(tally=tally, log=log)
    members_ensure(tally=tally, log=log)
    pages.pages_load(tally=tally, log=log)
    admin = admin_ensure(var_dir=var_dir, tally=tally)
    by = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
    staff = staff_users_ensure(var_dir=var_dir, by=by, tally=tally)
    call_signatures_ensure(STORIES, tally=tally, log=log)  # after the member directory and the demo admin
    # The campaign after the member directory (its groups) and the demo staff (who approve them).
    from solidarity.demo.campaign import campaign_load  # it builds on this module's stories and images

    campaign_load(files=files, tally=tally, log=log)
    discussion_load(tally=tally, log=log)  # comments on stories and the campaign, questions to its contacts
    pages.navigation_load(tally=tally, log=log)  # after every page, so that the menus lead to them all
    return DemoResult(tally=tally, admin=admin, staff=staff)


def _index(language: str) -> StoryIndexPage:
    return StoryIndexPage.objects.get(locale=Locale.objects.get(language_code=language))
