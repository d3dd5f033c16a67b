"""Strip the metadata (GPS, camera serial, XMP, IPTC) of image originals stored before uploads were stripped."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from wagtail.images import get_image_model

from solidarity.core.images import ImageMetadataError, image_metadata, image_stored_original_strip


class Command(BaseCommand):
    help = (
        "Rewrite every stored image original that still carries metadata (GPS position, camera serial, "
        "XMP, IPTC, comments) without it, with its orientation applied, and delete its renditions so "
        "that they are made again. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="only list the originals that carry metadata")

    def handle(self, *args: Any, **options: Any) -> None:
        image_model = get_image_model()
        total = stripped = 0
        for image in image_model.objects.order_by("pk").iterator():
            total += 1
            try:
                if options["dry_run"]:
                    with image.file.storage.open(image.file.name, "rb") as stored:
                        found = image_metadata(source=stored)
                    if found:
                        stripped += 1
                        self.stdout.write(f"{image.file.name}: {', '.join(found)}")
                    continue
                replaced = image_stored_original_strip(image=image)
                if replaced:
                    image_model.objects.filter(pk=image.pk).update(
                        file=image.file.name,
                        width=image.width,
                        height=image.height,
                        file_size=image.file_size,
                        file_hash=image.file_hash,
                    )
                    image.file.storage.delete(replaced)  # only now that the row names the clean copy
                    stripped += 1
            except (OSError, ImageMetadataError) as error:
                self.stderr.write(f"{image.file.name} (image {image.pk}) was left as it is: {error}")
        verb = "carry" if options["dry_run"] else "were stripped of"
        self.stdout.write(f"{stripped} of {total} image originals {verb} metadata.")
