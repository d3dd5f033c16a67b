"""The navigation and footer of each language, edited as a snippet (Snippets › Navigation and footer)."""

from wagtail.snippets.models import register_snippet

from solidarity.home.models import SiteNavigation

register_snippet(SiteNavigation)
