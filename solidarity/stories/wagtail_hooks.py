from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from solidarity.stories.models import Topic


@hooks.register("insert_global_admin_css")
def stories_admin_css() -> SafeString:
    return format_html('<link rel="stylesheet" href="{}">', static("stories/admin.css"))


class TopicViewSet(SnippetViewSet):
    """Topics under Snippets: each language's own, translated with "Translate" (the translations are linked)."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


register_snippet(TopicViewSet)
