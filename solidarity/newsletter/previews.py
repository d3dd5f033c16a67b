"""A mailing's preview in the browser: Wagtail's preview panel (``Mailing.preview_modes`` and
``Mailing.serve_preview`` call these) and the admin's "look" page show the sample a subscriber of a language gets
(``sending.render_sample``), its HTML part or its plain text."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

from solidarity.core.languages import language_name
from solidarity.newsletter import sending
from solidarity.newsletter.models import Mailing

TEXT_SUFFIX = "-text"


def preview_modes() -> list[tuple[str, str]]:
    """Each language of the site as HTML and as plain text."""
    modes: list[tuple[str, str]] = []
    for code, _name in settings.LANGUAGES:
        name = language_name(code)
        modes.append((code, _("%(language)s: HTML") % {"language": name}))
        modes.append((f"{code}{TEXT_SUFFIX}", _("%(language)s: plain text") % {"language": name}))
    return modes


def preview_response(mailing: Mailing, mode_name: str) -> HttpResponse:
    """The sample of the mailing in the mode's language, its HTML part or its plain text."""
    language = mode_name.removesuffix(TEXT_SUFFIX)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    rendered = sending.render_sample(mailing, language)
    if mode_name.endswith(TEXT_SUFFIX):
        return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
    return email_html(rendered.html)


def email_html(html: str) -> HttpResponse:
    """An email's HTML part as a page: its inline styles allowed (emails need them), nothing else."""
    response = HttpResponse(html)
    response._csp_update = {"style-src": ["'unsafe-inline'"]}  # type: ignore[attr-defined]  # read by django-csp
    return response
