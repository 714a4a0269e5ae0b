"""Demo content for the home page in both languages."""

from django.utils import translation
from wagtail.models import Locale, Site

from .models import HomePage

INTRO = {
    "zh-hans": (
        "<p>面向全国碳排放权交易市场第一个履约周期的能力建设培训平台：在线学习交易规则、配额清缴与履约流程、"
        "CCER 抵销，参加分会场直播培训并签到，完成测验后获得结业证书。</p>"
    ),
    "en": (
        "<p>Capacity-building training for the first compliance cycle of China's national carbon emissions "
        "trading market: learn the trading rules, allowance settlement and compliance, and CCER offsets online; "
        "attend the broadcast lectures at your sub-venue and check in; pass the quizzes and earn a certificate.</p>"
    ),
}
TITLE = {"zh-hans": "碳市场能力建设培训平台", "en": "Carbon Market Capacity-Building Training"}


def build_home_pages() -> int:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    home.title, home.intro = TITLE["zh-hans"], INTRO["zh-hans"]
    home.save_revision().publish()
    english, _ = Locale.objects.get_or_create(language_code="en")
    translated = home.get_translation_or_none(english)
    if translated is None:
        with translation.override("en"):
            translated = home.copy_for_translation(english)
    translated = translated.specific
    translated.title, translated.intro, translated.slug = TITLE["en"], INTRO["en"], "home-en"
    translated.save_revision().publish()
    return HomePage.objects.count()


def steps():
    return [("home pages", build_home_pages)]
