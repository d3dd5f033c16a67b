"""The newsletter's forms: subscribing (public, with core's spam guard) and the subscriber's preferences (behind
their private link).

Countries and topics are optional: none ticked means every country, every topic. The topics offered are those of
the page's language that a story readers may see has; a subscriber's topics chosen in another language show
ticked through their translation (``translation_key``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from solidarity.core.countries import CountriesFormField
from solidarity.core.forms import ServiceErrorsMixin, email_field
from solidarity.core.spam import SpamGuardMixin
from solidarity.stories.models import StoryPage, Topic


def topics_offered(language: str, chosen: Iterable[Topic] = ()) -> QuerySet[Topic]:
    """The topics of ``language`` a visible story of that language has, and the translations of ``chosen``."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return Topic.objects.none()
    keys = [topic.translation_key for topic in chosen]
    visible = StoryPage.objects.visible().filter(locale=locale)
    used = Topic.objects.filter(locale=locale, tagged_stories__content_object__in=visible).values("pk")
    return Topic.objects.filter(locale=locale).filter(Q(pk__in=used) | Q(translation_key__in=keys)).order_by("name")


class TopicsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class ChoicesMixin(forms.Form):
    """What a subscriber chooses: the language to be written in, the countries and topics they care about."""

    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.LANGUAGES,
        error_messages={"invalid_choice": _("Choose a language from the list."), "required": _("Choose a language.")},
    )
    countries = CountriesFormField(
        label=_("Countries"),
        required=False,
        help_text=_("Tick none to hear about every country."),
        error_messages={
            "invalid_choice": _("Choose countries from the list."),
            "invalid_pk_value": _("Choose countries from the list."),
        },
    )
    topics = TopicsField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        help_text=_("Tick none to hear about every topic."),
        error_messages={"invalid_choice": _("Choose topics from the list.")},
    )

    def choices_setup(self, *, page_language: str, chosen_topics: Iterable[Topic] = ()) -> None:
        self.fields["topics"].queryset = topics_offered(page_language, chosen_topics)  # type: ignore[attr-defined]

    def choices(self) -> dict[str, Any]:
        """What the services take: ``language``, ``countries``, ``topics``."""
        data = self.cleaned_data
        return {
            "language": data["language"],
            "countries": list(data.get("countries") or []),
            "topics": list(data.get("topics") or []),
        }


class SubscribeForm(SpamGuardMixin, ServiceErrorsMixin, ChoicesMixin):
    """Subscribing: an email and the choices; the language is the page's unless another is chosen."""

    email = email_field(
        _("Your email"),
        help_text=_("We send a link to confirm your subscription here. Never shown, never given to anyone."),
        error_messages={
            "invalid": _("Enter an email address such as name@example.org."),
            "required": _("Enter your email address."),
            "max_length": _("This email address is too long."),
        },
    )

    field_order = ["email", "language", "countries", "topics"]

    def __init__(self, *args: Any, page_language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = page_language
        self.choices_setup(page_language=page_language)


class PreferencesForm(ChoicesMixin):
    """The subscriber's choices, changed through their private link."""

    def __init__(self, *args: Any, page_language: str, chosen_topics: Iterable[Topic] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_setup(page_language=page_language, chosen_topics=chosen_topics)
