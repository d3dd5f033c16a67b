"""The campaigns' admin: the "Campaigns" menu (groups, activities, sign-ups, country contacts, messages) and the
decisions' entries in a record's history."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet

from solidarity.campaigns.admin_views import (
    APPROVED_ACTION,
    DECLINED_ACTION,
    BulkApprove,
    BulkDecline,
    CampaignsViewSetGroup,
)


@hooks.register("register_log_actions")
def campaigns_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action(APPROVED_ACTION, _("Approve"), _("Approved"))
    actions.register_action(DECLINED_ACTION, _("Decline"), _("Declined"))


register_snippet(CampaignsViewSetGroup)
hooks.register("register_bulk_action", BulkApprove)
hooks.register("register_bulk_action", BulkDecline)
