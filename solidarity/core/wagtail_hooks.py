"""Core's records in the admin: member organisations and country introductions, as snippets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from solidarity.core.forms import CountryIntroductionForm, MemberOrganisationForm
from solidarity.core.models import Country, CountryIntroduction, MemberOrganisation

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest


def countries_of_members(request: HttpRequest | None) -> QuerySet[Country]:
    """The countries to filter the list by: those that have member organisations."""
    return Country.objects.filter(code__in=MemberOrganisation.objects.values("country"))


class MemberOrganisationFilterSet(WagtailFilterSet):
    country = django_filters.ModelChoiceFilter(label=_("Country"), queryset=countries_of_members)

    class Meta:
        model = MemberOrganisation
        fields = ["country"]


class MemberOrganisationViewSet(SnippetViewSet):
    model = MemberOrganisation
    icon = "group"
    menu_label = _("Member organisations")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "country", "city", "year_joined"]
    filterset_class = MemberOrganisationFilterSet
    search_fields = ["name"]
    ordering = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("country"),
            FieldPanel("city"),
            FieldPanel("website"),
            FieldPanel("logo"),
            FieldPanel("year_joined"),
            InlinePanel(
                "descriptions",
                heading=_("Short description"),
                label=_("Description in one language"),
                help_text=_(
                    "One or two sentences, at most one per language; readers get English when theirs is missing."
                ),
            ),
        ],
        base_form_class=MemberOrganisationForm,
    )


class CountryIntroductionViewSet(SnippetViewSet):
    model = CountryIntroduction
    icon = "site"
    menu_label = _("Country introductions")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["country", "locale"]
    list_filter = ["country", "locale"]
    edit_handler = ObjectList([FieldPanel("country"), FieldPanel("text")], base_form_class=CountryIntroductionForm)


register_snippet(MemberOrganisationViewSet)
register_snippet(CountryIntroductionViewSet)
