"""The editors' translations overview: which stories exist in which languages, what is missing or out of date."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from solidarity.stories import queries
from solidarity.stories.forms import StoryTranslationStartForm, TranslationsFilterForm
from solidarity.stories.services import story_translation_start

ROWS_PER_PAGE = 50


def may_see_translations(user: Any) -> bool:
    """Editors: whoever may add, change or publish some page."""
    return user_has_any_page_permission(user)


class TranslationsOverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "stories/admin/translations.html"
    page_title = gettext_lazy("Translations")
    header_icon = "globe"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not may_see_translations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        filters = TranslationsFilterForm(self.request.GET)
        every_story = queries.story_translations(user=self.request.user)
        rows = queries.needing(every_story, filters.chosen_needs())
        page = Paginator(rows, ROWS_PER_PAGE).get_page(filters.page_number())
        context.update(
            filters=filters,
            summary=queries.translations_summary(every_story),
            rows=page,
            locales=[cell.locale for cell in rows[0].cells] if rows else [],
            needs=filters.chosen_needs(),
        )
        return context


@require_POST
def translation_start(request: HttpRequest) -> HttpResponse:
    """ "Translate" in the overview: a draft in the missing language, then its editor."""
    if not may_see_translations(request.user):
        raise PermissionDenied
    form = StoryTranslationStartForm(request.POST, user=request.user)
    if not form.is_valid():
        for error in form.errors.get("__all__", []) or [_("Choose a story and a language.")]:
            messages.error(request, error)
        return redirect("stories_translations")
    try:
        translation = story_translation_start(
            story=form.cleaned_data["story"].specific,
            language=form.cleaned_data["language"],
            user=request.user if request.user.is_authenticated else None,
        )
    except ValidationError as error:  # the draft could not be saved: say why, on the overview
        for message in error.messages:
            messages.error(request, message)
        return redirect("stories_translations")
    messages.success(
        request,
        _("A draft of “%(title)s” in %(language)s was made: translate it, then publish it.")
        % {"title": translation.title, "language": translation.locale.get_display_name()},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
