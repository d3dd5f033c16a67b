"""Demo member organisations, the Members page in every language, country introductions and story bylines.

Everything here is invented: the organisations and the people (the cities are real). Written
through the services, each item found by a stable key (an organisation's name, a page's language,
an introduction's country and language, a story's slug), so loading twice adds nothing.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from solidarity.core.models import CountryIntroduction, MemberOrganisation
from solidarity.core.services import country_introduction_set, organisation_create
from solidarity.home.models import HomePage, MembersPage
from solidarity.home.services import members_page_ensure
from solidarity.stories.models import StoryPage
from solidarity.stories.services import story_credit_set

if TYPE_CHECKING:
    from wagtail.images.models import AbstractImage

    from solidarity.demo.demo import Tally

Log = Callable[[str], None]


@dataclass(frozen=True)
class DemoMember:
    name: str
    country: str
    city: str
    year_joined: int
    descriptions: dict[str, str]
    colours: tuple[tuple[int, int, int], tuple[int, int, int]] = ((61, 74, 92), (201, 154, 59))
    website: str = ""


@dataclass(frozen=True)
class Byline:
    """The credit of a demo story: its slug (English, or Russian for a Russian-only story), authors by language."""

    slug: str
    organisation: str = ""
    authors: dict[str, str] = field(default_factory=dict)


SLATE, OCHRE, TERRACOTTA = (61, 74, 92), (201, 154, 59), (181, 85, 60)
SAGE, DUSTY_BLUE, PLUM = (138, 154, 123), (109, 138, 166), (107, 74, 94)

MEMBERS = (
    DemoMember(
        "Minsk Observers’ Circle",
        "BY",
        "Minsk",
        2011,
        {
            "en": "Volunteer monitors who attend political trials in Belarus and publish what happens in court.",
            "ru": "Волонтёры-наблюдатели, которые ходят на политические процессы в Беларуси и рассказывают о них.",
            "be": "Валанцёры-назіральнікі, якія наведваюць палітычныя працэсы ў Беларусі і распавядаюць пра іх.",
        },
        (SLATE, OCHRE),
    ),
    DemoMember(
        "Neman Letters Collective",
        "BY",
        "Grodno",
        2021,
        {
            "en": "Gathers letters and postcards for political prisoners and helps their families stay in touch.",
            "ru": "Собирает письма и открытки политзаключённым и помогает их семьям поддерживать связь.",
        },
        (DUSTY_BLUE, SAGE),
    ),
    DemoMember(
        "Volga Prisoners’ Support Circle",
        "RU",
        "Samara",
        2009,
        {
            "en": "Helps the families of prisoners across the Volga region with complaints, parcels and lawyers.",
            "ru": "Помогает семьям заключённых в Поволжье с жалобами, передачами и поиском адвокатов.",
        },
        (TERRACOTTA, OCHRE),
    ),
    DemoMember(
        "Ural Family Consultation Point",
        "RU",
        "Yekaterinburg",
        2023,
        {
            "en": "Free Saturday consultations for the relatives of people detained for their views.",
            "ru": "Бесплатные консультации по субботам для родственников задержанных за убеждения.",
        },
        (PLUM, OCHRE),
    ),
    DemoMember(
        "Left Bank Documentation Workshop",
        "UA",
        "Kharkiv",
        2014,
        {
            "en": "Lawyers and researchers who document the detention of civilians and run a mobile legal clinic.",
            "ru": "Юристы и исследователи, которые документируют задержания мирных жителей и ведут выездную клинику.",
            "uk": "Юристи й дослідники, які документують затримання цивільних і ведуть виїзну юридичну клініку.",
        },
        (SAGE, SLATE),
    ),
    DemoMember(
        "Dnipro Riverside Detention Watch",
        "UA",
        "Dnipro",
        2019,
        {
            "en": "Keeps a register of people missing after detention and supports their families.",
            "ru": "Ведёт реестр людей, пропавших после задержания, и поддерживает их семьи.",
            "uk": "Веде реєстр людей, зниклих після затримання, і підтримує їхні родини.",
        },
        (DUSTY_BLUE, OCHRE),
    ),
    DemoMember(
        "Steppe Monitoring Group",
        "KZ",
        "Almaty",
        2010,
        {
            "en": "Visits places of detention and represents people who report torture or ill-treatment.",
            "ru": "Посещает места лишения свободы и защищает тех, кто сообщает о пытках и жестоком обращении.",
        },
        (OCHRE, TERRACOTTA),
    ),
    DemoMember(
        "Caspian Rights Monitor",
        "AZ",
        "Baku",
        2012,
        {
            "en": "Follows the cases of detained journalists and bloggers and supports independent newsrooms.",
            "ru": "Следит за делами задержанных журналистов и блогеров и поддерживает независимые редакции.",
            "fr": "Suit les affaires des journalistes et blogueurs détenus et soutient les rédactions indépendantes.",
        },
        (SLATE, DUSTY_BLUE),
    ),
    DemoMember(
        "Ararat Civic Defence Network",
        "AM",
        "Yerevan",
        2013,
        {
            "en": "Trains election observers and gives legal help to peaceful protesters.",
            "ru": "Готовит наблюдателей на выборах и помогает мирным протестующим юридически.",
        },
        (TERRACOTTA, SLATE),
    ),
    DemoMember(
        "Kura Valley Trial Observers",
        "GE",
        "Tbilisi",
        2016,
        {
            "en": "Volunteers who observe hearings against protesters in Tbilisi and report on fair-trial rights.",
            "ru": "Волонтёры, которые наблюдают за заседаниями по делам протестующих в Тбилиси.",
            "de": "Ehrenamtliche, die Prozesse gegen Demonstrierende in Tiflis beobachten und darüber berichten.",
        },
        (SAGE, TERRACOTTA),
    ),
    DemoMember(
        "Kutaisi Legal Aid Table",
        "GE",
        "Kutaisi",
        2022,
        {
            "en": "Weekly free legal advice for civil-society groups facing registration as ‘foreign agents’.",
            "ru": "Еженедельные бесплатные консультации для общественных групп, которым грозит статус «иноагента».",
        },
        (PLUM, SAGE),
    ),
    DemoMember(
        "Dniester Legal Aid Collective",
        "MD",
        "Chișinău",
        2015,
        {
            "en": "Teaches lawyers to document torture and trains volunteer election observers.",
            "ru": "Учит адвокатов документировать пытки и готовит волонтёров-наблюдателей на выборах.",
            "fr": "Forme des avocats à documenter la torture et prépare des observateurs électoraux bénévoles.",
        },
        (DUSTY_BLUE, TERRACOTTA),
    ),
    DemoMember(
        "Ala-Too Open Door Circle",
        "KG",
        "Bishkek",
        2018,
        {
            "en": "Gives legal help to independent journalists and to organisations under inspection.",
            "ru": "Помогает юридически независимым журналистам и организациям, которые проверяют власти.",
        },
        (OCHRE, SAGE),
    ),
    DemoMember(
        "Fergana Valley Rights Desk",
        "UZ",
        "Fergana",
        2020,
        {
            "en": "Answers letters from prisoners’ families and follows cases of forced labour.",
            "ru": "Отвечает на письма семей заключённых и следит за делами о принудительном труде.",
        },
        (SLATE, SAGE),
    ),
    DemoMember(
        "Warsaw Postcard Circle",
        "PL",
        "Warsaw",
        2021,
        {
            "en": "Holds monthly letter-writing evenings for political prisoners in Belarus and Russia.",
            "ru": "Каждый месяц проводит вечера писем политзаключённым в Беларуси и России.",
            "be": "Кожны месяц праводзіць вечарыны лістоў палітвязням у Беларусі і Расіі.",
        },
        (TERRACOTTA, DUSTY_BLUE),
    ),
    DemoMember(
        "Vilnius House of Exiles",
        "LT",
        "Vilnius",
        2021,
        {
            "en": "Helps human-rights defenders in exile find housing, lawyers and a place to work.",
            "ru": "Помогает правозащитникам в эмиграции найти жильё, адвокатов и место для работы.",
        },
        (PLUM, DUSTY_BLUE),
    ),
    DemoMember(
        "Spree Bridge Legal Exchange",
        "DE",
        "Berlin",
        2017,
        {
            "en": "Connects lawyers in Germany with defenders in the region for advice and strategic cases.",
            "ru": "Связывает адвокатов в Германии с правозащитниками региона для консультаций и стратегических дел.",
            "de": "Bringt Anwältinnen und Anwälte in Deutschland mit Menschenrechtsverteidigern der Region zusammen.",
        },
        (SLATE, TERRACOTTA),
    ),
)

MEMBERS_PAGES = {
    "en": ("Members", "The organisations of the Solidarity network, country by country."),
    "ru": ("Участники сети", "Организации сети «Солидарность» по странам."),
    "uk": ("Учасники мережі", "Організації мережі «Солідарність» за країнами."),
    "be": ("Удзельнікі сеткі", "Арганізацыі сеткі «Салідарнасць» па краінах."),
    "de": ("Mitglieder", "Die Organisationen des Netzwerks Solidarity, nach Ländern."),
    "fr": ("Membres", "Les organisations du réseau Solidarity, pays par pays."),
}

INTRODUCTIONS = {
    "BY": {
        "en": "<p>Members in Belarus monitor political trials, write to political prisoners and support their "
        "families. Many of them now work from exile.</p>",
        "ru": "<p>Участники сети в Беларуси наблюдают за политическими процессами, пишут политзаключённым и "
        "поддерживают их семьи. Многие из них сейчас работают из эмиграции.</p>",
        "be": "<p>Удзельнікі сеткі ў Беларусі назіраюць за палітычнымі працэсамі, пішуць палітвязням і "
        "падтрымліваюць іх сем’і.</p>",
    },
    "RU": {
        "en": "<p>Members in Russia help the families of people prosecuted for their views, from prison letters to "
        "lawyers, in the Volga region and the Urals.</p>",
        "ru": "<p>Участники сети в России помогают семьям людей, которых преследуют за убеждения: от писем в "
        "колонии до поиска адвокатов, в Поволжье и на Урале.</p>",
    },
    "UA": {
        "en": "<p>Members in Ukraine document the detention of civilians in occupied areas and bring legal help to "
        "villages near the front line.</p>",
        "ru": "<p>Участники сети в Украине документируют задержания мирных жителей на оккупированных территориях и "
        "приезжают с юридической помощью в прифронтовые сёла.</p>",
        "uk": "<p>Учасники мережі в Україні документують затримання цивільних на окупованих територіях і привозять "
        "правову допомогу в прифронтові села.</p>",
    },
    "KZ": {
        "en": "<p>Members in Kazakhstan visit places of detention and defend people fined or jailed for peaceful "
        "protest.</p>",
        "ru": "<p>Участники сети в Казахстане посещают места лишения свободы и защищают тех, кого штрафуют или "
        "арестовывают за мирный протест.</p>",
    },
    "AZ": {
        "en": "<p>Members in Azerbaijan follow the cases of detained journalists and keep independent newsrooms "
        "going.</p>",
        "ru": "<p>Участники сети в Азербайджане следят за делами задержанных журналистов и поддерживают независимые "
        "редакции.</p>",
    },
    "AM": {
        "en": "<p>Members in Armenia observe elections and give legal help to peaceful protesters.</p>",
        "ru": "<p>Участники сети в Армении наблюдают за выборами и помогают мирным протестующим.</p>",
    },
    "GE": {
        "en": "<p>Members in Georgia observe trials of protesters and advise groups threatened by the ‘foreign "
        "agents’ law.</p>",
        "ru": "<p>Участники сети в Грузии наблюдают за судами над протестующими и консультируют группы, которым "
        "грозит закон об «иноагентах».</p>",
        "de": "<p>Mitglieder in Georgien beobachten Prozesse gegen Demonstrierende und beraten Gruppen, denen das "
        "Gesetz über ‚ausländische Agenten‘ droht.</p>",
    },
    "MD": {
        "en": "<p>Members in Moldova train lawyers to document torture and prepare volunteer election observers.</p>",
        "ru": "<p>Участники сети в Молдове учат адвокатов документировать пытки и готовят наблюдателей на выборах.</p>",
        "fr": "<p>En Moldavie, les membres forment des avocats à documenter la torture et préparent des "
        "observateurs électoraux.</p>",
    },
    "DE": {
        "en": "<p>In Germany, members support people who had to leave Belarus, Russia and Ukraine: advice on "
        "asylum and work, and a place to meet.</p>",
        "ru": "<p>В Германии участники сети поддерживают тех, кому пришлось уехать из Беларуси, России и Украины: "
        "консультации по убежищу и работе и место для встреч.</p>",
        "de": "<p>In Deutschland unterstützen die Mitglieder Menschen, die Belarus, Russland oder die Ukraine "
        "verlassen mussten: Beratung zu Asyl und Arbeit und ein Ort, um sich zu treffen.</p>",
    },
    "PL": {
        "en": "<p>In Warsaw, a member of the network gathers letters for political prisoners every month.</p>",
        "ru": "<p>В Варшаве участники сети каждый месяц собирают письма политзаключённым.</p>",
    },
}

BYLINES = (
    Byline(
        "behind-the-glass-trials-of-protesters-in-belarus",
        "Minsk Observers’ Circle",
        {"en": "Tatsiana R.", "ru": "Татьяна Р."},
    ),
    Byline(
        "locked-in-waiting-pre-trial-detention-in-kazakhstan",
        "Steppe Monitoring Group",
        {"en": "Aliya S.", "ru": "Алия С."},
    ),
    Byline("newsrooms-under-pressure-azerbaijan-and-armenia", "Caspian Rights Monitor"),
    Byline("held-without-charge-civilians-detained-in-occupied-ukraine", "Left Bank Documentation Workshop"),
    Byline("statement-on-the-prosecution-of-peaceful-protesters-in-yerevan", "Ararat Civic Defence Network"),
    Byline(
        "letters-reach-political-prisoners-in-belarus",
        "Neman Letters Collective",
        {"en": "Maryia L.", "ru": "Мария Л."},
    ),
    Byline(
        "mobile-legal-clinic-reaches-villages-in-the-kharkiv-region",
        "Left Bank Documentation Workshop",
        {"en": "Iryna V."},
    ),
    Byline("trial-monitors-attend-thirty-hearings-in-tbilisi", "Kura Valley Trial Observers", {"en": "Giorgi T."}),
    Byline("lawyers-in-chisinau-train-to-document-torture", "Dniester Legal Aid Collective"),
    Byline("azerbaijan-journalist-released-after-18-months", "Caspian Rights Monitor", {"en": "Leyla M."}),
    Byline("kazakhstan-fines-for-solitary-pickets-in-almaty", "Steppe Monitoring Group"),
    Byline(
        "russia-new-criminal-case-against-a-regional-human-rights-defender",
        "Volga Prisoners’ Support Circle",
        {"en": "Olga N.", "ru": "Ольга Н."},
    ),
    Byline("armenia-observers-report-on-local-elections-in-gyumri", "Ararat Civic Defence Network", {"en": "Anush H."}),
    Byline("call-for-volunteers-election-observers-in-moldova", "Dniester Legal Aid Collective"),
    Byline(
        "pravozashchitniki-ekaterinburga-otkryli-konsultatsii-dlya-semey-zaderzhannykh",
        "Ural Family Consultation Point",
        {"ru": "Марина К."},
    ),
    Byline(
        "pisma-v-kolonii-kak-volontery-povolzhya-podderzhivayut-politzaklyuchennykh",
        "Volga Prisoners’ Support Circle",
        {"ru": "Ольга Н."},
    ),
)

LOGO_SIZE = 240


def logo_png(member: DemoMember) -> bytes:
    """A simple mark in two colours: a disc over a band, placed by the organisation's name."""
    seed = int(hashlib.sha1(member.name.encode()).hexdigest(), 16)
    canvas = PILImage.new("RGB", (LOGO_SIZE, LOGO_SIZE), (239, 230, 210))
    draw = ImageDraw.Draw(canvas)
    first, second = member.colours
    band = 60 + seed % 80
    draw.rectangle([0, band, LOGO_SIZE, band + 70], fill=second)
    radius = 50 + seed % 30
    centre = 70 + (seed >> 8) % 100
    draw.ellipse([centre - radius, 120 - radius, centre + radius, 120 + radius], fill=first)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def logo_ensure(member: DemoMember) -> AbstractImage:
    """The organisation's demo logo in the image library, found by its title."""
    image_model = get_image_model()
    title = f"Demo logo: {member.name}"
    image = image_model.objects.filter(title=title).order_by("pk").first()
    if image is not None:
        return image
    data = logo_png(member)
    image = image_model(
        title=title,
        description=f"Logo of {member.name}",
        file=ContentFile(data, name=f"demo-logo-{hashlib.sha1(member.name.encode()).hexdigest()[:8]}.png"),
        width=LOGO_SIZE,
        height=LOGO_SIZE,
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    return image


def website(member: DemoMember) -> str:
    """An address on example.org (reserved for examples: nobody's real site)."""
    words = "".join(char if char.isascii() and char.isalnum() else " " for char in member.name.lower()).split()
    return member.website or f"https://{'-'.join(words)}.example.org/"


@transaction.atomic
def organisations_ensure(*, tally: Tally, log: Log) -> dict[str, MemberOrganisation]:
    found = {organisation.name: organisation for organisation in MemberOrganisation.objects.all()}
    for member in MEMBERS:
        if member.name in found:
            tally.note("member organisations", created=False)
            continue
        found[member.name] = organisation_create(
            name=member.name,
            country=member.country,
            city=member.city,
            website=website(member),
            logo=logo_ensure(member),
            year_joined=member.year_joined,
            descriptions=member.descriptions,
        )
        tally.note("member organisations", created=True)
        log(f"Member organisation: {member.name}")
    return found


def members_pages_ensure(*, tally: Tally, log: Log) -> None:
    """The Members page in every language (English first: the others are its translations)."""
    for language, (title, intro) in MEMBERS_PAGES.items():
        home = HomePage.objects.filter(locale__language_code=language).first()
        exists = home is not None and MembersPage.objects.child_of(home).exists()
        members_page_ensure(language=language, title=title, intro=intro)
        tally.note("members pages", created=not exists)
        if not exists:
            log(f"Members page ({language}): {title}")


def introductions_ensure(*, tally: Tally, log: Log) -> None:
    existing = set(CountryIntroduction.objects.values_list("country", "locale__language_code"))
    for country, texts in INTRODUCTIONS.items():
        for language, text in texts.items():
            if (country, language) in existing:
                tally.note("country introductions", created=False)
                continue
            country_introduction_set(country=country, language=language, text=text)
            tally.note("country introductions", created=True)
            log(f"Country introduction ({language}): {country}")


def bylines_ensure(organisations: dict[str, MemberOrganisation], *, tally: Tally, log: Log) -> None:
    """Credit the demo stories (each language version), unless a story already credits someone."""
    for byline in BYLINES:
        original = StoryPage.objects.filter(slug=byline.slug, locale__language_code__in=["en", "ru"]).first()
        if original is None:
            continue
        versions = StoryPage.objects.filter(translation_key=original.translation_key).select_related("locale")
        for story in versions:
            if story.author or story.organisation_id:
                tally.note("bylines", created=False)
                continue
            language = story.locale.language_code
            author = byline.authors.get(language) or byline.authors.get("en", "")
            story_credit_set(story=story, author=author, organisation=organisations.get(byline.organisation))
            tally.note("bylines", created=True)
            log(f"Byline ({language}): {story.title}")


def members_ensure(*, tally: Tally, log: Log) -> None:
    """Every demo member organisation, the Members pages, the country introductions and the bylines."""
    organisations = organisations_ensure(tally=tally, log=log)
    members_pages_ensure(tally=tally, log=log)
    introductions_ensure(tally=tally, log=log)
    bylines_ensure(organisations, tally=tally, log=log)
