"""The question form, a public page: "Any questions can be sent to …".

Its GET carries nothing per visitor and sets no cookie (cacheable; ``?contact=<pk>`` names the country contact
the reader chose on a campaign page, ``?campaign=<translation key>`` the campaign they came from). Its POST is
csrf_exempt, goes through core's spam guard and ``services.question_send``, then redirects (303) to the
never-cached "your message was sent" page, which is the same whatever happened (a double click sends once). A
form sent back with errors echoes what was typed: that answer is never stored.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from solidarity.campaigns.models import CampaignPage, CountryContact
from solidarity.core import spam
from solidarity.core.pages import translation_for
from solidarity.core.views import private_response
from solidarity.core.visibility import visible_pages
from solidarity.discussion import services
from solidarity.discussion.models import QuestionTopic
from solidarity.discussion.question_forms import QuestionForm

MAX_ID_DIGITS = 12


def _language() -> str:
    return translation.get_language() or "en"


def _campaign(key: Any) -> CampaignPage | None:
    """The campaign of this translation key readers may see, in the reader's language when it has it."""
    if key is None:
        return None
    return translation_for(CampaignPage, key, _language(), among=visible_pages(CampaignPage))


def _campaign_key(raw: str) -> uuid.UUID | None:
    """``?campaign=``: a translation key (a UUID), else None."""
    try:
        return uuid.UUID(raw) if raw and len(raw) <= 36 else None
    except ValueError:
        return None


def _contact(raw: str) -> CountryContact:
    """``?contact=``: a country contact that exists (else 404, whatever was typed)."""
    if not (raw.isascii() and raw.isdecimal() and len(raw) <= MAX_ID_DIGITS):
        raise Http404
    contact = CountryContact.objects.select_related("country").filter(pk=int(raw)).first()
    if contact is None:
        raise Http404
    return contact


def _sent(campaign_key: Any) -> HttpResponse:
    url = reverse("discussion:question_sent")
    if campaign_key is not None:
        url += "?" + urlencode({"campaign": str(campaign_key)})
    return HttpResponseRedirect(url, status=303)  # "see other": a GET


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def question(request: HttpRequest) -> HttpResponse:
    """The form: to the network (routed by country and topic), or to the country contact the reader chose."""
    contact = _contact(request.GET["contact"]) if "contact" in request.GET else None
    campaign_key: uuid.UUID | None
    if contact is not None:
        campaign = _campaign(contact.campaign_key)
        if campaign is None:
            raise Http404  # a contact of a campaign readers cannot see
        if not contact.accepts_messages or not contact.email:
            page = render(request, "discussion/questions/no_messages.html", {"contact": contact, "campaign": campaign})
            page.status_code = 404
            return page
        campaign_key = contact.campaign_key
    else:
        campaign_key = _campaign_key(request.GET.get("campaign", ""))
        campaign = _campaign(campaign_key)
        if "campaign" in request.GET and campaign is None:
            raise Http404
    # Asked from a campaign (its contacts, or its "any questions"), a question is most likely about joining it.
    form = QuestionForm(
        request.POST if request.method == "POST" else None,
        with_country=contact is None,
        initial={"topic": QuestionTopic.JOINING} if campaign is not None else None,
    )
    if request.method == "POST" and spam.passes(request, form, scope="discussion.question") and form.is_valid():
        try:
            services.question_send(language=_language(), contact=contact, campaign_key=campaign_key, **form.values())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _sent(campaign_key)
    query = urlencode({"contact": contact.pk} if contact else {"campaign": str(campaign_key)} if campaign else {})
    context = {"form": form, "contact": contact, "campaign": campaign, "action": "?" + query if query else ""}
    status = getattr(form, "guard_status", 200) if request.method == "POST" else 200
    response = render(request, "discussion/questions/question.html", context, status=status)
    return private_response(response) if request.method == "POST" else response


@never_cache
@require_http_methods(["GET", "HEAD"])
def question_sent(request: HttpRequest) -> HttpResponse:
    """“Your message was sent”: the same page whatever sending did; back to the campaign when there was one."""
    campaign = _campaign(_campaign_key(request.GET.get("campaign", "")))
    response = render(request, "discussion/questions/sent.html", {"campaign": campaign})
    response["X-Robots-Tag"] = "noindex"
    return response
