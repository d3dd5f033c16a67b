"""(being written)"""

from django.http import HttpResponse


def question(request):  # type: ignore[no-untyped-def]
    return HttpResponse(status=501)


question_sent = question
