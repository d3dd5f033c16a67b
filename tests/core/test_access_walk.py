"""Every admin URL, walked as a Belarus coordinator, shows nothing of Russia; walked as an editor, it does.

The URLs come from the URL resolver itself (Wagtail's and ours), their arguments from real rows:
the root, every English page and every story (the Russian ones too; another language's home and
index are of the same types), every snippet, image, document, user, collection, locale, every bulk
action with its records. Only GET requests, and the exports of the listings that offer them. The
markers are words that appear only in the Russian (``kalinkamarker``) and the Belarusian
(``zubrmarker``) records; Russia's are made last, so "the latest" of any report is Russian.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Revision, Site, Workflow

from solidarity.calls.models import Review
from solidarity.campaigns.models import SignUp, SignUpStatus, Status
from solidarity.core.crypto import email_lookup_hash
from solidarity.core.services import country_introduction_set, organisation_create
from solidarity.core.tokens import private_token_new
from solidarity.discussion.models import Question
from solidarity.stories.models import StoryPage
from tests.calls import factories as call_factories
from tests.campaigns import factories as campaign_factories
from tests.discussion import factories as discussion_factories
from tests.factories import DocumentFactory, ImageFactory, StoryPageFactory, staff_member
from tests.shared import shared_data
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

RUSSIA = "kalinkamarker"
BELARUS = "zubrmarker"

# Views that change something even on GET, or log the user out: not walked.
NOT_WALKED = {
    "wagtailadmin_logout",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_editing_sessions:release",
    "wagtailadmin_error_test",  # the test of the error page: a 500 on purpose
}
# Wagtail's own views that fail (500) for the root, which is no page: for everyone, whatever their countries.
ROOT_NOT_WALKED = {"wagtailadmin_pages:set_page_position"}


def make_data() -> dict[str, Any]:
    editor = staff_member("editor", "Editors")
    coordinator = staff_member("coordinator", "Country coordinators", ["BY"])
    data: dict[str, Any] = {"editor": editor, "coordinator": coordinator}
    data["image"] = ImageFactory(title="Shared photo")  # in stories of both countries: its usage names them
    data["document"] = DocumentFactory(title="Shared report")
    # A campaign page (a page of no country: coordinators walk past it) whose records belong to both countries.
    data["campaign"] = campaign_factories.campaign_page(title="Walked campaign")
    # A public call (a page of Belarus: its page shows more stories of its countries), signed in both countries
    # by a person and an organisation waiting for a check.
    data["call"] = call_factories.public_call(title="Walked call", countries=("BY",))
    for code, marker in (("BY", BELARUS), ("RU", RUSSIA)):  # Russia's last: what a report shows as the latest
        data[code] = {
            "published": StoryPageFactory(
                title=f"{marker} published", countries=[code], user=editor, lead_image=data["image"]
            ),
            "draft": StoryPageFactory(title=f"{marker} draft", countries=[code], publish=False, user=editor),
            "organisation": organisation_create(name=f"{marker} circle", country=code, city="Capital"),
            "introduction": country_introduction_set(country=code, language="en", text=f"<p>{marker} intro</p>"),
            **campaign_records(data["campaign"], code, marker),
            **call_records(data["call"], code, marker),
        }
    locked = data["RU"]["published"]
    locked.locked, locked.locked_by, locked.locked_at = True, editor, timezone.now()
    locked.save(update_fields=["locked", "locked_by", "locked_at"])
    gone = StoryPageFactory(title=f"{RUSSIA} deleted", countries=["RU"])
    gone.delete(user=editor)
    return data


def campaign_records(campaign: Any, code: str, marker: str) -> dict[str, Any]:
    """A country's pending group and activity, a sign-up, a contact and a message to it, each naming the marker."""
    group = campaign_factories.group(campaign, country=code, status=Status.PENDING, name=f"{marker} group")
    activity = campaign_factories.activity(
        campaign, country=code, status=Status.PENDING, title=f"{marker} picket", organiser_group=group
    )
    email = f"{marker}@example.org"
    sign_up = SignUp.objects.create(
        activity=activity,
        name=f"{marker} signer",
        email=email,
        email_hash=email_lookup_hash(email),
        private_token_hash=private_token_new()[1],
        language="en",
        status=SignUpStatus.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    contact = campaign_factories.contact(campaign, country=code, name=f"{marker} contact", email=f"c-{email}")
    # A message written to the contact: a question in the country's inbox.
    message = discussion_factories.question(
        contact=contact, country=None, name=f"{marker} writer", email=email, text=f"{marker} question"
    )
    return {"group": group, "activity": activity, "sign_up": sign_up, "contact": contact, "message": message}


def call_records(call: Any, code: str, marker: str) -> dict[str, Any]:
    """A country's signatures of the call: a person's who asked to be kept informed, an organisation's to check."""
    person = call_factories.signature(
        call, country=code, name=f"{marker} signer", email=f"s-{marker}@example.org", keep_informed=True
    )
    organisation = call_factories.signature(
        call, country=code, name=f"{marker} contact", organisation=f"{marker} union", review=Review.PENDING
    )
    return {"signature": person, "call_organisation": organisation}


@pytest.fixture(scope="module")
def network(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker, search=True):
        yield make_data()


# The walk: every admin URL pattern, with its arguments filled from real rows.


@dataclass
class Route:
    route: str  # the full pattern, "admin/pages/<int:page_id>/edit/"
    name: str  # namespaced, "wagtailadmin_pages:edit"
    pattern: URLPattern


def routes(resolver: URLResolver | None = None, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from routes(entry, prefix + str(entry.pattern), inner)
        else:
            yield Route(prefix + str(entry.pattern), namespace + (entry.name or ""), entry)


PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")


def ids(model: Any) -> list[str]:
    return [str(pk) for pk in model._default_manager.order_by("pk").values_list("pk", flat=True)]


def snippet_model(route: str) -> Any:
    from django.apps import apps

    found = re.search(r"snippets/(?:choose/)?(\w+)/(\w+)/", route)
    return apps.get_model(found[1], found[2]) if found else None


def walked_pages() -> list[str]:
    """The root, every English page and every story (another language's pages are of the same types)."""
    pages = Page.objects.filter(Q(depth=1) | Q(locale__language_code="en") | Q(pk__in=StoryPage.objects.values("pk")))
    return [str(pk) for pk in pages.order_by("pk").values_list("pk", flat=True)]


def destinations() -> list[str]:
    """Where a page may be moved to: the English story index and home page."""
    return [str(page.pk) for page in Page.objects.filter(locale__language_code="en", depth__in=[2, 3])]


# Two arguments that go together: a model's app and name.
MODEL_PAIRS = {
    "wagtailadmin_tag_model_autocomplete": [("stories", "topic")],
    "wagtailadmin_workflows:add_task": [("wagtailcore", "groupapprovaltask")],
    "wagtail_bulk_action": [("wagtailcore", "page")],
    "simple_translation:submit_snippet_translation": [("core", "memberorganisation"), ("core", "countryintroduction")],
}
PAGE_TYPES = [("stories", "storypage"), ("home", "homepage")]


def candidates(route: str, name: str) -> list[str]:
    """The values to try for one argument of one route."""
    by_prefix = [
        ("admin/api/main/^pages", walked_pages),
        ("admin/api/main/^images", lambda: ids(Image)),
        ("admin/api/main/^documents", lambda: ids(Document)),
        ("admin/collections/", lambda: ids(Collection)),
        ("admin/workflows/tasks/", lambda: ["1"]),
        ("admin/workflows/", lambda: ids(Workflow) or ["1"]),
        ("admin/locales/", lambda: ids(Locale)),
        ("admin/sites/", lambda: ids(Site)),
        ("admin/users/", lambda: ids(get_user_model())),
        ("admin/groups/", lambda: ids(Group)),
        ("admin/documents/", lambda: ids(Document)),
        ("admin/images/", lambda: ids(Image)),
        ("admin/questions/", lambda: ids(Question)),
    ]
    if name == "destination_id":
        return destinations()
    if name in {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}:
        return walked_pages()
    if name == "image_id":
        return ids(Image)
    if name in {"document_id", "doc_id"}:
        return ids(Document)
    if name == "filter_spec":
        return ["original"]
    if name == "collection_id":
        return ids(Collection)
    if name == "action":
        return ["delete"]
    if name in {"pk", "object_id"}:
        model = snippet_model(route)
        if model is not None:
            return ids(model)
        for start, values in by_prefix:
            if route.startswith(start):
                return values()
    return ["1"]


def urls_of(route: Route) -> list[str]:
    """Every URL of one route with its arguments filled in (revisions follow their page)."""
    text = route.route.replace("^", "").replace("$", "")
    if route.name == "wagtailadmin_pages:revisions_compare":
        return [f"/admin/pages/{pk}/revisions/compare/earliest...latest/" for pk in walked_pages()]
    names = [found[2] for found in PARAMETER.finditer(text)]
    if "(" in text or "uidb64" in names:
        return []
    pair = next((pair for pair in MODEL_PAIRS_NAMES if set(pair) <= set(names)), None)
    single = [name for name in names if name != "revision_id" and (pair is None or name not in pair)]
    pools: list[list[Any]] = [candidates(route.route, name) for name in single]
    if route.name in ROOT_NOT_WALKED:
        pools = [[value for value in pool if value != str(Page.get_first_root_node().pk)] for pool in pools]
    if pair is not None:
        pools.append(MODEL_PAIRS.get(route.name, PAGE_TYPES))
    urls = []
    for values in product(*pools):
        filled = dict(zip(single, values[: len(single)], strict=True))
        if pair is not None:
            filled.update(zip(pair, values[-1], strict=True))
        revision_values = [""]
        if "revision_id" in names:
            page_revisions = Revision.page_revisions.filter(object_id=filled["page_id"]).values_list("pk", flat=True)
            revision_values = [str(pk) for pk in page_revisions] or ["1"]
        for revision in revision_values:
            all_values = {**filled, "revision_id": revision}
            urls.append("/" + PARAMETER.sub(lambda found, v=all_values: v[found[2]], text))
    return urls


MODEL_PAIRS_NAMES = [
    ("content_type_app_name", "content_type_model_name"),
    ("app_label", "model_name"),
    ("app_name", "model_name"),
]


def offers_export(route: Route) -> bool:
    view_class = getattr(route.pattern.callback, "view_class", None)
    return bool(view_class and issubclass(view_class, SpreadsheetExportMixin) and "<" not in route.route)


def admin_urls() -> list[str]:
    urls = []
    for route in routes():
        if not route.route.startswith("admin/") or route.name in NOT_WALKED:
            continue
        for url in urls_of(route):
            urls.append(url)
            if offers_export(route):
                urls.extend([f"{url}?export=csv", f"{url}?export=xlsx"])
    searches = [
        "/admin/pages/search/?q=published",
        "/admin/pages/search/?q=draft",
        "/admin/snippets/core/memberorganisation/?q=circle",
        "/admin/snippets/choose/core/memberorganisation/?q=circle",
        "/admin/snippets/campaigns/participatinggroup/?q=group",
        "/admin/snippets/campaigns/activity/?q=picket",
        "/admin/snippets/campaigns/countrycontact/?q=contact",
        "/admin/snippets/calls/signature/?kind=organisation",
        "/admin/questions/?inbox=all",
        "/admin/choose-page/search/?q=published",
        "/admin/api/main/pages/?search=published",
    ]
    sign_up_lists = [
        f"/admin/snippets/campaigns/activity/sign-ups/{pk}/?export=csv"
        for pk in ids(apps.get_model("campaigns", "activity"))
    ]
    call_exports = [
        f"/admin/snippets/calls/signature/export/?call={key}&export=csv"
        for key in apps.get_model("calls", "signature").objects.values_list("call_key", flat=True).distinct()
    ]
    return urls + searches + sign_up_lists + call_exports + bulk_action_urls()


def bulk_action_urls() -> list[str]:
    """Every bulk action's confirmation, with every row of its model (every walked page) chosen at once, and
    with each one alone."""
    from django.apps import apps
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    urls = []
    bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")  # the registry reads the hooks once
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            model = apps.get_model(app_label, model_name)
            chosen = walked_pages() if model is Page else ids(model)
            query = "&".join(f"id={pk}" for pk in chosen)
            for action in actions:
                urls.append(f"/admin/bulk/{app_label}/{model_name}/{action}/?{query}")
                urls.extend(f"/admin/bulk/{app_label}/{model_name}/{action}/?id={pk}" for pk in chosen)
    return urls


def text_of(response: Any) -> str:
    """The body as text: a streamed CSV joined, a spreadsheet's cells read."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(io.BytesIO(body)).active
        return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    # A public call's preview holds its public sign form, whose member choice is the network's public directory
    # (every member organisation, of every country, as on the Members page): not a record of anyone's countries.
    return PUBLIC_MEMBER_CHOICE.sub("", body.decode("utf-8", errors="replace"))


PUBLIC_MEMBER_CHOICE = re.compile(r'<select name="member"[^>]*>.*?</select>', re.DOTALL)


def walk(user: Any) -> dict[str, tuple[int, str]]:
    """Every admin URL as ``user``: its status and, for a 200, its text (lower case)."""
    client = Client(raise_request_exception=False)
    login_staff(client, user)
    seen = {}
    for url in admin_urls():
        response = client.get(url)
        seen[url] = (response.status_code, text_of(response).lower() if response.status_code == 200 else "")
    return seen


@pytest.fixture(scope="module")
def coordinator_walk(network, django_db_blocker):
    with django_db_blocker.unblock():
        return walk(network["coordinator"])


@pytest.fixture(scope="module")
def editor_walk(network, django_db_blocker):
    with django_db_blocker.unblock():
        return walk(network["editor"])


def test_the_walk_reaches_many_urls_and_none_fails(coordinator_walk):
    failed = sorted(url for url, (status, _text) in coordinator_walk.items() if status >= 500)

    assert len(coordinator_walk) > 300
    assert failed == []


def test_the_belarus_coordinator_finds_nothing_of_russia(coordinator_walk):
    showing = sorted(url for url, (status, text) in coordinator_walk.items() if RUSSIA in text)

    assert showing == []


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/core/memberorganisation/",
        "/admin/snippets/core/memberorganisation/?export=csv",
        "/admin/snippets/core/memberorganisation/?export=xlsx",
        "/admin/translations/",
        "/admin/",
        "/admin/pages/search/?q=published",
    ],
)
def test_the_belarus_coordinator_finds_belarus_in_their_listings(coordinator_walk, url):
    assert BELARUS in coordinator_walk[url][1]


CAMPAIGN_LISTINGS = [
    "/admin/snippets/campaigns/participatinggroup/",
    "/admin/snippets/campaigns/participatinggroup/?q=group",
    "/admin/snippets/campaigns/activity/",
    "/admin/snippets/campaigns/activity/?q=picket",
    "/admin/snippets/campaigns/signup/",
    "/admin/snippets/campaigns/countrycontact/",
    "/admin/snippets/campaigns/countrycontact/?q=contact",
]
CALL_LISTINGS = ["/admin/snippets/calls/signature/", "/admin/snippets/calls/signature/?kind=organisation"]


@pytest.mark.parametrize("url", CAMPAIGN_LISTINGS)
def test_the_belarus_coordinator_finds_belarus_in_the_campaigns_listings(coordinator_walk, url):
    assert BELARUS in coordinator_walk[url][1]


def campaign_record_urls(network: Any, code: str) -> dict[str, str]:
    records = network[code]
    base = "/admin/snippets/campaigns"
    return {
        "decide group": f"{base}/participatinggroup/decide/{records['group'].pk}/",
        "edit group": f"{base}/participatinggroup/edit/{records['group'].pk}/",
        "decide activity": f"{base}/activity/decide/{records['activity'].pk}/",
        "edit activity": f"{base}/activity/edit/{records['activity'].pk}/",
        "sign-ups": f"{base}/activity/sign-ups/{records['activity'].pk}/",
        "sign-ups csv": f"{base}/activity/sign-ups/{records['activity'].pk}/?export=csv",
        "sign-up": f"{base}/signup/inspect/{records['sign_up'].pk}/",
        "contact": f"{base}/countrycontact/edit/{records['contact'].pk}/",
        "contact inspect": f"{base}/countrycontact/inspect/{records['contact'].pk}/",
        "message": f"/admin/questions/{records['message'].pk}/",
    }


def test_the_questions_inbox_lists_the_coordinators_countries_only_and_all_for_the_editor(
    coordinator_walk, editor_walk, network
):
    mine, theirs = (f"/admin/questions/{network[code]['message'].pk}/" for code in ("BY", "RU"))

    assert mine in coordinator_walk["/admin/questions/"][1]
    assert theirs not in coordinator_walk["/admin/questions/"][1]
    assert theirs not in coordinator_walk["/admin/questions/?inbox=all"][1]
    assert (
        mine in editor_walk["/admin/questions/?inbox=all"][1]
        and theirs in editor_walk["/admin/questions/?inbox=all"][1]
    )


def test_the_belarus_coordinator_opens_the_campaign_records_of_belarus(coordinator_walk, network):
    answered = {what: coordinator_walk[url] for what, url in campaign_record_urls(network, "BY").items()}

    assert {what: status for what, (status, _text) in answered.items() if status != 200} == {}
    assert {what for what, (_status, text) in answered.items() if BELARUS not in text} == set()


def test_the_direct_urls_of_russian_campaign_records_are_refused(coordinator_walk, network):
    answered = {what: coordinator_walk[url][0] for what, url in campaign_record_urls(network, "RU").items()}

    assert {what: status for what, status in answered.items() if status not in (302, 403, 404)} == {}


def call_urls(network: Any, code: str) -> dict[str, str]:
    records = network[code]
    base = "/admin/snippets/calls/signature"
    return {
        "signature": f"{base}/inspect/{records['signature'].pk}/",
        "organisation": f"{base}/inspect/{records['call_organisation'].pk}/",
        "check": f"{base}/check/{records['call_organisation'].pk}/",
        "history": f"{base}/history/{records['call_organisation'].pk}/",
    }


def test_the_belarus_coordinator_finds_belarus_in_the_signatures_and_their_export(coordinator_walk, network):
    export = f"/admin/snippets/calls/signature/export/?call={network['call'].call_key}&export=csv"
    answered = {what: coordinator_walk[url] for what, url in call_urls(network, "BY").items()}

    for url in [*CALL_LISTINGS, export]:
        assert BELARUS in coordinator_walk[url][1], url
    assert {what: status for what, (status, _text) in answered.items() if status != 200} == {}
    assert {what for what, (_status, text) in answered.items() if BELARUS not in text} == set()


def test_the_direct_urls_of_russian_signatures_are_refused(coordinator_walk, network):
    answered = {what: coordinator_walk[url][0] for what, url in call_urls(network, "RU").items()}

    assert {what: status for what, status in answered.items() if status not in (302, 403, 404)} == {}


def test_the_editor_finds_russia_in_the_signatures_and_their_export(editor_walk, network):
    export = f"/admin/snippets/calls/signature/export/?call={network['call'].call_key}&export=csv"
    for url in [*CALL_LISTINGS, export, *call_urls(network, "RU").values()]:
        assert RUSSIA in editor_walk[url][1], url


def test_the_editor_finds_russia_in_the_campaigns_listings_and_records(editor_walk, network):
    for url in [*CAMPAIGN_LISTINGS, *campaign_record_urls(network, "RU").values()]:
        assert RUSSIA in editor_walk[url][1], url


def test_the_belarus_coordinator_finds_belarus_only_among_the_country_introductions(coordinator_walk, network):
    """The listing shows a country and a language, not the text: it links to Belarus's introduction alone."""
    listing = coordinator_walk["/admin/snippets/core/countryintroduction/"][1]
    inspect = "/admin/snippets/core/countryintroduction/inspect/{}/"

    assert inspect.format(network["BY"]["introduction"].pk) in listing
    assert inspect.format(network["RU"]["introduction"].pk) not in listing
    assert BELARUS in coordinator_walk[inspect.format(network["BY"]["introduction"].pk)][1]


def test_the_belarus_coordinator_finds_their_stories_in_the_story_index(coordinator_walk, network):
    index = network["BY"]["published"].get_parent()

    assert BELARUS in coordinator_walk[f"/admin/pages/{index.pk}/"][1]


def test_the_editor_walk_finds_russia_where_the_coordinator_found_none(editor_walk, network):
    """The markers are findable: the same walk as an editor shows them, in listings and exports too."""
    index = network["RU"]["published"].get_parent()
    failed = sorted(url for url, (status, _text) in editor_walk.items() if status >= 500)

    assert failed == []
    for url in (
        f"/admin/pages/{index.pk}/",
        "/admin/pages/search/?q=published",
        "/admin/snippets/core/memberorganisation/",
        "/admin/snippets/core/memberorganisation/?export=csv",
        "/admin/snippets/core/memberorganisation/?export=xlsx",
        "/admin/translations/",
        f"/admin/snippets/core/countryintroduction/edit/{network['RU']['introduction'].pk}/",
        f"/admin/images/usage/{network['image'].pk}/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/page-types-usage/",
        "/admin/reports/aging-pages/",
        "/admin/pages/usage/stories/storypage/",
        "/admin/api/main/pages/?search=published",
        "/admin/choose-page/search/?q=published",
        "/admin/bulk/wagtailcore/page/delete/?id={}".format(network["RU"]["draft"].pk),
        "/admin/",
    ):
        assert RUSSIA in editor_walk[url][1], url


PAGE_VIEWS = [
    "/admin/pages/{pk}/edit/",
    "/admin/pages/{pk}/delete/",
    "/admin/pages/{pk}/revisions/",
    "/admin/pages/{pk}/history/",
    "/admin/pages/{pk}/edit/preview/",
    "/admin/pages/{pk}/view_draft/",
    "/admin/pages/{pk}/revisions/compare/earliest...latest/",
    "/admin/pages/{pk}/copy/",
    "/admin/pages/{pk}/move/",
    "/admin/pages/{pk}/lock/",
    "/admin/pages/{pk}/unlock/",
    "/admin/pages/{pk}/workflow_history/",
    "/admin/pages/{pk}/unpublish/",
    "/admin/pages/{pk}/usage/",
    "/admin/pages/{pk}/privacy/",
    "/admin/api/main/pages/{pk}/",
]


@pytest.mark.parametrize("which", ["published", "draft"])
def test_the_direct_urls_of_a_russian_story_are_refused(coordinator_walk, network, which):
    pk = network["RU"][which].pk
    answered = {url.format(pk=pk): coordinator_walk[url.format(pk=pk)][0] for url in PAGE_VIEWS}

    assert {url: status for url, status in answered.items() if status not in (302, 403, 404)} == {}


def test_the_direct_urls_of_a_belarusian_story_open(coordinator_walk, network):
    pk = network["BY"]["draft"].pk

    assert coordinator_walk[f"/admin/pages/{pk}/edit/"][0] == 200
    assert coordinator_walk[f"/admin/pages/{pk}/history/"][0] == 200
    assert coordinator_walk[f"/admin/pages/{pk}/revisions/compare/earliest...latest/"][0] == 200


@pytest.mark.parametrize("record", ["organisation", "introduction"])
def test_the_direct_urls_of_a_russian_snippet_are_refused(coordinator_walk, network, record):
    instance = network["RU"][record]
    base = f"/admin/snippets/core/{instance._meta.model_name}"
    answered = {
        url: coordinator_walk[url][0]
        for url in (
            f"{base}/{view}/{instance.pk}/" for view in ("edit", "delete", "usage", "history", "copy", "inspect")
        )
    }

    assert {url: status for url, status in answered.items() if status not in (302, 403, 404)} == {}


def test_a_bulk_action_on_a_russian_story_is_refused_and_on_a_belarusian_one_offered(coordinator_walk, network):
    russian, belarusian = network["RU"]["draft"].pk, network["BY"]["draft"].pk

    assert coordinator_walk[f"/admin/bulk/wagtailcore/page/delete/?id={russian}"][0] == 404
    assert coordinator_walk[f"/admin/bulk/wagtailcore/page/delete/?id={belarusian}"][0] == 200


def test_a_country_coordinator_may_not_change_pages_of_no_country(coordinator_walk, network):
    index = network["BY"]["published"].get_parent()
    home = index.get_parent()

    assert coordinator_walk[f"/admin/pages/{index.pk}/edit/"][0] in (302, 403)
    assert coordinator_walk[f"/admin/pages/{home.pk}/edit/"][0] in (302, 403)
    assert coordinator_walk[f"/admin/pages/{index.pk}/add_subpage/"][0] in (200, 302)
    assert coordinator_walk[f"/admin/pages/add/stories/storypage/{index.pk}/"][0] == 200
    assert coordinator_walk[f"/admin/pages/add/home/homepage/{home.pk}/"][0] in (302, 403, 404)
