"""The comment queue's forms: a decision on the chosen comments (bulk) or on one, and how long to block a source."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from solidarity.discussion.models import Comment
from solidarity.discussion.services import BLOCK_DAYS_CHOICES, Decision

DECISION_CHOICES = [
    (Decision.APPROVE, _("Approve")),
    (Decision.REJECT, _("Reject")),
    (Decision.SPAM, _("Mark as spam")),
]


class DecisionForm(forms.Form):
    """One comment's decision: which button was pressed."""

    decision = forms.ChoiceField(
        choices=DECISION_CHOICES, error_messages={"required": _("Choose approve, reject or spam.")}
    )


class BulkDecisionForm(DecisionForm):
    """The queue's bulk action: the ticked comments, and the button pressed."""

    comments = forms.ModelMultipleChoiceField(
        queryset=Comment.objects.all(),
        error_messages={
            "required": _("Tick the comments to decide first."),
            "invalid_choice": _("One of the ticked comments is no longer there."),
            "invalid_pk_value": _("One of the ticked comments is no longer there."),
        },
    )


class BlockForm(forms.Form):
    """For how many days to block the source of a comment."""

    days = forms.TypedChoiceField(
        coerce=int,
        error_messages={
            "required": _("Choose for how long to block."),
            "invalid_choice": _("Choose for how long to block."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["days"]
        field.choices = [(days, day_count(days)) for days in BLOCK_DAYS_CHOICES]


def day_count(days: int) -> str:
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


def first_error(form: forms.Form) -> Any:
    """The first error of a form, to show as a message after a redirect."""
    for errors in form.errors.values():
        return errors[0]
    return _("Something was missing: try again.")
