"""The sources demo explanations cite, in both languages, and the helpers that write explanations.

Every explanation is an HTML fragment that ends by naming its source, so a trainee reading the
review knows where a fact comes from (facts checked in the project brief's FACTS file).
"""

from django.utils.html import escape

MEASURES = {
    "zh": "《碳排放权交易管理办法（试行）》（生态环境部令第19号，2021年2月1日起施行）",
    "en": "Measures for the Administration of Carbon Emission Trading (Trial), MEE Order No. 19, "
    "in force from 1 February 2021",
}
ARTICLE_29 = {key: text + {"zh": "第二十九条", "en": ", Article 29"}[key] for key, text in MEASURES.items()}
ARTICLE_39 = {key: text + {"zh": "第三十九条", "en": ", Article 39"}[key] for key, text in MEASURES.items()}
ARTICLE_40 = {key: text + {"zh": "第四十条", "en": ", Article 40"}[key] for key, text in MEASURES.items()}
NOTICE = {
    "zh": "生态环境部办公厅《关于做好全国碳排放权交易市场第一个履约周期碳排放配额清缴工作的通知》"
    "（环办气候函〔2021〕492号，2021年10月26日）",
    "en": "MEE General Office notice on the surrender of allowances in the national carbon market's first "
    "compliance cycle (环办气候函〔2021〕492号, 26 October 2021)",
}
EXCHANGE_RULES = {
    "zh": "上海环境能源交易所《关于全国碳排放权交易相关事项的公告》（2021年6月22日）",
    "en": "Shanghai Environment and Energy Exchange, announcement on national carbon emission trading (22 June 2021)",
}
MEE_TRADING_RULES = {
    "zh": "生态环境部《碳排放权交易管理规则（试行）》（2021年5月14日），只要求交易机构设定涨跌幅",
    "en": "MEE's trading rules for carbon emission rights (trial) of 14 May 2021, which only require the "
    "exchange to set price limits",
}
ALLOCATION_PLAN = {
    "zh": "《2019—2020年全国碳排放权交易配额总量设定与分配实施方案（发电行业）》（国环规气候〔2020〕3号）",
    "en": "the 2019–2020 allocation plan for the power-generation industry (国环规气候〔2020〕3号, 30 December 2020)",
}
EVENT = {
    "zh": "山东省人民政府新闻办公室新闻发布会（2021年11月25日）介绍的截至2021年11月23日的情况",
    "en": "the Shandong provincial government's press conference of 25 November 2021 (figures to 23 November 2021)",
}
MEE_PRESS = {
    "zh": "生态环境部2022年1月24日新闻发布会",
    "en": "MEE's press conference of 24 January 2022",
}
FIRST_CYCLE_REPORT = {
    "zh": "全国碳排放权交易市场第一个履约周期报告（2023年1月发布）",
    "en": "the report on the national carbon market's first compliance cycle (published January 2023)",
}
CCER_RULES = {
    "zh": "全国温室气体自愿减排交易的有关规定：CCER 新项目备案自2017年3月暂停，存量 CCER 在九家自愿减排交易机构"
    "交易，须在全国温室气体自愿减排注册登记系统注销后方可用于抵销",
    "en": "the rules of national voluntary emission reduction trading: new CCER project filings stopped in March "
    "2017, existing CCER traded on nine voluntary-reduction exchanges and must be cancelled in the national "
    "voluntary-reduction registry before they offset",
}
FORMULA = {
    "zh": "应清缴量 D = 核查排放量 E，第一个履约周期另有上限：燃气机组 D = min(E, 免费配额)，其他机组 "
    "D = min(E, 免费配额 + 20% × E)；可用 CCER = min(持有 CCER, ⌊5% × D⌋)；缺口 = max(0, D − 持有配额 − 可用 CCER)；"
    "盈余 = max(0, 持有配额 + 可用 CCER − D)",
    "en": "obligation D = verified emissions E, capped in the first cycle: gas units D = min(E, free allocation), "
    "other units D = min(E, free allocation + 20% × E); usable CCER = min(CCER held, ⌊5% × D⌋); "
    "shortfall = max(0, D − allowances held − usable CCER); surplus = max(0, allowances held + usable CCER − D)",
}
SOURCE_LABEL = {"zh": "来源：{source}。", "en": "Source: {source}."}
METHOD_LABEL = {"zh": "计算方法：{formula}。", "en": "Method: {formula}."}
SEPARATOR = {"zh": "；", "en": "; "}


def cite(language: str, text: str, *sources: dict) -> str:
    """An explanation: the text, then the source(s) it comes from."""
    where = SEPARATOR[language].join(source[language] for source in sources)
    return f"<p>{escape(text)}</p><p>{escape(SOURCE_LABEL[language].format(source=where))}</p>"


def worked(language: str, text: str, *extra_sources: dict) -> str:
    """A settlement calculation: the working, the method, Article 29 and the allocation plan as sources."""
    method = METHOD_LABEL[language].format(formula=FORMULA[language])
    joined = f"{text} {method}" if language == "en" else f"{text}{method}"
    return cite(language, joined, ARTICLE_29, ALLOCATION_PLAN, *extra_sources)


def texts(stem: str, explanation: str, *, options=None, unit=None, accepted=None) -> dict:
    """One language's texts of a question, leaving out the keys that do not apply."""
    found = {"stem": stem, "explanation": explanation, "options": options, "unit": unit, "accepted": accepted}
    return {key: value for key, value in found.items() if value is not None}


# What a multiple-choice stem says about its scoring (quizzes.services.grading.score_fraction).
PARTIAL_RULE = {
    "zh": "（多选：每选对一项得相应分数，每选错一项扣相应分数，本题最低 0 分）",
    "en": "(Choose all that apply: each right choice earns its share of the points, each wrong choice takes a "
    "share away, and the score never falls below zero.)",
}
ALL_OR_NOTHING_RULE = {
    "zh": "（多选：全部选对才得分）",
    "en": "(Choose all that apply: only a completely right answer scores.)",
}
