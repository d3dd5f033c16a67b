"""The navigation and footer of each language, edited under Settings › Navigation and footer."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from solidarity.home.models import SiteNavigation


class SiteNavigationViewSet(SnippetViewSet):
    model = SiteNavigation
    icon = "list-ul"
    menu_label = _("Navigation and footer")
    add_to_settings_menu = True


register_snippet(SiteNavigationViewSet)
