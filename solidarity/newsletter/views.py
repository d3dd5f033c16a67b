"""The newsletter's public pages: subscribing, "check your email", and the subscriber's private links.

Subscribing: the form's GET carries nothing per visitor and sets no cookie (cacheable); its POST is csrf_exempt,
goes through core's spam guard and ``services.subscribe``, then redirects (303) to the never-cached "check your
email" page, the same whatever subscribing did (a new subscriber, a new link, "you are subscribed already",
nothing): no answer tells whether an address is subscribed. A form sent back with errors echoes what was typed;
nothing of it is stored.

The private links carry their token in the path: the confirmation link (its GET shows what is confirmed and a
button; mail scanners open links, so only the button's POST confirms), the preferences page and unsubscribing.
Their pages are ``no-store``, send no referrer and are not indexed (``core.views.private_view``). Unsubscribing
takes RFC 8058's one-click POST, which mail providers send from their own servers: other sites' POSTs are not
refused there (``core.views.one_click_view``), and a link that leads nowhere (unsubscribed already) is answered
200, "you are not subscribed".
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from solidarity.core import languages, spam
from solidarity.core.views import one_click_view, private_response, private_view
from solidarity.newsletter import services
from solidarity.newsletter.forms import PreferencesForm, SubscribeForm
from solidarity.newsletter.models import Subscriber
from solidarity.stories.queries import topics_in


def _language() -> str:
    return translation.get_language() or "en"


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """The subscribe form: email, language, countries and topics."""
    form = SubscribeForm(request.POST if request.method == "POST" else None, page_language=_language())
    if request.method == "POST" and spam.passes(request, form, scope="newsletter.subscribe") and form.is_valid():
        try:
            services.subscribe(email=form.cleaned_data["email"], **form.choices())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return HttpResponseRedirect(reverse("newsletter:thanks"), status=303)  # "see other": a GET
    context = {
        "form": form,
        "confirm_days": services.CONFIRM_LINK_DAYS,
        "languages": languages.for_view(request, indexable=request.method != "POST"),
    }
    if request.method == "POST":
        return private_response(render(request, "newsletter/subscribe.html", context, status=form.guard_status))
    return render(request, "newsletter/subscribe.html", context)


@never_cache
@require_http_methods(["GET", "HEAD"])
def thanks(request: HttpRequest) -> HttpResponse:
    """“Check your email”: the same page whatever subscribing did."""
    context = {
        "confirm_days": services.CONFIRM_LINK_DAYS,
        "quiet_minutes": max(1, services.QUIET_SECONDS // 60),
        "languages": languages.for_view(request, indexable=False),
    }
    response = render(request, "newsletter/thanks.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


# Private links


def _link_unknown(request: HttpRequest, what: str, *, status: int = 404) -> HttpResponse:
    """A private link that leads nowhere (mistyped, cut, replaced, used, unsubscribed): why, and what to do."""
    return render(request, "newsletter/link_unknown.html", {"what": what}, status=status)


def _choices_context(subscriber: Subscriber) -> dict[str, Any]:
    """What the subscriber chose, in the page's language (topics through their translations)."""
    chosen = list(subscriber.topics.all())
    locale_topics = topics_in(chosen, _locale())
    shown_keys = {shown.translation_key for shown in locale_topics}
    return {
        "subscriber": subscriber,
        "countries": sorted(subscriber.countries.all(), key=lambda country: country.name),
        "topics": sorted(locale_topics, key=lambda topic: topic.name),
        "other_topics": [topic for topic in chosen if topic.translation_key not in shown_keys],
        "language_name": dict(languages.site_languages()).get(subscriber.language, subscriber.language),
    }


def _locale() -> Locale:
    return Locale.objects.filter(language_code=_language()).first() or Locale.get_default()


@private_view
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the confirmation email: its GET shows what is confirmed, its button (POST) confirms."""
    subscriber = services.subscriber_by_confirm_token(token)
    if subscriber is None:  # unknown, tampered with, replaced by a newer link, or used already
        return _link_unknown(request, "confirm")
    if services.confirm_link_expired(subscriber):
        return render(request, "newsletter/expired.html")
    error = ""
    if request.method == "POST":
        try:
            confirmed = services.subscriber_confirm(subscriber)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            token = services.private_token(confirmed)
            context = {**_choices_context(confirmed), "preferences_url": _private_url("preferences", token)}
            return render(request, "newsletter/confirmed.html", context)
    return render(request, "newsletter/confirm.html", {**_choices_context(subscriber), "error": error})


def _private_url(route: str, token: str) -> str:
    return reverse(f"newsletter:{route}", kwargs={"token": token})


@private_view
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    """The subscriber's private page: change the language, countries and topics; a button to unsubscribe."""
    subscriber = services.subscriber_by_private_token(token)
    if subscriber is None:
        return _link_unknown(request, "preferences")
    current = _choices_context(subscriber)
    initial = {
        "language": subscriber.language,
        "countries": [country.code for country in current["countries"]],
        "topics": [topic.pk for topic in current["topics"]],
    }
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        page_language=_language(),
        chosen_topics=subscriber.topics.all(),
    )
    saved = False
    if request.method == "POST" and form.is_valid():
        choices = form.choices()
        # Topics chosen in another language that this one has no translation of stay chosen.
        choices["topics"] = [*choices["topics"], *current["other_topics"]]
        try:
            subscriber = services.preferences_change(subscriber, **choices)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            saved = True
            current = _choices_context(subscriber)
    context = {
        **current,
        "form": form,
        "saved": saved,
        "unsubscribe_url": _private_url("unsubscribe", token),
    }
    return render(request, "newsletter/preferences.html", context, status=400 if form.errors else 200)


@one_click_view
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Unsubscribing: the GET shows a button; any POST unsubscribes at once (the button, or a mail provider's
    RFC 8058 one-click ``List-Unsubscribe=One-Click``). A POST whose link leads nowhere was unsubscribed already:
    200, "you are not subscribed", never a 404 that a provider would report as a failure."""
    subscriber = services.subscriber_by_private_token(token)
    if request.method == "POST":
        if subscriber is not None:
            services.unsubscribe(subscriber)
        return render(request, "newsletter/unsubscribed.html", {"was_subscribed": subscriber is not None})
    if subscriber is None:
        return _link_unknown(request, "unsubscribe")
    context = {**_choices_context(subscriber), "preferences_url": _private_url("preferences", token)}
    return render(request, "newsletter/unsubscribe.html", context)
