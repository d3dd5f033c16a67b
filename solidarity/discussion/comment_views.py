"""(being written)"""

from django.http import HttpResponse


def comment_post(request, page_id):  # type: ignore[no-untyped-def]
    return HttpResponse(status=501)


comment_list = comment_reply = comment_report = comment_post


def comment_private(request, token):  # type: ignore[no-untyped-def]
    return HttpResponse(status=501)
