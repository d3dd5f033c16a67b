"""The public comment forms: posting a comment or a reply, reporting one, and the author's change of their text.

Posting and reporting are public forms with core's spam guard (``SpamGuardMixin``); their limits (length, links,
the name) are the service's rules (``services.comment_post``), whose refusals the form shows on its fields.
What people type is plain text: it is shown escaped (``discussion.text``), never as markup.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from solidarity.core.forms import ServiceErrorsMixin, email_field
from solidarity.core.spam import SpamGuardMixin
from solidarity.discussion import services
from solidarity.discussion.models import NAME_LENGTH


def _limits_help() -> str:
    """The text's limits, in the reader's language (called when a form is made, in the request's language)."""
    chars = ngettext("At most %(chars)d character", "At most %(chars)d characters", services.MAX_CHARS) % {
        "chars": services.MAX_CHARS
    }
    links = ngettext("and %(links)d link.", "and %(links)d links.", services.MAX_LINKS) % {"links": services.MAX_LINKS}
    return f"{chars} {links} " + gettext("Plain text: addresses become links, a blank line starts a paragraph.")


class TextField(forms.CharField):
    """A comment's text: a textarea whose help says the limits. No length limit here: the service's says how long
    the text is (and a browser's maxlength would cut a pasted text without a word)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            label=_("Comment"),
            widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            strip=False,
            error_messages={"required": _("Write your comment.")},
            **kwargs,
        )


class CommentForm(SpamGuardMixin, ServiceErrorsMixin):
    """A comment or a reply: a name or pseudonym (shown), an optional email (never shown) and the text."""

    name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=NAME_LENGTH,
        help_text=_("Shown with your comment. You need not give your real name."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "dir": "auto"}),
        error_messages={
            "required": _("Give a name or a pseudonym."),
            "max_length": _("The name can be at most %(limit_value)d characters long."),
        },
    )
    email = email_field(
        _("Email (optional)"),
        required=False,
        help_text=_("Only to tell you about replies; never shown."),
        error_messages={
            "invalid": _("Enter an email address such as name@example.org."),
            "max_length": _("This is too long: at most %(limit_value)d characters, please."),
        },
    )
    text = TextField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _limits_help()

    def values(self) -> dict[str, Any]:
        """What ``services.comment_post`` takes from the form."""
        data = self.cleaned_data
        return {"name": data["name"], "email": data.get("email") or "", "text": data["text"]}


class ReportForm(SpamGuardMixin):
    """Reporting a comment: nothing to fill but the guard."""


class EditForm(ServiceErrorsMixin):
    """The author changes the text of their comment (through its private link)."""

    text = TextField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _limits_help()
