"""A public form guarded by ``core.spam``, as a feature's view uses it, for the guard's own tests."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from solidarity.core import spam


class MessageForm(spam.SpamGuardMixin, forms.Form):
    message = forms.CharField(max_length=500)


@csrf_exempt
def guarded_form(request: HttpRequest, scope: str = "testapp.message") -> HttpResponse:
    """GET: the empty form. POST: the guard, then the form's own checks; "sent" when both pass."""
    if request.method != "POST":
        return render(request, "testapp/guarded_form.html", {"form": MessageForm()})
    form = MessageForm(request.POST)
    if not spam.passes(request, form, scope=scope):
        return render(request, "testapp/guarded_form.html", {"form": form}, status=form.guard_status)
    if not form.is_valid():
        return render(request, "testapp/guarded_form.html", {"form": form}, status=400)
    return render(request, "testapp/sent.html")
