"""The sources demo explanations cite, in both languages, and the helper that cites them.

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
NOTICE = {
    "zh": "生态环境部办公厅《关于做好全国碳排放权交易市场第一个履约周期碳排放配额清缴工作的通知》"
    "（环办气候函〔2021〕492号，2021年10月26日）",
    "en": "MEE General Office notice on the surrender of allowances in the national carbon market's first "
    "compliance cycle (Huanban Qihou Han [2021] No. 492, 26 October 2021)",
}
EXCHANGE_RULES = {
    "zh": "上海环境能源交易所《关于全国碳排放权交易相关事项的公告》（2021年6月22日）",
    "en": "Shanghai Environment and Energy Exchange, announcement on national carbon emission trading (22 June 2021)",
}
EVENT = {
    "zh": "山东省发电行业重点排放单位碳市场能力建设培训及动员部署会相关报道（2021年11月）",
    "en": "reports on Shandong's carbon-market capacity-building training and mobilisation meeting for "
    "power-generation companies (November 2021)",
}
FORMULA = {
    "zh": "应清缴配额 = 核查排放量；可用 CCER = min(持有 CCER, ⌊应清缴配额 × 5%⌋)；"
    "缺口 = max(0, 应清缴 − 持有配额 − 可用 CCER)",
    "en": "allowances due = verified emissions; usable CCER = min(CCER held, ⌊allowances due × 5%⌋); "
    "shortfall = max(0, allowances due − allowances held − usable CCER)",
}
SOURCE_LABEL = {"zh": "来源：{source}。", "en": "Source: {source}."}
METHOD_LABEL = {"zh": "计算方法：{formula}。", "en": "Method: {formula}."}


def cite(language: str, text: str, source: dict) -> str:
    """An explanation: the text, then the source it comes from."""
    where = SOURCE_LABEL[language].format(source=source[language])
    return f"<p>{escape(text)}</p><p>{escape(where)}</p>"


def worked(language: str, text: str) -> str:
    """An explanation of a settlement calculation: the working, the formula, Article 29 as the source."""
    method = METHOD_LABEL[language].format(formula=FORMULA[language])
    return cite(language, f"{text} {method}" if language == "en" else f"{text}{method}", ARTICLE_29)
