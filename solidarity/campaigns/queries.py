"""Reads of campaigns that more than one place needs: what readers see (approved only) and counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest

    from solidarity.campaigns.models import CampaignPage


def campaign_page_context(page: CampaignPage, request: HttpRequest) -> dict[str, Any]:
    """What the campaign page shows, computed from approved records (the reading helper fills this)."""
    return {}
