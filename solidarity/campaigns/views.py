"""The campaigns' public forms and private links.

The forms (join, add an activity, sign up, write to a contact) are public pages: their GET carries nothing per
visitor and sets no cookie (cacheable), their POST is csrf_exempt and goes through core's spam guard, then
redirects to the never-cached "check your email" page. A form sent back with errors echoes what was typed:
that answer is never cached.

The private links (a group's or an activity's entry, a sign-up) carry their token in the path: their pages are
``no-store``, send no referrer and are not indexed. Their POSTs need no CSRF token: the unguessable token in
the address is what a forged request from another site cannot have, and a browser's ``Sec-Fetch-Site`` saying
the POST came from another site is refused as well. (Django's CSRF check would also fail here: with
``Referrer-Policy: no-referrer`` browsers send ``Origin: null`` with a form's POST.)
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from solidarity.campaigns import services
from solidarity.campaigns.forms import (
    ActivityFieldsForm,
    ActivityForm,
    GroupFieldsForm,
    GroupJoinForm,
    SignUpForm,
)
from solidarity.campaigns.models import (
    Activity,
    CampaignPage,
    ParticipatingGroup,
    SignUpStatus,
    Status,
)
from solidarity.core import spam
from solidarity.core.views import private_not_found as _private_not_found
from solidarity.core.views import private_response as _private
from solidarity.core.views import private_view as _private_view
from solidarity.core.visibility import in_active_language, visible_pages

SENT_KINDS = ("group", "activity", "sign-up")
DONE_NOTICES = ("saved", "withdrawn", "confirmed", "cancelled")


# Helpers


def _open_campaign(page_id: int, accepts: str) -> CampaignPage:
    """The campaign of ``page_id`` readers may see, in the request's language, its form ``accepts`` open: else 404."""
    page = visible_pages(CampaignPage).filter(id=page_id).first()
    if page is None:
        raise Http404
    page = in_active_language(page)
    if not getattr(page, accepts) or page.last_day < timezone.localdate():
        raise Http404
    return page


def _live_campaign(campaign_key: Any) -> CampaignPage:
    page = services.campaign_in_language(campaign_key, translation.get_language())
    if page is None or not visible_pages(CampaignPage).filter(pk=page.pk).exists():
        raise Http404
    return page


def _form_answer(request: HttpRequest, template: str, context: dict[str, Any], form: Any) -> HttpResponse:
    """The form page: a GET as any public page; a POST sent back with errors, with what was typed, never stored."""
    status = getattr(form, "guard_status", 200) if request.method == "POST" else 200
    response = render(request, template, {**context, "form": form}, status=status)
    return _private(response) if request.method == "POST" else response


def _language() -> str:
    return translation.get_language() or "en"


# Public forms


def _submission_form(
    request: HttpRequest, campaign: CampaignPage, form: Any, *, what: str, submit: Any
) -> HttpResponse:
    """A public form that sends a group or an activity (``submit``: its service): guarded, checked, sent once."""
    if request.method == "POST" and spam.passes(request, form, scope=f"campaigns.{what}") and form.is_valid():
        try:
            submit(
                campaign=campaign,
                values=form.values(),
                contact_name=form.cleaned_data["contact_name"],
                contact_email=form.cleaned_data["contact_email"],
                sender_language=_language(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _sent(what, campaign)
    template = "campaigns/forms/group_join.html" if what == "group" else "campaigns/forms/activity_add.html"
    return _form_answer(request, template, {"campaign": campaign}, form)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def group_join(request: HttpRequest, page_id: int) -> HttpResponse:
    campaign = _open_campaign(page_id, "accepts_groups")
    form = GroupJoinForm(request.POST if request.method == "POST" else None)
    return _submission_form(request, campaign, form, what="group", submit=services.group_submit)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def activity_add(request: HttpRequest, page_id: int) -> HttpResponse:
    campaign = _open_campaign(page_id, "accepts_activities")
    form = ActivityForm(request.POST if request.method == "POST" else None, campaign=campaign)
    return _submission_form(request, campaign, form, what="activity", submit=services.activity_submit)


def _sign_up_state(activity: Activity) -> dict[str, Any]:
    left = services.places_left(activity)
    over = activity.is_over
    full = left == 0
    return {
        "places_left": left,
        "over": over,
        "full": full,
        "closed": over or (full and not activity.waiting_list),
    }


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def sign_up_form(request: HttpRequest, pk: int) -> HttpResponse:
    activity = Activity.objects.select_related("country").filter(pk=pk, status=Status.APPROVED).first()
    if activity is None:
        raise Http404
    campaign = _live_campaign(activity.campaign_key)
    state = _sign_up_state(activity)
    form = SignUpForm(request.POST if request.method == "POST" and not state["closed"] else None)
    if (
        request.method == "POST"
        and not state["closed"]
        and spam.passes(request, form, scope="campaigns.sign_up")
        and form.is_valid()
    ):
        try:
            services.sign_up_request(
                activity=activity,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                people=form.cleaned_data["people"],
                language=_language(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
            state = _sign_up_state(activity)
        else:
            return _sent("sign-up", campaign)
    context = {"campaign": campaign, "activity": activity, **state}
    return _form_answer(request, "campaigns/forms/sign_up_form.html", context, form)


@require_http_methods(["GET", "HEAD"])
def contact_write(request: HttpRequest, pk: int) -> HttpResponse:
    """The old address of "write to" a country contact: the question form now, with the person chosen."""
    return redirect(f"{reverse('discussion:question')}?contact={pk}", permanent=True)


def _sent(what: str, campaign: CampaignPage) -> HttpResponse:
    """To “check your email”, which leads back to the campaign (its id is no secret: it is in the form's address)."""
    return redirect(f"{reverse('campaigns:sent', kwargs={'what': what})}?campaign={campaign.pk}")


@never_cache
def sent(request: HttpRequest, what: str) -> HttpResponse:
    """“Check your email”: what happens next, after a form was sent (the same answer whatever was sent)."""
    if what not in SENT_KINDS:
        raise Http404
    page_id = request.GET.get("campaign", "")
    campaign = (
        visible_pages(CampaignPage).filter(id=int(page_id)).first()
        if page_id.isascii() and page_id.isdecimal() and len(page_id) < 12
        else None
    )
    context = {"what": what, "campaign": in_active_language(campaign) if campaign is not None else None}
    response = render(request, "campaigns/forms/sent.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


# Private links


def _done(request: HttpRequest) -> str:
    done = request.GET.get("done", "")
    return done if done in DONE_NOTICES else ""


def _back(request: HttpRequest, done: str) -> HttpResponse:
    return redirect(f"{request.path}?done={done}")


@_private_view
def group_entry(request: HttpRequest, token: str) -> HttpResponse:
    """The group's entry: its status and the decision's message; change it or withdraw it."""
    group = services.submission_by_token(ParticipatingGroup, token)
    if group is None:
        return _private_not_found(request)
    campaign = services.campaign_in_language(group.campaign_key, _language())
    form = GroupFieldsForm(initial=GroupFieldsForm.initial_from(group))
    if request.method == "POST" and group.status != Status.WITHDRAWN:
        if request.POST.get("action") == "withdraw":
            services.submission_withdraw(group)
            return _back(request, "withdrawn")
        form = GroupFieldsForm(request.POST)
        if form.is_valid():
            try:
                services.group_update(group, values=form.values())
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                return _back(request, "saved")
    context = {"record": group, "campaign": campaign, "form": form, "done": _done(request), "kind": "group"}
    return render(request, "campaigns/forms/group_entry.html", context)


@_private_view
def activity_entry(request: HttpRequest, token: str) -> HttpResponse:
    """The activity's entry: status, the decision's message, how many signed up; change it or withdraw it."""
    activity = services.submission_by_token(Activity, token)
    if activity is None:
        return _private_not_found(request)
    campaign = services.campaign_in_language(activity.campaign_key, _language())
    if campaign is None:
        return _private_not_found(request)
    form = ActivityFieldsForm(
        initial=ActivityFieldsForm.initial_from(activity), campaign=campaign, original_start=activity.starts_at
    )
    if request.method == "POST" and activity.status != Status.WITHDRAWN:
        if request.POST.get("action") == "withdraw":
            services.submission_withdraw(activity)
            return _back(request, "withdrawn")
        form = ActivityFieldsForm(request.POST, campaign=campaign, original_start=activity.starts_at)
        if form.is_valid():
            try:
                services.activity_update(activity, values=form.values())
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                return _back(request, "saved")
    counts = activity.sign_ups.values("status").annotate(people=Sum("people"))
    people = {row["status"]: row["people"] or 0 for row in counts}
    context = {
        "record": activity,
        "campaign": campaign,
        "form": form,
        "done": _done(request),
        "kind": "activity",
        "people_confirmed": people.get(SignUpStatus.CONFIRMED, 0),
        "people_waiting": people.get(SignUpStatus.WAITING, 0),
        "places_left": services.places_left(activity),
    }
    return render(request, "campaigns/forms/activity_entry.html", context)


@_private_view
def sign_up(request: HttpRequest, token: str) -> HttpResponse:
    """The link of a sign-up's email. Opening it (GET) confirms nothing — mail scanners open links — its button
    (POST) does; afterwards it shows the place's status and a button to cancel."""
    found = services.sign_up_by_token(token)
    if found is None:
        return _private_not_found(request)
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "confirm":
                services.sign_up_confirm(found)
                return _back(request, "confirmed")
            if action == "cancel":
                services.sign_up_cancel(found)
                return _back(request, "cancelled")
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        found.refresh_from_db()
    activity = found.activity
    campaign = services.campaign_in_language(activity.campaign_key, _language())
    context = {
        "sign_up": found,
        "activity": activity,
        "campaign": campaign,
        "expired": services.sign_up_link_expired(found),
        "error": error,
        "done": _done(request),
        "sign_up_again": reverse("campaigns:sign_up_form", kwargs={"pk": activity.pk})
        if activity.status == Status.APPROVED
        else "",
        "over": activity.is_over,
    }
    return render(request, "campaigns/forms/sign_up.html", context, status=200)
