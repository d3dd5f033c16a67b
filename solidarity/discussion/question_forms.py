"""The question form readers send (public, spam-guarded) and the admin inbox's filters.

What people type is kept as plain text (encrypted) and shown escaped wherever it appears. The country list
names countries in the reader's language, the network's first; "none in particular" is its empty choice.
When the reader chose a country contact, the contact's country is the question's and the form has no country.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.core.countries import CountryChoiceField
from solidarity.core.forms import ServiceErrorsMixin
from solidarity.core.forms import email_field as _email
from solidarity.core.spam import SpamGuardMixin
from solidarity.discussion.models import NAME_LENGTH, QuestionTopic
from solidarity.discussion.services import QUESTION_MAX_CHARS

TOO_LONG = {"max_length": _("This can be at most %(limit_value)d characters long (it has %(show_value)d).")}


class QuestionForm(SpamGuardMixin, ServiceErrorsMixin):
    """A reader's question: their name and address (for the answer), the country it is about, its topic, the
    text. ``with_country=False`` (a chosen contact) leaves the country out: the contact's is used."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Give your name."), **TOO_LONG},
    )
    email = _email(
        _("Your email"),
        help_text=_("The answer comes to this address. Never shown."),
        error_messages={
            "required": _("Give your email address: the answer comes there."),
            "invalid": _("Enter an email address such as name@example.org."),
            **TOO_LONG,
        },
    )
    country = CountryChoiceField(
        label=_("Country"),
        required=False,
        empty_label=_("— None in particular —"),
        help_text=_("The country your question is about: it goes to the people who answer for that country."),
        error_messages={"invalid_choice": _("Choose a country from the list.")},
    )
    topic = forms.ChoiceField(
        label=_("Your question is about"),
        choices=QuestionTopic.choices,
        initial=QuestionTopic.OTHER,
        error_messages={
            "required": _("Choose what your question is about."),
            "invalid_choice": _("Choose what your question is about."),
        },
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=QUESTION_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your message."), **TOO_LONG},
    )

    def __init__(self, *args: Any, with_country: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not with_country:
            del self.fields["country"]

    def values(self) -> dict[str, Any]:
        """What ``services.question_send`` takes from the form."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "text": data["message"],
            "topic": data["topic"],
            "country": data.get("country"),
        }

    def add_service_errors(self, error: Any) -> None:
        # The service names the text "text"; the form calls it "message".
        if hasattr(error, "error_dict") and "text" in error.error_dict:
            error.error_dict["message"] = error.error_dict.pop("text")
        super().add_service_errors(error)


WAITING = "waiting"
ANSWERED = "answered"
EDITORS_INBOX = "editors"
ALL_INBOXES = "all"


class InboxFilterForm(forms.Form):
    """The inbox's filters: whose inbox (editors: theirs by default, all, or one country's), waiting or answered,
    topic. Unknown values are ignored (the listing is shown unfiltered by them)."""

    inbox = forms.ChoiceField(label=_("Inbox"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All")), (WAITING, _("Waiting for an answer")), (ANSWERED, _("Answered"))],
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=[("", _("All")), *QuestionTopic.choices])

    def __init__(self, *args: Any, inboxes: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inbox = self.fields["inbox"]
        assert isinstance(inbox, forms.ChoiceField)
        inbox.choices = inboxes
        if not inboxes:
            del self.fields["inbox"]

    def value(self, name: str) -> str:
        """The chosen value of a filter, "" when none or not valid."""
        if name not in self.fields:
            return ""
        field = self.fields[name]
        raw = self.data.get(name, "") if self.is_bound else ""
        try:
            return str(field.clean(raw) or "")
        except forms.ValidationError:
            return ""
