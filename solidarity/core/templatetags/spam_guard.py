"""The altcha widget's words in the reader's language, for ``core/spam_guard_fields.html``."""

from __future__ import annotations

import json

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def altcha_strings() -> str:
    """The widget's texts (altcha's ``Strings``) as JSON; the template escapes it into an attribute."""
    return json.dumps(
        {
            "label": _("I am a person"),
            "verify": _("Check"),
            "verifying": _("Checking…"),
            "verified": _("Checked"),
            "waitAlert": _("Checking… please wait."),
            "verificationRequired": _("Wait for the check to finish, then send the form."),
            "error": _("The check failed. Try again later."),
            "expired": _("The check expired. Try again."),
            "loading": _("Loading…"),
            "reload": _("Reload"),
            "ariaLinkLabel": "ALTCHA",
            "footer": "",
        },
        ensure_ascii=False,
    )
