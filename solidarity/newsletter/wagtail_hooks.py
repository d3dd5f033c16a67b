"""The newsletter's admin: "Newsletter" in the menu (``admin_views``), and its actions in the audit log."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet

from solidarity.newsletter import sending
from solidarity.newsletter.admin_views import (
    CANCEL_ACTION,
    SCHEDULE_ACTION,
    SEND_NOW_ACTION,
    STOP_ACTION,
    TEST_ACTION,
    MailingViewSet,
    url,
)
from solidarity.newsletter.models import Mailing, MailingState


@hooks.register("register_log_actions")
def newsletter_log_actions(actions: LogActionRegistry) -> None:
    """Who scheduled, sent, cancelled, stopped a mailing or sent themselves a test (the entry names no address)."""
    actions.register_action(SCHEDULE_ACTION, _("Schedule"), _("Scheduled"))
    actions.register_action(SEND_NOW_ACTION, _("Send now"), _("Sending started"))
    actions.register_action(CANCEL_ACTION, _("Cancel the schedule"), _("No longer scheduled"))
    actions.register_action(STOP_ACTION, _("Stop sending"), _("Sending stopped"))
    actions.register_action(TEST_ACTION, _("Send a test"), _("Test sent to its author"))
    actions.register_action(
        sending.NOT_STARTED_ACTION, _("Not started"), _("Not sent at its time: it can no longer be sent as it is")
    )


@hooks.register("before_delete_snippet")
def newsletter_keep_sending_mailings(request: HttpRequest, instances: list[Any]) -> HttpResponse | None:
    """A mailing that is sending is not deleted (one by one or in bulk): it is stopped first."""
    if any(isinstance(instance, Mailing) and instance.state == MailingState.SENDING for instance in instances):
        messages.error(request, gettext("A mailing that is sending cannot be deleted: stop it first."))
        return redirect(url("list"))
    return None


register_snippet(MailingViewSet)
