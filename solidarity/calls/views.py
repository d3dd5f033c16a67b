"""The public calls' forms and private links.

Signing: the form's GET carries nothing per visitor and sets no cookie (cacheable); its POST is csrf_exempt,
goes through core's spam guard and ``services.signature_sign``, then redirects (303) to the never-cached
"check your email" page, which is the same whatever signing did (a new signature, the link again, "you had
already signed", nothing): no answer tells whether an address has signed. A form sent back with errors
echoes what was typed: that answer is never stored. The embedded form (``embed/<id>/sign/``) is the same in
a minimal layout that partner sites may frame (``core.frames.embeddable``).

The private links carry their token in the path: the confirmation link (its GET shows what is confirmed and a
button; mail scanners open links, so only the button's POST confirms) and the signature's private link
(see it, withdraw it). Their pages are ``no-store``, send no referrer and are not indexed, and their POSTs
from another site are refused (``core.views.private_view``). The POSTs that use up a token (confirming,
withdrawing) are answered with their page at once: no token travels in a redirect.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from solidarity.calls import queries, services
from solidarity.calls.forms import LinkAgainForm, SignatureForm
from solidarity.calls.models import PublicCallPage, Signature
from solidarity.core import spam
from solidarity.core.frames import embeddable
from solidarity.core.views import private_response, private_view
from solidarity.core.visibility import in_active_language, visible_pages


def _language() -> str:
    return translation.get_language() or "en"


def _call(page_id: int) -> PublicCallPage:
    """The call of ``page_id`` readers may see, in the request's language when it has that translation: else 404."""
    page = visible_pages(PublicCallPage).filter(id=page_id).first()
    if page is None:
        raise Http404
    return in_active_language(page)


def _form_answer(request: HttpRequest, template: str, context: dict[str, Any], form: Any) -> HttpResponse:
    """The form page: a GET as any public page; a POST sent back with errors, with what was typed, never stored."""
    status = getattr(form, "guard_status", 200) if request.method == "POST" else 200
    response = render(request, template, {**context, "form": form}, status=status)
    return private_response(response) if request.method == "POST" else response


def _thanks(call: PublicCallPage, *, embed: bool) -> HttpResponse:
    route = "calls:embed_thanks" if embed else "calls:thanks"
    return HttpResponseRedirect(reverse(route, kwargs={"page_id": call.pk}), status=303)  # "see other": a GET


def _sign(request: HttpRequest, page_id: int, *, embed: bool) -> HttpResponse:
    call = _call(page_id)
    takes = call.takes_signatures()
    # A call that does not take signatures (closed, not open yet) answers a POST with why, the form not shown.
    form = SignatureForm(request.POST if request.method == "POST" and takes else None, call=call)
    if request.method == "POST" and takes and spam.passes(request, form, scope="calls.sign") and form.is_valid():
        try:
            services.signature_sign(call=call, language=_language(), **form.values())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _thanks(call, embed=embed)
    template = "calls/embed/sign.html" if embed else "calls/sign.html"
    context = {"call": call, "takes_signatures": takes, "embed": embed}
    if not takes:
        context["total"] = queries.call_total(call.call_key)  # a closed call's final count, instead of the form
    return _form_answer(request, template, context, form)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def sign(request: HttpRequest, page_id: int) -> HttpResponse:
    """The sign form on a page of its own (the call's page carries the same form)."""
    return _sign(request, page_id, embed=False)


@csrf_exempt
@embeddable
@require_http_methods(["GET", "HEAD", "POST"])
def embed_sign(request: HttpRequest, page_id: int) -> HttpResponse:
    """The sign form for partner sites' frames: no site header or footer; its thanks stay in the frame."""
    return _sign(request, page_id, embed=True)


def _thanks_page(request: HttpRequest, page_id: int, *, embed: bool) -> HttpResponse:
    call = _call(page_id)
    context = {"call": call, "total": queries.call_total(call.call_key), "embed": embed}
    response = render(request, "calls/embed/thanks.html" if embed else "calls/thanks.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "HEAD"])
def thanks(request: HttpRequest, page_id: int) -> HttpResponse:
    """“Check your email”: the same page whatever signing did."""
    return _thanks_page(request, page_id, embed=False)


@embeddable
@never_cache
@require_http_methods(["GET", "HEAD"])
def embed_thanks(request: HttpRequest, page_id: int) -> HttpResponse:
    return _thanks_page(request, page_id, embed=True)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def link_again(request: HttpRequest, page_id: int) -> HttpResponse:
    """“Send the link again”: the same answer whether the address signed or not (only its owner gets an email)."""
    call = _call(page_id)
    form = LinkAgainForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and spam.passes(request, form, scope="calls.link_again") and form.is_valid():
        services.signature_link_again(call=call, email=form.cleaned_data["email"], language=_language())
        return _thanks(call, embed=False)
    context = {"call": call, "quiet_minutes": max(1, services.QUIET_SECONDS // 60)}
    return _form_answer(request, "calls/link_again.html", context, form)


# Private links


def _link_unknown(request: HttpRequest, what: str) -> HttpResponse:
    """A signature's private link that leads nowhere (mistyped, cut, replaced, withdrawn): why, and what to do."""
    return private_response(render(request, "calls/link_unknown.html", {"what": what}, status=404))


def _signature_context(signature: Signature) -> dict[str, Any]:
    call = services.call_in_language(signature.call_key, _language())
    return {
        "signature": signature,
        "call": call,
        "call_is_public": call is not None and call.live,
        "total": queries.call_total(signature.call_key),
    }


@private_view
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the confirmation email: its GET shows what is confirmed, its button (POST) confirms."""
    signature = services.signature_by_confirm_token(token)
    if signature is None:  # unknown, tampered with, or used already
        return _link_unknown(request, "confirm")
    error = ""
    if request.method == "POST":
        try:
            confirmed = services.signature_confirm(signature)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
            signature = Signature.objects.select_related("country", "member").filter(pk=signature.pk).first()
            if signature is None:  # withdrawn or deleted meanwhile
                return _link_unknown(request, "confirm")
        else:
            return render(request, "calls/confirmed.html", _signature_context(confirmed.signature))
    context = _signature_context(signature)
    call = context["call"]
    context.update(
        error=error,
        expired=services.confirm_link_expired(signature),
        refusal=services.confirm_refusal(signature, call),
        link_again_form=LinkAgainForm() if call is not None and call.takes_signatures() else None,
    )
    return render(request, "calls/confirm.html", context)


@private_view
def signature(request: HttpRequest, token: str) -> HttpResponse:
    """The signer's private link: what was signed, and a button to withdraw it (and delete everything in it)."""
    found = services.signature_by_private_token(token)
    if found is None:
        return _link_unknown(request, "signature")
    context = {**_signature_context(found), "token": token}
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        services.signature_withdraw(found)
        context["total"] = queries.call_total(found.call_key)
        return render(request, "calls/withdrawn.html", context)
    return render(request, "calls/signature.html", context)


@private_view
def signature_data(request: HttpRequest, token: str) -> HttpResponse:
    """Everything the site keeps about the signature, as a JSON file for its signer (the private link is the key)."""
    found = services.signature_by_private_token(token)
    if found is None or request.method == "POST":
        return _link_unknown(request, "signature")
    call = services.call_in_language(found.call_key, _language())
    call_url = request.build_absolute_uri(call.get_url(request)) if call is not None else ""
    data = queries.signature_data(found, call, call_url)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="signature.json"'
    return response
