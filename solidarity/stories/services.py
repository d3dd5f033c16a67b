"""Write rules for stories: the page tree of every language, and new translations."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Collection, Locale, Page, Site

from solidarity.stories.models import HomePage, StoryIndexPage, StoryPage


def _translated(message_id: str, language_code: str) -> str:
    with translation.override(language_code):
        return _(message_id)


@transaction.atomic
def site_tree_ensure() -> HomePage:
    """Make sure every language has a live home page and story index, and the site points home.

    Safe to run any number of times: what exists is kept as it is (editors may have renamed it).
    Returns the home page of the default language.
    """
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
            intro=_translated("Stories, reports and public calls from human-rights groups across the region.", "en"),
        )
        root.add_child(instance=home)
        home.save_revision().publish()

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

    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = StoryIndexPage(title=_translated("Stories", "en"), slug="stories", locale=default_locale)
        home.add_child(instance=index)
        index.save_revision().publish()

    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        locale = Locale.objects.get(language_code=code)
        _ensure_translation(home, locale, title=settings.SOLIDARITY_SITE_NAME, slug=f"home-{code}")
        _ensure_translation(index, locale, title=_translated("Stories", code), slug="stories")
    return home


def _ensure_translation(page: Page, locale: Locale, *, title: str, slug: str | None = None) -> Page:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translated = page.copy_for_translation(locale)
    translated.title = title
    translated.draft_title = title
    if slug:
        translated.slug = slug
    translated.save()
    translated.save_revision().publish()
    return translated


@transaction.atomic
def story_translation_prepare(translation_draft: Page) -> None:
    """A new translation of a story starts without the original's topics.

    Topics are words of one language: copied over, English topics would show in the Russian
    topic filter. The translator adds topics in the new language.
    """
    story = translation_draft.specific
    if not isinstance(story, StoryPage) or not story.topics.exists():
        return
    story.topics.clear()
    story.save_revision(clean=False, log_action=False)
