"""The audit log: who did what and when, for administrators only, filterable, exported (and audited), never edited."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from solidarity.core.roles import COORDINATORS, EDITORS
from solidarity.staff.audit import audit
from solidarity.staff.services import staff_access_set
from solidarity.staff.signals import AuditLogIsAppendOnly
from tests.staff_login import login_staff

pytestmark = pytest.mark.django_db

URL = "/admin/reports/audit-log/"


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser(username="root", email="root@example.org", password="x")


@pytest.fixture
def staff(django_user_model, admin):
    """An editor and a coordinator for Russia, their roles set by the administrator (so the log has entries)."""
    editor = django_user_model.objects.create_user(username="ed", email="ed@example.org", password="x")
    coordinator = django_user_model.objects.create_user(username="co", email="co@example.org", password="x")
    staff_access_set(editor, [Group.objects.get(name=EDITORS.group)], False, [], by=admin)
    staff_access_set(coordinator, [Group.objects.get(name=COORDINATORS.group)], False, ["RU"], by=admin)
    return {"editor": editor, "coordinator": coordinator}


def test_an_entry_says_who_did_what_to_what_and_when(admin, staff):
    before = timezone.now()
    entry = audit(staff["editor"], "solidarity.export", user=admin, data={"what": "stories"})

    assert entry.user == admin
    assert entry.action == "solidarity.export"
    assert entry.object_id == str(staff["editor"].pk)
    assert entry.content_type.model == "user"
    assert before <= entry.timestamp <= timezone.now()


def test_an_administrator_sees_the_audited_actions_newest_first(client, admin, staff):
    ModelLogEntry.objects.log_action(staff["editor"], "wagtail.edit", user=admin)  # not an audited action
    login_staff(client, admin)

    response = client.get(URL)

    assert response.status_code == 200
    entries = response.context["object_list"]
    actions = [entry.action for entry in entries]
    assert "wagtail.edit" not in actions
    assert actions.count("solidarity.roles_changed") == 2
    assert "solidarity.countries_changed" in actions
    assert [entry.timestamp for entry in entries] == sorted((entry.timestamp for entry in entries), reverse=True)
    assert "Country coordinators" in response.text  # the details of a roles change
    assert "Audit log" in response.text


def test_the_audit_log_lists_page_entries_too(client, admin, site_tree):
    PageLogEntry.objects.log_action(site_tree, "wagtail.publish", user=admin)
    login_staff(client, admin)

    entries = client.get(URL).context["object_list"]

    assert any(isinstance(entry, PageLogEntry) and entry.action == "wagtail.publish" for entry in entries)


def test_an_administrator_filters_by_action_user_and_date(client, admin, staff):
    audit(staff["editor"], "solidarity.export", user=staff["editor"], data={})
    login_staff(client, admin)
    today = timezone.localdate().isoformat()

    by_action = client.get(URL, {"action": "solidarity.countries_changed"}).context["object_list"]
    by_user = client.get(URL, {"user": staff["editor"].pk}).context["object_list"]
    in_range = client.get(URL, {"timestamp_from": today, "timestamp_to": today}).context["object_list"]
    long_ago = client.get(URL, {"timestamp_to": "2000-01-01"}).context["object_list"]

    assert {entry.action for entry in by_action} == {"solidarity.countries_changed"}
    assert [(entry.action, entry.user) for entry in by_user] == [("solidarity.export", staff["editor"])]
    assert len(in_range) >= 4
    assert list(long_ago) == []


def test_an_administrator_filters_by_object_type(client, admin, staff, site_tree):
    PageLogEntry.objects.log_action(site_tree, "wagtail.publish", user=admin)
    login_staff(client, admin)
    user_type = ModelLogEntry.objects.filter(action="solidarity.roles_changed").first().content_type

    entries = client.get(URL, {"object_type": user_type.pk}).context["object_list"]

    assert entries and all(entry.content_type == user_type for entry in entries)


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_export_is_itself_audited(client, admin, staff, export):
    login_staff(client, admin)

    response = client.get(URL, {"export": export, "action": "solidarity.roles_changed"})
    content = b"".join(response.streaming_content) if response.streaming else response.content

    assert response.status_code == 200
    assert content
    exports = ModelLogEntry.objects.filter(action="solidarity.export", user=admin)
    assert [entry.data["format"] for entry in exports] == [export]
    assert exports[0].data["filters"] == {"action": ["solidarity.roles_changed"]}


def test_the_csv_has_the_details(client, admin, staff):
    login_staff(client, admin)

    response = client.get(URL, {"export": "csv", "action": "solidarity.countries_changed"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))

    assert [row["Details"] for row in rows] == ["— → RU"]
    assert rows[0]["User"] == admin.get_username()


@pytest.mark.parametrize("role", ["editor", "coordinator"])
def test_nobody_else_sees_the_audit_log(client, staff, role):
    login_staff(client, staff[role])

    assert client.get(URL).status_code == 403
    assert client.get(URL + "results/").status_code == 403
    assert client.get(URL, {"export": "csv"}).status_code == 403
    assert "audit-log" not in client.get("/admin/").text


def test_an_administrator_has_it_in_the_reports_menu(client, admin):
    login_staff(client, admin)

    assert URL in client.get("/admin/").text


def test_an_entry_cannot_be_changed(admin, staff):
    entry = ModelLogEntry.objects.filter(action="solidarity.roles_changed").first()
    entry.data = {"before": "forged"}

    with pytest.raises(AuditLogIsAppendOnly):
        entry.save()
    assert ModelLogEntry.objects.get(pk=entry.pk).data != {"before": "forged"}


def test_an_entry_cannot_be_deleted(admin, staff, site_tree):
    page_entry = PageLogEntry.objects.log_action(site_tree, "wagtail.publish", user=admin)

    with pytest.raises(AuditLogIsAppendOnly), transaction.atomic():
        ModelLogEntry.objects.filter(action="solidarity.roles_changed").first().delete()
    with pytest.raises(AuditLogIsAppendOnly), transaction.atomic():
        ModelLogEntry.objects.all().delete()
    with pytest.raises(AuditLogIsAppendOnly), transaction.atomic():
        page_entry.delete()
    assert ModelLogEntry.objects.filter(action="solidarity.roles_changed").count() == 2


def test_deleting_a_user_or_a_page_keeps_their_entries(admin, staff, site_tree):
    from solidarity.stories.models import StoryIndexPage

    staff["editor"].delete()
    index = StoryIndexPage.objects.child_of(site_tree).first()
    PageLogEntry.objects.log_action(index, "wagtail.publish", user=admin)
    index.delete()

    assert ModelLogEntry.objects.filter(object_id=str(staff["coordinator"].pk)).exists()
    assert ModelLogEntry.objects.filter(action="solidarity.roles_changed").count() == 2
    assert PageLogEntry.objects.filter(page_id=index.pk, action="wagtail.publish").exists()


def test_an_entry_made_with_request_users_lazy_object_names_the_real_user(django_user_model):
    """Wagtail's ``log()`` writes nothing for a lazy object; ``audit`` gives it the real one."""
    from django.utils.functional import SimpleLazyObject

    account = django_user_model.objects.create_user("lazy", password="a long password 123")
    lazy = SimpleLazyObject(lambda: django_user_model.objects.get(pk=account.pk))
    audit(lazy, "solidarity.export", user=lazy)
    entry = ModelLogEntry.objects.get(action="solidarity.export")
    assert (entry.user_id, entry.object_id) == (account.pk, str(account.pk))
