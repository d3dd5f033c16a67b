from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from solidarity.core import views as core_views
from solidarity.staff import views as staff_views
from solidarity.stories import views as story_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # For search engines, one address for every language (core/sitemaps.py: each app adds its own section).
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", core_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", core_views.sitemap_section, name="sitemap_section"),
    # The public forms' proof-of-work challenge (core/spam.py): one address for every language, never cached.
    path("altcha/challenge/", core_views.altcha_challenge, name="altcha_challenge"),
    # Staff accounts: the two-factor code after the password, and Security in the account menu.
    path("admin/security/code/", staff_views.verify, name="staff_two_factor_verify"),
    path("admin/security/set-up/", staff_views.setup, name="staff_two_factor_setup"),
    path("admin/security/", staff_views.security, name="staff_security"),
    path("admin/security/recovery-codes/", staff_views.recovery_codes, name="staff_recovery_codes"),
    path("admin/security/replace/", staff_views.replace, name="staff_two_factor_replace"),
    path("admin/security/log-out-everywhere/", staff_views.logout_everywhere, name="staff_logout_everywhere"),
    # What partner sites embed: a public call's counter and counts, one address for every language (calls/embed.py).
    path("embed/calls/", include("solidarity.calls.embed_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if not settings.PRODUCTION or settings.DEBUG:
    # In production the web server in front serves uploaded media (docs/deploy.md), by the same rules.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", core_views.media, name="media")]

urlpatterns += i18n_patterns(
    path("search/", story_views.search, name="search"),
    path("campaigns/", include("solidarity.campaigns.urls")),
    path("calls/", include("solidarity.calls.urls")),
    path("", include("solidarity.discussion.urls")),
    path("newsletter/", include("solidarity.newsletter.urls")),
    path("share/mastodon/", core_views.mastodon_share, name="share_mastodon"),
    path("countries/", story_views.country_list, name="country_list"),
    path("countries/<str:code>/", story_views.country_detail, name="country_detail"),
    path("feeds/", include("solidarity.stories.feed_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "solidarity.core.views.page_not_found"
handler500 = "solidarity.core.views.server_error"
