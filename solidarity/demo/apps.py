from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Invented demo content (``manage.py load_demo``), written through the features' services.

    It has no models and no pages of its own; its extra packages (PDF and font) are in
    requirements-demo.txt, which a production install leaves out.
    """

    name = "solidarity.demo"
    label = "demo"
    verbose_name = "Demo content"
