"""What readers type into story pages (the filters of the story list), and the editors' translations overview."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from solidarity.core import access
from solidarity.core.filters import CountryFilterForm, printable, with_selected
from solidarity.core.models import Country
from solidarity.stories import queries
from solidarity.stories.models import StoryIndexPage, StoryKind, StoryPage, Topic

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class StoryFilterForm(CountryFilterForm):
    """The story list's filters: country, kind, topic and page, each checked on its own.

    A value that is not one (``?country=zz``, ``?kind=bogus``, ``?page=-1``) is ignored with a
    note (``ignored``) and the rest still applies: a reader who edits an address keeps the list.
    """

    kind = forms.CharField(required=False)
    topic = forms.CharField(required=False)
    page = forms.CharField(required=False)

    def __init__(self, data: Mapping[str, Any], *, locale: Locale) -> None:
        super().__init__(data)
        self.locale = locale
        self.is_valid()  # every field is checked; the valid ones apply

    def clean_kind(self) -> str:
        kind = self.cleaned_data["kind"].strip()
        if kind and kind not in StoryKind.values:
            raise forms.ValidationError(
                _("There is no kind of story called “%(kind)s”, so the list shows every kind."),
                params={"kind": printable(kind, 40)},
            )
        return kind

    def clean_topic(self) -> Topic | None:
        slug = self.cleaned_data["topic"].strip()
        if not slug:
            return None
        topic = queries.topic_by_slug(slug, locale=self.locale)
        if topic is None:
            raise forms.ValidationError(
                _("There is no topic called “%(topic)s”, so the list shows every topic."),
                params={"topic": printable(slug, 40)},
            )
        return topic

    def clean_page(self) -> str:
        page = self.cleaned_data["page"].strip()
        if page and not (page.isdecimal() and page.isascii() and int(page) >= 1):
            raise forms.ValidationError(
                _("There is no page “%(page)s”, so the first page is shown."), params={"page": printable(page, 12)}
            )
        return page

    def chosen(self) -> dict:
        """The filters that apply: ``country``, ``kind`` and ``topic`` (each empty when not chosen or ignored)."""
        return {"country": self.chosen_country, "kind": self.chosen_kind, "topic": self.chosen_topic}

    @property
    def chosen_kind(self) -> str:
        return self.cleaned_data.get("kind") or ""

    @property
    def chosen_kind_label(self) -> str:
        return str(StoryKind(self.chosen_kind).label) if self.chosen_kind else ""

    @property
    def chosen_topic(self) -> Topic | None:
        return self.cleaned_data.get("topic")

    @property
    def page_number(self) -> str:
        return self.cleaned_data.get("page") or "1"

    @property
    def filtered(self) -> bool:
        return bool(self.chosen_country or self.chosen_kind or self.chosen_topic)

    @property
    def kinds(self) -> list[tuple[str, StrOrPromise]]:
        return list(StoryKind.choices)

    @cached_property
    def country_options(self) -> list[Country]:
        """The countries this language has stories about, by name, with the chosen one even when it has none."""
        options = [country for country, _count in queries.countries_with_stories(locale=self.locale)]
        return with_selected(options, self.chosen_country, key=lambda option: option.code)

    @cached_property
    def topic_options(self) -> list[Topic]:
        """The topics of this language's visible stories, by name; the chosen one is among them."""
        return queries.topics_of(queries.visible_stories(self.locale))


class TranslationsFilterForm(forms.Form):
    """The translations overview's filter: every story, or those that need a translation or an update."""

    needs = forms.ChoiceField(
        label=gettext_lazy("Show"),
        required=False,
        choices=[
            ("", gettext_lazy("Every story")),
            (queries.TRANSLATION_MISSING, gettext_lazy("Stories with a missing translation")),
            (queries.TRANSLATION_OUTDATED, gettext_lazy("Stories with an out-of-date or unpublished translation")),
        ],
    )
    page = forms.IntegerField(required=False, min_value=1)

    def chosen_needs(self) -> str:
        return self.cleaned_data.get("needs", "") if self.is_valid() else ""

    def page_number(self) -> int:
        return (self.cleaned_data.get("page") or 1) if self.is_valid() else 1


class StoryTranslationStartForm(forms.Form):
    """ "Translate" in the translations overview: a story and a language it has no version in yet.

    The editor needs the right to add a story under the story index of that language, and offers
    only the stories of the countries they answer for (``core.access``).
    """

    story = forms.ModelChoiceField(queryset=StoryPage.objects.all())
    language = forms.ChoiceField(choices=settings.LANGUAGES)

    def __init__(self, data: Mapping[str, Any], *, user: AbstractBaseUser | AnonymousUser) -> None:
        super().__init__(data)
        self.user = user
        story_field = self.fields["story"]
        assert isinstance(story_field, forms.ModelChoiceField)
        story_field.queryset = access.visible_to(user, StoryPage.objects.all())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        story, language = cleaned.get("story"), cleaned.get("language")
        if story is None or not language:
            return cleaned
        locale = Locale.objects.filter(language_code=language).first()
        index = StoryIndexPage.objects.filter(locale=locale).first() if locale else None
        if locale is None or index is None:
            raise forms.ValidationError(_("This language has no story index to add the translation to."))
        if story.get_translation_or_none(locale) is not None:
            raise forms.ValidationError(_("This story is already in that language."))
        if not index.permissions_for_user(self.user).can_add_subpage():
            raise forms.ValidationError(_("You may not add stories in that language."))
        return cleaned
