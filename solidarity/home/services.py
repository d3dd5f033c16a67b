"""Write rules for the site's page tree: every language's home page and what hangs under it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from solidarity.core.countries import countries_ensure
from solidarity.core.pages_services import page_create, page_publish, page_translation_ensure
from solidarity.home.models import HomePage, MembersPage
from solidarity.stories.services import story_index_ensure, story_index_translation_ensure


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
            # In the default language; its translations start from this text and editors translate it.
            intro="Stories, reports and public calls from human-rights groups across the region.",
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
        page_translation_ensure(page=home, locale=locale, title=settings.SOLIDARITY_SITE_NAME, slug=f"home-{code}")
        story_index_translation_ensure(index=index, locale=locale)
    return home


@transaction.atomic
def home_highlight_set(
    *,
    home: HomePage,
    title: str,
    text: str = "",
    page: Page | None = None,
    intro: str | None = None,
    user: AbstractBaseUser | None = None,
) -> HomePage:
    """Show a current campaign at the top of a home page (and, when given, a new introduction); published."""
    home.highlight_title = title
    home.highlight_text = text
    home.highlight_page = page
    if intro is not None:
        home.intro = intro
    home.full_clean()
    return page_publish(page=home, user=user).specific


@transaction.atomic
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
