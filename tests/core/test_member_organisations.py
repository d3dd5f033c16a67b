"""Member organisations and country introductions: their rules, through the services and the admin's snippets."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from solidarity.core.models import CountryIntroduction, MemberOrganisation
from solidarity.core.queries import countries_with_members
from solidarity.core.services import country_introduction_set, organisation_create, organisation_update

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/core/memberorganisation/add/"
LIST_URL = "/admin/snippets/core/memberorganisation/"


def test_an_organisation_is_created_with_its_descriptions_and_a_log_entry():
    organisation = organisation_create(
        name="  Minsk   Observers’ Circle ",
        country="by",
        city="Minsk",
        year_joined=2015,
        descriptions={"en": "Trial monitors.", "ru": "Наблюдатели в судах.", "de": "  "},
    )

    assert organisation.name == "Minsk Observers’ Circle"
    assert organisation.country_id == "BY"
    assert sorted(organisation.descriptions.values_list("language", "text")) == [
        ("en", "Trial monitors."),
        ("ru", "Наблюдатели в судах."),
    ]
    assert ModelLogEntry.objects.filter(object_id=str(organisation.pk), action="wagtail.create").exists()


@pytest.mark.parametrize("year", [1899, timezone.localdate().year + 1])
def test_a_year_joined_before_1900_or_in_the_future_is_refused(year):
    with pytest.raises(ValidationError) as error:
        organisation_create(name="Steppe Monitoring Group", country="KZ", year_joined=year)

    assert "year_joined" in error.value.message_dict
    assert not MemberOrganisation.objects.exists()


def test_this_years_member_is_accepted():
    organisation = organisation_create(name="New Group", country="KZ", year_joined=timezone.localdate().year)

    assert organisation.year_joined == timezone.localdate().year


def test_two_organisations_cannot_share_a_name():
    organisation_create(name="Steppe Monitoring Group", country="KZ")

    with pytest.raises(ValidationError) as error:
        organisation_create(name="Steppe Monitoring Group", country="KG")

    assert "name" in error.value.message_dict


@pytest.mark.parametrize("address", ["javascript:alert(1)", "minsk-observers", "data:text/html,hi"])
def test_a_website_must_be_a_web_address(address):
    with pytest.raises(ValidationError) as error:
        organisation_create(name="Minsk Observers’ Circle", country="BY", website=address)

    assert "website" in error.value.message_dict


def test_an_organisation_needs_a_real_country():
    with pytest.raises(ValueError, match="ZZ"):
        organisation_create(name="Nowhere Group", country="zz")


def test_a_description_in_a_language_the_site_does_not_have_is_refused():
    with pytest.raises(ValidationError):
        organisation_create(name="Tbilisi Group", country="GE", descriptions={"ka": "ტექსტი"})

    assert not MemberOrganisation.objects.exists()


def test_an_update_replaces_one_language_and_an_empty_text_removes_one():
    organisation = organisation_create(name="Tbilisi Group", country="GE", descriptions={"en": "Old.", "ru": "Старое."})

    organisation_update(organisation=organisation, city="Tbilisi", descriptions={"en": "New.", "ru": ""})

    organisation.refresh_from_db()
    assert organisation.city == "Tbilisi"
    assert list(organisation.descriptions.values_list("language", "text")) == [("en", "New.")]
    assert ModelLogEntry.objects.filter(object_id=str(organisation.pk), action="wagtail.edit").exists()


@pytest.mark.parametrize(
    ("written", "reader", "shown"),
    [
        ({"en": "English.", "ru": "Русский."}, "ru", "Русский."),
        ({"en": "English.", "ru": "Русский."}, "de", "English."),
        ({"ru": "Русский.", "uk": "Українська."}, "fr", "Русский."),  # no English: the first in the site's order
        ({"uk": "Українська."}, "en", "Українська."),
    ],
)
def test_a_description_is_in_the_readers_language_else_english_else_any(written, reader, shown):
    organisation = organisation_create(name="Chisinau Group", country="MD", descriptions=written)

    assert organisation.description_in(reader).text == shown


def test_an_organisation_without_a_description_has_none():
    organisation = organisation_create(name="Chisinau Group", country="MD")

    assert organisation.description_in("en") is None


# ---------------------------------------------------------------------------------------------
# Country introductions
# ---------------------------------------------------------------------------------------------


def test_an_introduction_is_set_once_per_country_and_language_and_translations_share_a_key(site_tree):
    english = country_introduction_set(country="GE", language="en", text="<p>First.</p>")
    again = country_introduction_set(country="GE", language="en", text="<p>Second.</p>")
    russian = country_introduction_set(country="GE", language="ru", text="<p>Второе.</p>")

    assert again.pk == english.pk
    assert CountryIntroduction.objects.get(pk=english.pk).text == "<p>Second.</p>"
    assert russian.translation_key == english.translation_key
    assert CountryIntroduction.objects.count() == 2


def test_two_introductions_of_one_country_in_one_language_are_refused(site_tree):
    country_introduction_set(country="GE", language="en", text="<p>First.</p>")
    locale = Locale.objects.get(language_code="en")

    with pytest.raises(ValidationError):
        CountryIntroduction(country_id="GE", locale=locale, text="<p>Another.</p>").full_clean()


# ---------------------------------------------------------------------------------------------
# The admin's snippets
# ---------------------------------------------------------------------------------------------


def organisation_form(*, descriptions: list[dict] | None = None, **changes) -> dict:
    data = {
        "name": "Caspian Rights Monitor",
        "country": "az",
        "city": "Baku",
        "website": "https://caspian-rights.example.org/",
        "logo": "",
        "year_joined": "2012",
        "descriptions": inline_formset(
            descriptions if descriptions is not None else [{"language": "en", "text": "Press freedom monitors."}]
        ),
    }
    data.update(changes)
    return nested_form_data(data)


def test_an_editor_adds_an_organisation_with_a_description(client, editor):
    response = client.post(ADD_URL, organisation_form())

    assert response.status_code == 302
    organisation = MemberOrganisation.objects.get(name="Caspian Rights Monitor")
    assert organisation.country_id == "AZ"
    assert list(organisation.descriptions.values_list("language", "text")) == [("en", "Press freedom monitors.")]


def test_an_editor_cannot_give_two_descriptions_in_one_language(client, editor):
    response = client.post(
        ADD_URL,
        organisation_form(descriptions=[{"language": "en", "text": "One."}, {"language": "en", "text": "Two."}]),
    )

    assert response.status_code == 200
    assert not MemberOrganisation.objects.exists()


def test_an_editor_cannot_give_a_year_in_the_future(client, editor):
    response = client.post(ADD_URL, organisation_form(year_joined=str(timezone.localdate().year + 1)))

    assert response.status_code == 200
    assert "year_joined" in response.context["form"].errors
    assert not MemberOrganisation.objects.exists()


def test_an_editor_cannot_leave_out_the_country(client, editor):
    response = client.post(ADD_URL, organisation_form(country=""))

    assert response.status_code == 200
    assert "country" in response.context["form"].errors


def test_the_country_to_choose_is_listed_by_name_with_the_networks_countries_first(client, editor):
    response = client.get(ADD_URL)

    choices = list(response.context["form"].fields["country"].choices)
    assert choices[0][0] == ""
    assert choices[1] == ("RU", "Russia")
    assert ("FR", "France") in choices


def test_the_admin_lists_organisations_by_country_and_finds_them_by_name(client, editor):
    organisation_create(name="Caspian Rights Monitor", country="AZ")
    organisation_create(name="Ararat Civic Defence Network", country="AM")

    by_country = client.get(LIST_URL, {"country": "AM"})
    by_name = client.get(LIST_URL, {"q": "caspian"})

    assert [item.name for item in by_country.context["object_list"]] == ["Ararat Civic Defence Network"]
    assert [item.name for item in by_name.context["object_list"]] == ["Caspian Rights Monitor"]


def test_the_admin_filters_organisations_by_the_countries_that_have_some(client, editor):
    organisation_create(name="Caspian Rights Monitor", country="AZ")
    organisation_create(name="Ararat Civic Defence Network", country="AM")
    organisation_create(name="Yerevan Legal Aid", country="AM")

    response = client.get(LIST_URL)

    choices = [value for value, _label in response.context["filters"].form.fields["country"].choices if value]
    assert sorted(str(value) for value in choices) == ["AM", "AZ"]  # each once, and no country without members
    assert [country.code for country in countries_with_members()] == ["AM", "AZ"]  # Armenia, Azerbaijan


def test_an_editor_adds_a_country_introduction_in_a_language(client, editor, site_tree):
    data = nested_form_data({"country": "ge", "text": rich_text("<p>Georgia in brief.</p>")})

    response = client.post("/admin/snippets/core/countryintroduction/add/?locale=ru", data)

    assert response.status_code == 302
    introduction = CountryIntroduction.objects.get()
    assert (introduction.country_id, introduction.locale.language_code) == ("GE", "ru")
    assert "Georgia in brief." in introduction.text


def test_an_editor_cannot_add_a_second_introduction_of_a_country_in_one_language(client, editor, site_tree):
    country_introduction_set(country="GE", language="ru", text="<p>Грузия.</p>")
    data = nested_form_data({"country": "ge", "text": rich_text("<p>Another.</p>")})

    response = client.post("/admin/snippets/core/countryintroduction/add/?locale=ru", data)

    assert response.status_code == 200
    assert CountryIntroduction.objects.count() == 1


def test_an_editor_changes_an_organisation_and_its_description(client, editor):
    organisation = organisation_create(name="Caspian Rights Monitor", country="AZ", descriptions={"en": "Old."})
    description = organisation.descriptions.get()
    edit_url = f"/admin/snippets/core/memberorganisation/edit/{organisation.pk}/"
    data = organisation_form(descriptions=[{"id": str(description.pk), "language": "en", "text": "New."}], city="Ganja")
    data["descriptions-INITIAL_FORMS"] = "1"

    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, data)

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.city == "Ganja"
    assert list(organisation.descriptions.values_list("text", flat=True)) == ["New."]
    assert client.get("/admin/snippets/core/countryintroduction/").status_code == 200
