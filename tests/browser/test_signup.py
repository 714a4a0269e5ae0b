"""A new user signs up, picks an organisation from a long list, and switches language."""

import re

from playwright.sync_api import expect

from accounts import roles
from accounts.models import User
from home.demo import build_home_pages
from tests.factories import OrganisationFactory


def test_sign_up_pick_organisation_switch_language(live_server, page, screenshot):
    build_home_pages()
    OrganisationFactory.create_batch(40)
    target = OrganisationFactory(name="华能聊城热电有限公司")

    page.goto(f"{live_server.url}/accounts/signup/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    page.locator("#id_email").fill("browser.trainee@example.org")
    page.locator("#id_password1").fill("Carbon-Market-2021")
    page.locator("#id_password2").fill("Carbon-Market-2021")
    page.get_by_label("真实姓名").fill("孙学员")
    # Type-to-filter narrows several hundred organisations to the one we want.
    page.locator('input[data-filter-for="id_organisation"]').fill("聊城热电")
    expect(page.locator("#id_organisation")).to_have_value(str(target.pk))
    page.get_by_label("职务").fill("环保专员")
    page.locator("#id_consent").check()
    screenshot("signup-filled")
    page.get_by_role("button", name="注册").click()

    expect(page.get_by_role("heading", name="我的学习")).to_be_visible()
    user = User.objects.get(email="browser.trainee@example.org")
    assert user.organisation == target and roles.has_role(user, roles.TRAINEE)
    screenshot("home-zh")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="My learning")).to_be_visible()
    screenshot("home-en")

    page.get_by_role("link", name="简体中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_role("heading", name="我的学习")).to_be_visible()
