from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "solidarity.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from wagtail.images import get_image_model

        from solidarity.core import checks  # noqa: F401  (registers system checks)
        from solidarity.core.images import delete_replaced_original, renditions_without_metadata, strip_on_save

        # No image original is stored, and no rendition made, with the photo's metadata (GPS, serial).
        image_model = get_image_model()
        pre_save.connect(strip_on_save, sender=image_model, dispatch_uid="solidarity-image-strip")
        post_save.connect(delete_replaced_original, sender=image_model, dispatch_uid="solidarity-image-replaced")
        renditions_without_metadata()
