"""Make the renditions that the templates of the pages readers see ask for (after the image sizes changed)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from solidarity.core.responsive_images import page_images, renditions_make
from solidarity.core.visibility import visible_pages


class Command(BaseCommand):
    help = (
        "Make every rendition that the live pages' images are shown at (core/responsive_images.py SIZES) and "
        "that does not exist yet, so that no reader waits for one. Safe to run again: existing ones are kept."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        wanted: dict[int, list[str]] = {}
        for page in visible_pages().specific().iterator():
            for image_id, specs in page_images(page).items():
                wanted[image_id] = list(dict.fromkeys([*wanted.get(image_id, []), *specs]))
        for image_id, specs in sorted(wanted.items()):
            renditions_make(image_id, specs)
        self.stdout.write(f"Renditions of {len(wanted)} images made or found.")
