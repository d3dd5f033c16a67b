from django.core.management.base import BaseCommand

from solidarity.stories.services import site_tree_ensure


class Command(BaseCommand):
    help = "Create the languages, home pages and story indexes the site needs (safe to run again)."

    def handle(self, *args, **options):
        home = site_tree_ensure()
        self.stdout.write(f"Site ready: home page “{home.title}” in every language.")
