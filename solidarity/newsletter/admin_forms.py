"""The newsletter admin's forms: the mailing's editor (texts per language, the site's default language required,
one text per language; the content), the schedule, and the test an editor sends to themselves."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.widgets import AdminDateTimeInput

from solidarity.core.languages import language_name
from solidarity.newsletter.models import MailingKind


class MailingTextsFormSet(BaseChildFormSet):
    """The texts of a mailing: one per language, the site's default language among them."""

    def clean(self) -> None:
        super().clean()
        languages = [
            form.cleaned_data.get("language")
            for form in self.forms
            if form not in self.deleted_forms and form.is_valid() and form.cleaned_data.get("language")
        ]
        if len(set(languages)) != len(languages):
            raise ValidationError(_("Each language has one text only: a language is there twice."))
        if settings.LANGUAGE_CODE not in languages:
            raise ValidationError(
                _(
                    "Write the subject in %(language)s, the site's default language: subscribers of a language "
                    "with no text get that one."
                )
                % {"language": language_name(settings.LANGUAGE_CODE)}
            )


class MailingTextsPanel(InlinePanel):
    """The texts' inline panel, with the formset that checks the languages."""

    def get_form_options(self) -> dict[str, Any]:
        options: dict[str, Any] = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = MailingTextsFormSet
        return options


class MailingForm(WagtailAdminModelForm):
    """The mailing's editor; a digest holds the stories of at least one day."""

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        if cleaned.get("kind") == MailingKind.DIGEST and not cleaned.get("digest_days"):
            self.add_error("digest_days", _("A digest holds the stories of at least one day."))
        return cleaned


def _language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code, _name in settings.LANGUAGES]


class TestSendForm(forms.Form):
    """In which language the editor gets the test (at their own address)."""

    language = forms.ChoiceField(label=gettext_lazy("Language of the test"), choices=_language_choices)


class ScheduleForm(forms.Form):
    """When the mailing goes: a time in the future (the schedule's service refuses a past one), read in the time
    zone the admin shows this editor (their account's, else the site's), which the help text names."""

    send_at = forms.DateTimeField(label=gettext_lazy("Send at"), widget=AdminDateTimeInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["send_at"].help_text = _("Date and time, in the time zone %(zone)s.") % {
            "zone": timezone.get_current_timezone_name()
        }
