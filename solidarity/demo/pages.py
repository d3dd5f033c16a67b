"""The demo's pages of text (About, Contact, Privacy) in every language, and each language's menu and footer.

Written through the home services. A page or a navigation that is already there is left as it
is (an editor may have changed it), so loading the demo again adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from solidarity.demo.pages_text import FOOTERS, PAGE_SLUGS, PROFILES, Block, PageText, page_text, postal_address
from solidarity.home.models import GenericPage, HomePage, SiteNavigation
from solidarity.home.services import generic_page_create, generic_page_translate, site_menu_set
from solidarity.stories.models import StoryIndexPage

if TYPE_CHECKING:
    from solidarity.demo.demo import Tally

Log = Callable[[str], None]

# The pages the menus and footers lead to, in this order, where they exist under a language's home
# page (the Members page comes from the member directory, the campaign series from demo.campaign).
MENU_SLUGS = ("day-of-solidarity", "about", "members", "contact")
FOOTER_SLUGS = ("about", "members", "contact", "privacy")
# A menu item shorter than its page's title.
MENU_LABELS = {
    "day-of-solidarity": {
        "en": "Day of Solidarity",
        "ru": "День солидарности",
        "uk": "День солідарності",
        "be": "Дзень салідарнасці",
        "de": "Tag der Solidarität",
        "fr": "Journée de solidarité",
    },
}


def _body(text: PageText) -> list[tuple[str, Any]]:
    """The page's sections as body blocks: a heading, then paragraphs and bulleted lists."""
    body: list[tuple[str, Any]] = []
    for heading, blocks in text.sections:
        body.append(("heading", heading))
        body.extend(("paragraph", _html(block)) for block in blocks)
    return body


def _html(block: Block) -> str:
    if isinstance(block, tuple):
        return "<ul>" + "".join(f"<li>{item}</li>" for item in block) + "</ul>"
    return f"<p>{block}</p>"


def _home(language: str) -> HomePage:
    return HomePage.objects.get(locale__language_code=language)


@transaction.atomic
def page_ensure(slug: str, *, tally: Tally, log: Log) -> None:
    """The page in English, then its translation into every other language."""
    english = GenericPage.objects.child_of(_home("en")).filter(slug=slug).first()
    if english is None:
        text = page_text(slug, "en")
        english = generic_page_create(
            parent=_home("en"), title=text.title, slug=slug, intro=text.intro, body=_body(text)
        )
        tally.note("pages (en)", created=True)
        log(f"Page (en): {text.title}")
    else:
        tally.note("pages (en)", created=False)
    for language, _name in settings.LANGUAGES:
        if language == "en":
            continue
        home = _home(language)
        if english.get_translation_or_none(home.locale) or Page.objects.child_of(home).filter(slug=slug).exists():
            tally.note(f"pages ({language})", created=False)
            continue
        text = page_text(slug, language)
        generic_page_translate(
            page=english, language=language, title=text.title, slug=slug, intro=text.intro, body=_body(text)
        )
        tally.note(f"pages ({language})", created=True)
        log(f"Page ({language}): {text.title}")


def _pages_by_slug(home: HomePage, slugs: tuple[str, ...]) -> list[Page]:
    found = {page.slug: page for page in Page.objects.child_of(home).filter(slug__in=slugs)}
    return [found[slug] for slug in slugs if slug in found]


@transaction.atomic
def navigation_ensure(language: str, *, tally: Tally, log: Log) -> None:
    """The language's menu and footer, unless it has one already: run it once every page is made."""
    home = _home(language)
    if SiteNavigation.objects.filter(locale=home.locale).exists():
        tally.note("menus and footers", created=False)
        return
    index = StoryIndexPage.objects.filter(locale=home.locale).first()
    menu: list[dict[str, Any]] = [{"page": index}] if index is not None else []
    menu.append({"url": f"/{language}/countries/", "label": FOOTERS[language].countries_label})
    menu.extend(
        {"page": page, "label": MENU_LABELS.get(page.slug, {}).get(language, "")}
        for page in _pages_by_slug(home, MENU_SLUGS)
    )
    privacy = _pages_by_slug(home, ("privacy",))
    site_menu_set(
        language=language,
        menu=menu,
        footer_links=[{"page": page} for page in _pages_by_slug(home, FOOTER_SLUGS)],
        privacy_page=privacy[0] if privacy else None,
        footer_text=FOOTERS[language].text,
        postal_address=postal_address(language),
        profiles=PROFILES,
    )
    tally.note("menus and footers", created=True)
    log(f"Menu and footer ({language})")


def pages_load(*, tally: Tally, log: Log) -> None:
    """About, Contact and Privacy in every language."""
    for slug in PAGE_SLUGS:
        page_ensure(slug, tally=tally, log=log)


def navigation_load(*, tally: Tally, log: Log) -> None:
    """Every language's menu and footer, leading to the pages made before it (Members included)."""
    for language, _name in settings.LANGUAGES:
        navigation_ensure(language, tally=tally, log=log)
