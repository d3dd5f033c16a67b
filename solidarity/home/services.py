"""Write rules for the site's page tree: every language's home page and what hangs under it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_noop
from wagtail.log_actions import log
from wagtail.models import Collection, Locale, Page, Site

from solidarity.core.countries import countries_ensure
from solidarity.core.languages import gettext_in
from solidarity.core.pages_services import (
    page_create,
    page_publish,
    page_translation_ensure,
    page_untranslated_replace,
    translation_copy,
)
from solidarity.home.models import GenericPage, HomePage, MembersPage, SiteNavigation
from solidarity.stories.services import STORY_INDEX_TITLE, story_index_ensure, story_index_translation_ensure

# The home pages' first introduction, each in its own language (editors change it).
HOME_INTRO = gettext_noop("Stories, reports and public calls from human-rights groups across the region.")


@transaction.atomic
def site_tree_ensure() -> HomePage:
    """Make sure every language has a live home page and story index, and the site points home.

    Safe to run any number of times: what exists is kept as it is (editors may have renamed it).
    Returns the home page of the default language.
    """
    countries_ensure()
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=default_locale, live=True)
    )

    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        home = HomePage(
            title=settings.SOLIDARITY_SITE_NAME,
            slug=f"home-{default_locale.language_code}",
            locale=default_locale,
            intro=gettext_in(default_locale.language_code, HOME_INTRO),
        )
        page_create(parent=root, page=home)

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Solidarity")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = settings.SOLIDARITY_SITE_NAME
        site.save(update_fields=["root_page", "site_name"])
        # Wagtail's initial "Welcome" page is of no use once the real home page is in place.
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()

    index = story_index_ensure(home=home)
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        locale = Locale.objects.get(language_code=code)
        translated_home = page_translation_ensure(
            page=home,
            locale=locale,
            title=settings.SOLIDARITY_SITE_NAME,
            slug=f"home-{code}",
            fields={"intro": gettext_in(code, HOME_INTRO)},
        )
        translated_index = story_index_translation_ensure(index=index, locale=locale)
        # Made before the interface of this language was translated: English words, until now.
        page_untranslated_replace(
            page=translated_home.specific, fields={"intro": (HOME_INTRO, gettext_in(code, HOME_INTRO))}
        )
        page_untranslated_replace(
            page=translated_index, fields={"title": (STORY_INDEX_TITLE, gettext_in(code, STORY_INDEX_TITLE))}
        )
    return home


@transaction.atomic
def generic_page_create(
    *,
    parent: Page,
    title: str,
    slug: str = "",
    intro: str = "",
    body: Any = (),
    user: AbstractBaseUser | None = None,
    publish: bool = True,
) -> GenericPage:
    """A page of text (About, Contact, Privacy…) under a home page or another such page; published unless told."""
    page = GenericPage(title=title, slug=slug or slugify(title), intro=intro, body=list(body), locale=parent.locale)
    page.full_clean(exclude=["path", "depth"])
    return page_create(parent=parent, page=page, user=user, publish=publish).specific


@transaction.atomic
def generic_page_translate(
    *,
    page: GenericPage,
    language: str,
    title: str,
    slug: str = "",
    intro: str = "",
    body: Any = (),
    user: AbstractBaseUser | None = None,
    publish: bool = True,
) -> GenericPage:
    """The page copied into another language (as "Translate" does), with its own text; its parent must exist there."""
    translation = translation_copy(page=page, locale=Locale.objects.get(language_code=language), user=user).specific
    translation.title = translation.draft_title = title
    translation.slug = slug or slugify(title) or f"{page.slug}-{language}"
    translation.intro = intro
    translation.body = list(body)
    translation.save()
    if publish:
        return page_publish(page=translation, user=user).specific
    translation.save_revision(user=user, log_action=True)
    return translation


MenuItem = Mapping[str, Any]  # {"page": page} or {"page": page, "label": …} or {"url": "/…", "label": …}


def _menu_stream(items: Iterable[MenuItem]) -> list[tuple[str, dict]]:
    return [
        ("item", {"page": item.get("page"), "url": item.get("url", ""), "label": item.get("label", "")})
        for item in items
    ]


@transaction.atomic
def site_menu_set(
    *,
    language: str,
    menu: Iterable[MenuItem] = (),
    footer_links: Iterable[MenuItem] = (),
    privacy_page: Page | None = None,
    footer_text: str = "",
    postal_address: str = "",
    profiles: Iterable[tuple[str, str]] = (),
    user: AbstractBaseUser | None = None,
) -> SiteNavigation:
    """The header menu and footer of one language, made or replaced (with Wagtail's log entry).

    Every language's navigation shares one translation key, so the admin shows them as
    translations of each other.
    """
    locale = Locale.objects.get(language_code=language)
    navigation = SiteNavigation.objects.filter(locale=locale).first()
    created = navigation is None
    if navigation is None:
        sibling = SiteNavigation.objects.order_by("pk").first()
        navigation = SiteNavigation(locale=locale)
        if sibling is not None:
            navigation.translation_key = sibling.translation_key
    navigation.menu = _menu_stream(menu)
    navigation.footer_links = _menu_stream(footer_links)
    navigation.privacy_page = privacy_page
    navigation.footer_text = footer_text
    navigation.postal_address = postal_address
    navigation.profiles = [("profile", {"label": label, "url": url}) for label, url in profiles]
    navigation.full_clean()
    navigation.save()
    log(instance=navigation, action="wagtail.create" if created else "wagtail.edit", user=user)
    return navigation


def members_page_ensure(
    *, language: str, title: str, intro: str = "", slug: str = "members", user: AbstractBaseUser | None = None
) -> MembersPage:
    """The Members page of a language, made and published under its home page when there is none.

    The default language's page is made first; another language's is its translation (so the
    language switch pairs them), with its own title and introduction. An existing page is kept
    as it is (editors may have changed it).
    """
    home = HomePage.objects.get(locale__language_code=language)
    existing = MembersPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    if language == settings.LANGUAGE_CODE:
        page = MembersPage(title=title, slug=slug, intro=intro, locale=home.locale)
        page_create(parent=home, page=page, user=user)
        return page
    original = MembersPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    translated = page_translation_ensure(page=original, locale=home.locale, title=title, slug=slug, user=user).specific
    translated.intro = intro
    translated.full_clean()
    return page_publish(page=translated, user=user).specific
