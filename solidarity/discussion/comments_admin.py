"""(being written)"""

from django.http import HttpResponse
from django.urls import path


def _todo(request, pk=None):  # type: ignore[no-untyped-def]
    return HttpResponse(status=501)


urlpatterns = [path("", _todo, name="queue"), path("<int:pk>/", _todo, name="comment")]


def menu_item():  # type: ignore[no-untyped-def]
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    return MenuItem(_("Comments"), "/admin/comments/", icon_name="comment")
