from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "solidarity.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from wagtail.images import get_image_model

        from solidarity.core import checks  # noqa: F401  (registers system checks)
        from solidarity.core.access import scope_wagtails_page_policy
        from solidarity.core.images import delete_replaced_original, renditions_without_metadata, strip_on_save

        # No image original is stored, and no rendition made, with the photo's metadata (GPS, serial).
        # Start-up code runs before `make mutants` forks its test runs, so mutants of it cannot be
        # tested that way: tests/core/test_images.py fails when any of these lines is left out.
        image_model = get_image_model()  # pragma: no mutate
        pre_save.connect(strip_on_save, sender=image_model, dispatch_uid="solidarity-image-strip")  # pragma: no mutate
        replaced = "solidarity-image-replaced"  # pragma: no mutate
        post_save.connect(delete_replaced_original, sender=image_model, dispatch_uid=replaced)  # pragma: no mutate
        renditions_without_metadata()  # pragma: no mutate
        # The renditions public pages ask for are made in the background: of a new image, of a published page's.
        from wagtail.signals import page_published

        from solidarity.core import responsive_images

        responsive_images.avif_encoded_at_speed(settings.SOLIDARITY_AVIF_SPEED)  # pragma: no mutate
        upload = "solidarity-image-renditions"  # pragma: no mutate
        post_save.connect(responsive_images.renditions_enqueue_for_upload, sender=image_model, dispatch_uid=upload)
        published = "solidarity-page-renditions"  # pragma: no mutate
        page_published.connect(responsive_images.renditions_enqueue_for_page, dispatch_uid=published)
        # Every admin view that lists pages reads Wagtail's one page policy: it learns the country scope here.
        scope_wagtails_page_policy()  # pragma: no mutate
        from solidarity.core import outbox, retention

        retention.register_purge("outgoing email", lambda now: outbox.purge(now=now))  # pragma: no mutate
