"""The one gate (``core.access``): whose countries, which records, which pages, rule by rule."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.http import QueryDict
from wagtail.models import Page

from solidarity.core import access
from solidarity.core.models import Country, MemberOrganisation
from solidarity.core.services import organisation_create
from solidarity.stories.models import StoryIndexPage, StoryPage
from tests.factories import StoryPageFactory, staff_member
from tests.shared import shared_data

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(request, django_db_setup, django_db_blocker):
    with shared_data(request, django_db_blocker):
        yield {
            "ru_story": StoryPageFactory(title="Moscow story", countries=["RU"], publish=False),
            "by_story": StoryPageFactory(title="Minsk story", countries=["BY"], publish=False),
            "both_story": StoryPageFactory(title="Border story", countries=["RU", "BY"], publish=False),
            "ru_org": organisation_create(name="Moscow circle", country="RU"),
            "by_org": organisation_create(name="Minsk circle", country="BY"),
            "index": StoryIndexPage.objects.get(locale__language_code="en"),
        }


@pytest.fixture
def coordinator(world):
    return staff_member("coordinator", "Country coordinators", ["BY"])


@pytest.fixture
def editor(world):
    return staff_member("editor", "Editors")


# country_scope


def test_a_superuser_answers_for_every_country(world, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "a long password 123")

    assert access.country_scope(admin) is access.ALL_COUNTRIES


def test_an_editor_answers_for_every_country(editor):
    assert access.country_scope(editor) is access.ALL_COUNTRIES
    assert not access.is_country_scoped(editor)


def test_a_coordinator_answers_for_their_countries(coordinator):
    assert access.country_scope(coordinator) == {"BY"}
    assert access.is_country_scoped(coordinator)


def test_a_coordinator_without_countries_answers_for_none(world):
    nobody = staff_member("coordinator", "Country coordinators")

    assert access.country_scope(nobody) == frozenset()


@pytest.mark.parametrize("group", ["Translators", "Moderators"])
def test_a_role_that_is_not_country_scoped_is_not_narrowed_by_countries(world, group):
    """A translator translates every country's pages; what a role may see at all is its permissions' business."""
    translator = staff_member(group.lower(), group)

    assert access.country_scope(translator) is access.ALL_COUNTRIES
    assert not access.is_country_scoped(translator)


def test_a_coordinator_who_is_also_a_translator_stays_scoped_to_their_countries(world):
    both = staff_member("both", "Country coordinators", ["BY"])
    both.groups.add(Group.objects.get(name="Translators"))

    assert access.country_scope(both) == {"BY"}


def test_a_user_in_no_role_answers_for_no_country(world):
    """Every country is given by a role (or the administrator's box), never by default."""
    nobody = staff_member("nobody")

    assert access.country_scope(nobody) == frozenset()


def test_an_inactive_coordinator_answers_for_none(world):
    gone = staff_member("coordinator", "Country coordinators", ["BY"], is_active=False)

    assert access.country_scope(gone) == frozenset()


def test_an_inactive_editor_answers_for_none(world):
    gone = staff_member("editor", "Editors", is_active=False)

    assert access.country_scope(gone) == frozenset()


def test_an_anonymous_visitor_answers_for_none():
    assert access.country_scope(AnonymousUser()) == frozenset()
    assert access.country_scope(None) == frozenset()


# visible_to


def test_visible_to_on_many_countries_keeps_the_coordinators_stories_once(world, coordinator):
    stories = access.visible_to(coordinator, StoryPage.objects.all())

    assert sorted(story.title for story in stories) == ["Border story", "Minsk story"]


def test_visible_to_on_many_countries_keeps_every_story_for_an_editor(world, editor):
    assert access.visible_to(editor, StoryPage.objects.all()).count() == StoryPage.objects.count()


def test_visible_to_on_one_country_keeps_the_coordinators_organisations(world, coordinator):
    organisations = access.visible_to(coordinator, MemberOrganisation.objects.all())

    assert list(organisations) == [world["by_org"]]


def test_visible_to_is_empty_for_a_coordinator_without_countries(world):
    nobody = staff_member("coordinator", "Country coordinators")

    assert not access.visible_to(nobody, MemberOrganisation.objects.all()).exists()
    assert not access.visible_to(nobody, StoryPage.objects.all()).exists()


def test_a_model_that_does_not_say_its_countries_is_an_error(world, coordinator):
    with pytest.raises(TypeError):
        access.visible_to(coordinator, Page.objects.all())


# may_see / may_change


def test_a_coordinator_may_see_an_organisation_of_their_country_and_not_of_another(world, coordinator):
    assert access.may_see(coordinator, world["by_org"])
    assert not access.may_see(coordinator, world["ru_org"])


def test_a_coordinator_may_not_change_an_organisation_without_the_change_permission(world, coordinator):
    assert not access.may_change(coordinator, world["by_org"])


def test_an_editor_may_see_and_change_every_countrys_organisation(world, editor):
    assert access.may_see(editor, world["ru_org"])
    assert access.may_change(editor, world["ru_org"])


def test_without_the_models_permission_nobody_sees_the_record(world):
    moderator = staff_member("moderator", "Moderators", ["BY"])

    assert not access.may_see(moderator, world["by_org"])


def test_a_record_of_no_country_is_for_those_who_answer_for_every_country(world, coordinator, editor):
    nowhere = MemberOrganisation(name="Nowhere circle")  # not saved: no country yet

    assert access.may_see(editor, nowhere)
    assert not access.may_see(coordinator, nowhere)


# pages


def test_a_coordinator_sees_their_stories_and_the_pages_of_no_country(world, coordinator):
    pages = access.pages_visible_to(coordinator, Page.objects.all())

    assert world["by_story"].pk in set(pages.values_list("pk", flat=True))
    assert world["both_story"].pk in set(pages.values_list("pk", flat=True))
    assert world["index"].pk in set(pages.values_list("pk", flat=True))
    assert world["ru_story"].pk not in set(pages.values_list("pk", flat=True))


def test_a_coordinator_edits_their_countrys_story_only(world, coordinator):
    assert world["by_story"].permissions_for_user(coordinator).can_edit()
    assert world["both_story"].permissions_for_user(coordinator).can_edit()
    assert not world["ru_story"].permissions_for_user(coordinator).can_edit()
    assert not Page.objects.get(pk=world["ru_story"].pk).permissions_for_user(coordinator).can_edit()


def test_a_coordinator_changes_no_page_of_no_country_but_adds_a_story_below_the_index(world, coordinator):
    index = world["index"].permissions_for_user(coordinator)
    home = world["index"].get_parent().specific.permissions_for_user(coordinator)

    assert not index.can_edit()
    assert index.can_add_subpage()
    assert not home.can_edit()
    assert not home.can_add_subpage()


def test_a_coordinator_never_publishes(world, coordinator):
    assert not world["by_story"].permissions_for_user(coordinator).can_publish()


def test_an_editor_edits_every_story(world, editor):
    assert world["ru_story"].permissions_for_user(editor).can_edit()


# the story form of a coordinator


def scope_errors(story: StoryPage, user, ticked: list[str]) -> list[str]:
    form = StoryPage.get_edit_handler().get_form_class()(instance=story, for_user=user)
    return form.country_scope_errors({"countries": Country.objects.filter(code__in=ticked)})


def test_a_coordinator_ticks_one_of_their_countries(world, coordinator):
    assert scope_errors(world["by_story"], coordinator, ["BY"]) == []
    assert scope_errors(world["by_story"], coordinator, ["BY", "UA"]) == []


def test_a_coordinator_may_not_make_a_story_of_other_countries_only(world, coordinator):
    errors = scope_errors(world["by_story"], coordinator, ["UA"])

    assert errors == ["Tick at least one of the countries you answer for: Belarus."]


def test_a_coordinator_may_not_take_another_coordinators_country_off_a_story(world, coordinator):
    errors = scope_errors(world["both_story"], coordinator, ["BY"])

    assert errors == ["These countries stay ticked: only their coordinators may untick them: Russia."]


def test_an_editor_ticks_any_country(world, editor):
    assert scope_errors(world["both_story"], editor, ["UA"]) == []


# admin addresses


def test_a_coordinator_may_not_open_the_reports_of_every_record(world, coordinator, editor):
    assert not access.may_open_admin_view(coordinator, "wagtailadmin_reports:site_history", (), {})
    assert not access.may_open_admin_view(coordinator, "wagtailadmin_reports:page_types_usage", (), {})
    assert access.may_open_admin_view(editor, "wagtailadmin_reports:site_history", (), {})


def test_a_coordinator_may_not_open_an_address_naming_another_countrys_page(world, coordinator):
    ru, by = world["ru_story"].pk, world["by_story"].pk

    assert not access.may_open_admin_view(coordinator, "wagtailadmin_explore", (), {"parent_page_id": ru})
    assert not access.may_open_admin_view(coordinator, "wagtailadmin_api:pages:detail", (), {"pk": ru})
    assert not access.may_open_admin_view(coordinator, "wagtailadmin_pages:revisions_compare", (str(ru),), {})
    assert access.may_open_admin_view(coordinator, "wagtailadmin_explore", (), {"parent_page_id": by})
    assert access.may_open_admin_view(coordinator, "wagtailadmin_explore", (), {"parent_page_id": world["index"].pk})


def test_a_coordinator_reads_the_admin_apis_pages_only_as_the_page_tree(world, coordinator):
    assert not access.may_open_admin_view(coordinator, "wagtailadmin_api:pages:listing", (), {}, QueryDict(""))
    assert access.may_open_admin_view(
        coordinator, "wagtailadmin_api:pages:listing", (), {}, QueryDict("child_of=3&for_explorer=1")
    )


@pytest.mark.parametrize(
    ("app_label", "model_name", "chosen", "allowed"),
    [
        ("wagtailcore", "page", ["by_story"], True),
        ("wagtailcore", "page", ["by_story", "ru_story"], False),
        ("core", "memberorganisation", ["by_org"], True),
        ("core", "memberorganisation", ["ru_org"], False),
        ("core", "memberorganisation", ["all"], False),
    ],
)
def test_a_coordinators_bulk_action_only_on_their_countrys_records(
    world, coordinator, app_label, model_name, chosen, allowed
):
    query = QueryDict(mutable=True)
    query.setlist("id", [name if name == "all" else str(world[name].pk) for name in chosen])
    kwargs = {"app_label": app_label, "model_name": model_name, "action": "delete"}

    assert access.may_open_admin_view(coordinator, "wagtail_bulk_action", (), kwargs, query) is allowed


def test_a_bulk_action_on_an_id_that_is_no_number_is_refused_not_an_error(world, coordinator):
    query = QueryDict(mutable=True)
    query.setlist("id", ["²"])  # a digit to Python, not to int()
    kwargs = {"app_label": "core", "model_name": "memberorganisation", "action": "delete"}

    assert access.may_open_admin_view(coordinator, "wagtail_bulk_action", (), kwargs, query) is False


def test_a_coordinator_may_not_ask_the_admin_api_whether_a_page_exists(world, coordinator, editor):
    assert not access.may_open_admin_view(coordinator, "wagtailadmin_api:pages:find", (), {}, QueryDict("id=1"))
    assert access.may_open_admin_view(editor, "wagtailadmin_api:pages:find", (), {}, QueryDict("id=1"))


# translators


@pytest.fixture
def translator(world):
    return staff_member("translator", "Translators")


def test_a_translator_edits_and_submits_but_adds_deletes_and_publishes_no_page(world, translator):
    permissions = world["by_story"].permissions_for_user(translator)

    assert access.writes_translations_only(translator)
    assert permissions.can_edit() and permissions.can_submit_for_moderation()
    assert not permissions.can_delete() and not permissions.can_publish() and not permissions.can_unpublish()
    assert not world["index"].permissions_for_user(translator).can_add_subpage()


def test_a_translator_who_is_also_an_editor_is_an_editor(world, translator):
    translator.groups.add(Group.objects.get(name="Editors"))
    access.forget_scope(translator)

    assert not access.writes_translations_only(translator)
    assert world["by_story"].permissions_for_user(translator).can_delete()


def test_nobody_is_refused_an_address_before_logging_in(world):
    assert access.may_open_admin_view(AnonymousUser(), "wagtailadmin_reports:site_history", (), {})
