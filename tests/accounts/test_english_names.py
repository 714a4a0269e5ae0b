"""English names are searchable wherever a person picks an organisation, venue or division; counties
are shown with their city; the site has a favicon."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from reports.errors import reporting_scope as scope_for
from reports.exports.forms import VenueFiltersForm
from tests.factories import OrganisationFactory, VenueFactory, division

pytestmark = pytest.mark.django_db


def option_search(html: str, label: str) -> str:
    match = re.search(r'<option value="\d+"[^>]*data-search="([^"]*)"[^>]*>' + re.escape(label), html)
    assert match, f"no searchable option {label}"
    return match.group(1)


def test_signup_options_can_be_found_by_english_name_and_place(client):
    OrganisationFactory(name="华能济南黄台热电有限公司", name_en="Huaneng Jinan Huangtai", city=division("370100"))
    VenueFactory(name="历下区分会场", city=division("370100"), county=division("370102"))
    html = client.get(reverse("account_signup")).content.decode()
    organisation = option_search(html, "华能济南黄台热电有限公司")
    venue = option_search(html, "历下区分会场")
    assert "jinan" in organisation and "huangtai" in organisation
    assert "jinan" in venue and "lixia" in venue


def test_admin_lists_find_organisations_and_venues_by_english_name(client, organiser):
    OrganisationFactory(name="华能济南黄台热电有限公司", city=division("370100"))
    OrganisationFactory(name="青岛某电厂", city=division("370200"))
    VenueFactory(name="历下区分会场", city=division("370100"), county=division("370102"))
    client.force_login(organiser)
    html = client.get(reverse("wagtailsnippets_accounts_organisation:list"), {"q": "Jinan"}).content.decode()
    assert "华能济南黄台热电有限公司" in html and "青岛某电厂" not in html
    html = client.get(reverse("wagtailsnippets_accounts_venue:list"), {"q": "Lixia"}).content.decode()
    assert "历下区分会场" in html


def test_export_filter_shows_each_county_with_its_city(organiser):
    form = VenueFiltersForm(scope=scope_for(organiser))
    with translation.override("zh-hans"):
        labels = [label for _value, label in form.fields["county"].choices]
        assert "济南市市中区" in labels and "枣庄市市中区" in labels
        assert "市中区" not in labels
    with translation.override("en"):
        labels = [str(label) for _value, label in form.fields["county"].choices]
        assert any(label.startswith("Shizhong") and "Jinan" in label for label in labels)


def test_favicon_is_linked_and_served(client):
    html = client.get("/").content.decode()
    assert 'rel="icon"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    path = finders.find(response.url.removeprefix("/static/"))
    assert path and Path(path).read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file
