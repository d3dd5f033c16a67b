"""The public calls' admin: the "Public calls" menu (signatures, the check of organisations, the CSV export), the
checks' entries in a signature's history, the bulk checks, and the dashboard's queue of organisations to check."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet

from solidarity.calls import waiting  # noqa: F401  (registers the dashboard's queue)
from solidarity.calls.admin_views import APPROVED_ACTION, DECLINED_ACTION, BulkApprove, BulkDecline, CallsViewSetGroup


@hooks.register("register_log_actions")
def calls_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action(APPROVED_ACTION, _("Approve"), _("Approved"))
    actions.register_action(DECLINED_ACTION, _("Decline"), _("Declined"))


register_snippet(CallsViewSetGroup)
hooks.register("register_bulk_action", BulkApprove)
hooks.register("register_bulk_action", BulkDecline)
