"""Staff account pages: the two-factor code after the password, setting up an authenticator, and Security.

The code and set-up pages come between Wagtail's password login and the admin, so they check the
login themselves (the middleware lets them through before the code); the Security page and its
actions are admin pages like any other. The rules are in ``two_factor`` and ``sessions``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from solidarity.core.middleware import is_admin_path
from solidarity.staff import sessions, two_factor
from solidarity.staff.forms import CodeForm

# Set when the current authenticator's code was given on "Replace the authenticator": set-up may then run.
REPLACING = "solidarity_two_factor_replacing"
REPLACING_SECONDS = 10 * 60


def _next_url(request: HttpRequest) -> str:
    """Where to go after the code: the admin page asked for, never another site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if (
        candidate
        and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}, require_https=False)
        and is_admin_path(candidate)
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _code_error(form: CodeForm, outcome: two_factor.Outcome) -> None:
    if outcome.wait_seconds:
        form.add_error(
            "code",
            _("Too many wrong codes. Wait %(seconds)s seconds, then try again with a new code.")
            % {"seconds": outcome.wait_seconds},
        )
    else:
        form.add_error("code", _("This code is wrong or has expired. Try the newest code your app shows."))


def staff_login_step(view: Any) -> Any:
    """A page between the password and the admin: for a logged-in staff member only (Wagtail's own check)."""
    return never_cache(sensitive_post_parameters("code")(require_admin_access(view)))


@staff_login_step
def verify(request: HttpRequest) -> HttpResponseBase:
    """The "Enter your code" page: the authenticator's code or a recovery code, after the password."""
    next_url = _next_url(request)
    if two_factor.is_verified(request):
        return redirect(next_url)
    if not two_factor.has_two_factor(request.user):
        return redirect(f"{reverse('staff_two_factor_setup')}?{urlencode({'next': next_url})}")
    form = CodeForm(
        request.POST or None,
        label=_("Code"),
        help_text=_("The six-digit code your authenticator app shows now, or one of your recovery codes."),
    )
    if request.method == "POST" and form.is_valid():
        outcome = two_factor.verify(request, form.cleaned_data["code"])
        if outcome.ok:
            if outcome.recovery_code:
                messages.warning(
                    request,
                    _("You logged in with a recovery code, which now no longer works. Recovery codes left: %(left)s.")
                    % {"left": two_factor.recovery_codes_left(request.user)},
                )
            return redirect(next_url)
        _code_error(form, outcome)
    return render(request, "staff/two_factor_verify.html", {"form": form, "next": next_url})


def _may_set_up(request: HttpRequest) -> bool:
    """A first set-up (no authenticator yet), or a replacement just asked for with the current code."""
    if not two_factor.has_two_factor(request.user):
        return True
    started = request.session.get(REPLACING)
    return (
        two_factor.is_verified(request) and started is not None and sessions.now() - float(started) <= REPLACING_SECONDS
    )


@staff_login_step
def setup(request: HttpRequest) -> HttpResponseBase:
    """Set up an authenticator: scan the QR code (or type the secret), confirm with a code, keep the recovery codes."""
    next_url = _next_url(request)
    if not _may_set_up(request):
        return redirect(next_url if two_factor.is_verified(request) else reverse("staff_two_factor_verify"))
    device = two_factor.enrol(request)
    form = CodeForm(
        request.POST or None,
        label=_("Code from the app"),
        help_text=_("The six-digit code the app shows for this site, to check that it is set up."),
    )
    if request.method == "POST" and form.is_valid():
        outcome, codes = two_factor.confirm(request, device, form.cleaned_data["code"])
        if outcome.ok:
            request.session.pop(REPLACING, None)
            messages.success(request, _("Two-factor authentication is set up."))
            return _show_recovery_codes(request, codes, next_url)
        _code_error(form, outcome)
    context = {
        "form": form,
        "next": next_url,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.secret(device),
        "replacing": two_factor.has_two_factor(request.user),
    }
    return render(request, "staff/two_factor_setup.html", context)


def _show_recovery_codes(request: HttpRequest, codes: list[str], next_url: str) -> HttpResponse:
    response = render(request, "staff/recovery_codes.html", {"codes": codes, "next": next_url})
    response["Cache-Control"] = "no-store"
    return response


class SecurityView(WagtailAdminTemplateMixin, TemplateView):
    """Security in the account menu: two-factor status, new recovery codes, replace the authenticator, log out."""

    template_name = "staff/security.html"
    page_title = gettext_lazy("Security")
    header_icon = "key"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        device = two_factor.authenticator(user)
        replace_form = CodeForm(label=_("Code from your current authenticator"))
        replace_form.fields["code"].widget.attrs.pop("autofocus", None)
        context.update(
            authenticator=device,
            recovery_codes_left=two_factor.recovery_codes_left(user),
            idle_minutes=sessions.idle_limit_seconds() // 60,
            replace_form=replace_form,
        )
        return context


security = require_admin_access(never_cache(SecurityView.as_view()))


@require_admin_access
@require_POST
@never_cache
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Ten new recovery codes, shown once; the earlier ones stop working."""
    codes = two_factor.new_recovery_codes(request.user)
    messages.success(request, _("New recovery codes were made. The earlier ones no longer work."))
    return _show_recovery_codes(request, codes, reverse("staff_security"))


@require_admin_access
@require_POST
@never_cache
@sensitive_post_parameters("code")
def replace(request: HttpRequest) -> HttpResponseBase:
    """Replace the authenticator (a new phone): the current one's code first, then a new set-up."""
    form = CodeForm(request.POST)
    if form.is_valid():
        outcome = two_factor.check_current_code(request.user, form.cleaned_data["code"])
        if outcome.ok:
            request.session[REPLACING] = sessions.now()
            return redirect(f"{reverse('staff_two_factor_setup')}?{urlencode({'next': reverse('staff_security')})}")
        _code_error(form, outcome)
    for error in form.errors.get("code", []):
        messages.error(request, str(error))
    return redirect("staff_security")


@require_admin_access
@require_POST
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    """End every session of this user, in every browser, this one too."""
    sessions.logout_everywhere(request)
    messages.success(request, _("You were logged out everywhere. Log in again to continue."))
    return redirect("wagtailadmin_login")
