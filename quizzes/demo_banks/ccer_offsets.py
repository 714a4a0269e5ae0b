"""Demo question bank of the course "CCER offsets" (ccer-offsets), in Chinese and English.

The ``settle`` questions' answers are computed with ``courses.calculator.settle`` when the demo loads.
"""

from .sources import ARTICLE_29, EVENT, MEASURES, cite, worked

BANK = {
    "course": "ccer-offsets",
    "prefix": "CC",
    "category": {"zh": "CCER 抵销", "en": "CCER offsets"},
    "questions": [
        {
            "ref": "CC-01",
            "kind": "text",
            "tags": ["CCER"],
            "zh": {
                "stem": "CCER 的中文全称是什么？",
                "accepted": ["国家核证自愿减排量", "中国核证自愿减排量"],
                "explanation": cite("zh", "CCER：China Certified Emission Reduction，国家核证自愿减排量。", MEASURES),
            },
            "en": {
                "stem": "What does the abbreviation CCER stand for?",
                "accepted": [
                    "China Certified Emission Reduction",
                    "China Certified Emission Reductions",
                    "Chinese Certified Emission Reduction",
                    "Chinese Certified Emission Reductions",
                ],
                "explanation": cite("en", "CCER stands for China Certified Emission Reduction.", MEASURES),
            },
        },
        {
            "ref": "CC-02",
            "kind": "numeric",
            "tags": ["CCER", "settlement"],
            "value": "5",
            "tolerance": "0",
            "zh": {
                "stem": "用 CCER 抵销配额清缴的比例，不得超过应清缴配额的百分之几？",
                "unit": "%",
                "explanation": cite("zh", "抵销比例不得超过应清缴碳排放配额的 5%。", ARTICLE_29),
            },
            "en": {
                "stem": "CCER may offset at most what percentage of the allowances a unit must surrender?",
                "unit": "%",
                "explanation": cite("en", "The offset may not exceed 5% of the allowances due.", ARTICLE_29),
            },
        },
        {
            "ref": "CC-03",
            "kind": "settle",
            "tags": ["CCER"],
            "settle": {"verified_emissions": 1_000_000, "allowances_held": 0, "ccer_held": 1_000_000},
            "figure": "max_usable_ccer",
            "zh": {
                "stem": "某企业应清缴配额 1,000,000 吨。按 5% 上限，最多可以使用多少吨 CCER 抵销？",
                "unit": "吨",
                "explanation": worked("zh", "上限 = ⌊1,000,000 × 5%⌋ = 50,000 吨。"),
            },
            "en": {
                "stem": "A company must surrender 1,000,000 t of allowances. With the 5% cap, how many tonnes of "
                "CCER at most can it use as an offset?",
                "unit": "t",
                "explanation": worked("en", "Cap = ⌊1,000,000 × 5%⌋ = 50,000 t."),
            },
        },
        {
            "ref": "CC-04",
            "kind": "settle",
            "tags": ["CCER"],
            "settle": {"verified_emissions": 2_345_678, "allowances_held": 0, "ccer_held": 2_345_678},
            "figure": "max_usable_ccer",
            "zh": {
                "stem": "某企业应清缴配额 2,345,678 吨。最多可以使用多少吨 CCER？（按整吨向下取整）",
                "unit": "吨",
                "explanation": worked("zh", "2,345,678 × 5% = 117,283.9，向下取整为 117,283 吨，保证不超过 5%。"),
            },
            "en": {
                "stem": "A company must surrender 2,345,678 t of allowances. How many tonnes of CCER at most can "
                "it use? (Round down to whole tonnes.)",
                "unit": "t",
                "explanation": worked(
                    "en", "2,345,678 × 5% = 117,283.9, rounded down to 117,283 t so the offset never exceeds 5%."
                ),
            },
        },
        {
            "ref": "CC-05",
            "kind": "settle",
            "tags": ["CCER"],
            "settle": {"verified_emissions": 1_000_000, "allowances_held": 930_000, "ccer_held": 80_000},
            "figure": "usable_ccer",
            "zh": {
                "stem": "某企业核查排放量 1,000,000 吨，持有 CCER 80,000 吨。实际可用于抵销的 CCER 是多少吨？",
                "unit": "吨",
                "explanation": worked("zh", "min(80,000, 50,000) = 50,000 吨。"),
            },
            "en": {
                "stem": "A company has verified emissions of 1,000,000 t and holds 80,000 t of CCER. How many "
                "tonnes of CCER can it actually use as an offset?",
                "unit": "t",
                "explanation": worked("en", "min(80,000, 50,000) = 50,000 t."),
            },
        },
        {
            "ref": "CC-06",
            "kind": "settle",
            "tags": ["CCER"],
            "settle": {"verified_emissions": 400_000, "allowances_held": 380_000, "ccer_held": 15_000},
            "figure": "usable_ccer",
            "zh": {
                "stem": "某企业核查排放量 400,000 吨，持有 CCER 15,000 吨。实际可用于抵销的 CCER 是多少吨？",
                "unit": "吨",
                "explanation": worked("zh", "上限 20,000 吨，持有 15,000 吨可全部使用。"),
            },
            "en": {
                "stem": "A company has verified emissions of 400,000 t and holds 15,000 t of CCER. How many "
                "tonnes of CCER can it actually use as an offset?",
                "unit": "t",
                "explanation": worked("en", "The cap is 20,000 t, so all 15,000 t can be used."),
            },
        },
        {
            "ref": "CC-07",
            "kind": "settle",
            "tags": ["CCER", "settlement"],
            "settle": {"verified_emissions": 1_000_000, "allowances_held": 900_000, "ccer_held": 120_000},
            "figure": "shortfall",
            "zh": {
                "stem": "某企业核查排放量 1,000,000 吨，持有配额 900,000 吨、CCER 120,000 吨。还需购买多少吨配额？",
                "unit": "吨",
                "explanation": worked(
                    "zh", "可用 CCER 只有 50,000 吨；缺口 = 1,000,000 − 900,000 − 50,000 = 50,000 吨。"
                ),
            },
            "en": {
                "stem": "A company has verified emissions of 1,000,000 t and holds 900,000 t of allowances and "
                "120,000 t of CCER. How many tonnes of allowances must it buy?",
                "unit": "t",
                "explanation": worked(
                    "en",
                    "Only 50,000 t of CCER can be used; shortfall = 1,000,000 − 900,000 − 50,000 = 50,000 t.",
                ),
            },
        },
        {
            "ref": "CC-08",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [0],
            "zh": {
                "stem": "某企业应清缴 600,000 吨，持有 CCER 50,000 吨。最多可用多少吨 CCER 抵销？",
                "options": ["30,000 吨", "50,000 吨", "60,000 吨", "0 吨"],
                "explanation": worked("zh", "上限 = 600,000 × 5% = 30,000 吨，小于持有量。"),
            },
            "en": {
                "stem": "A company must surrender 600,000 t and holds 50,000 t of CCER. How many tonnes of CCER "
                "at most can it use as an offset?",
                "options": ["30,000 t", "50,000 t", "60,000 t", "0 t"],
                "explanation": worked("en", "Cap = 600,000 × 5% = 30,000 t, less than the CCER held."),
            },
        },
        {
            "ref": "CC-09",
            "kind": "true_false",
            "tags": ["CCER"],
            "correct": False,
            "zh": {
                "stem": "来自纳入全国碳市场配额管理的减排项目的 CCER，也可以用于抵销。",
                "explanation": cite("zh", "用于抵销的 CCER 不得来自纳入全国碳市场配额管理的减排项目。", ARTICLE_29),
            },
            "en": {
                "stem": "CCER from reduction projects that fall under the national carbon market's allowance "
                "management may also be used as offsets.",
                "explanation": cite(
                    "en",
                    "CCER used as offsets may not come from projects under the national market's allowance management.",
                    ARTICLE_29,
                ),
            },
        },
        {
            "ref": "CC-10",
            "kind": "true_false",
            "tags": ["CCER"],
            "correct": False,
            "zh": {
                "stem": "只要持有足够的 CCER，就可以不受比例限制全额抵销配额清缴。",
                "explanation": cite("zh", "抵销比例最多 5%。", ARTICLE_29),
            },
            "en": {
                "stem": "A company with enough CCER may offset its whole surrender, without any limit.",
                "explanation": cite("en", "Offsets are capped at 5% of the allowances due.", ARTICLE_29),
            },
        },
        {
            "ref": "CC-11",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [0],
            "zh": {
                "stem": "CCER 抵销比例上限规定在哪里？",
                "options": [
                    "《碳排放权交易管理办法（试行）》第二十九条",
                    "交易所的挂牌协议交易规则",
                    "各省自行规定",
                    "没有上限",
                ],
                "explanation": cite("zh", "第二十九条规定了 CCER 抵销及 5% 的比例上限。", ARTICLE_29),
            },
            "en": {
                "stem": "Where is the cap on CCER offsets laid down?",
                "options": [
                    "Article 29 of the Measures for the Administration of Carbon Emission Trading (Trial)",
                    "The exchange's rules for listing-agreement trading",
                    "Each province sets its own",
                    "There is no cap",
                ],
                "explanation": cite("en", "Article 29 provides for CCER offsets and their 5% cap.", ARTICLE_29),
            },
        },
        {
            "ref": "CC-12",
            "kind": "multiple",
            "scoring": "partial",
            "tags": ["CCER"],
            "correct": [0, 1],
            "zh": {
                "stem": "使用 CCER 抵销配额清缴，需要满足哪些条件？（多选，按选对比例得分）",
                "options": [
                    "不超过应清缴配额的 5%",
                    "不得来自纳入全国碳市场配额管理的减排项目",
                    "必须来自本省的减排项目",
                    "必须在当年 12 月 15 日前购买",
                ],
                "explanation": cite("zh", "两个条件：比例不超过 5%，且不得来自纳入配额管理的项目。", ARTICLE_29),
            },
            "en": {
                "stem": "Which conditions must CCER used to offset a surrender meet? "
                "(Choose all that apply; partial credit.)",
                "options": [
                    "At most 5% of the allowances due",
                    "Not from projects under the national market's allowance management",
                    "From projects in the company's own province",
                    "Bought before 15 December of the year",
                ],
                "explanation": cite(
                    "en",
                    "Two conditions: at most 5%, and not from projects under allowance management.",
                    ARTICLE_29,
                ),
            },
        },
        {
            "ref": "CC-13",
            "kind": "numeric",
            "tags": ["CCER"],
            "value": "690000",
            "tolerance": "5000",
            "zh": {
                "stem": "截至 2021 年 11 月 23 日，山东 8 家企业交付了约多少吨 CCER？",
                "unit": "吨",
                "explanation": cite("zh", "8 家企业交付 CCER 约 69 万吨（690,000 吨）。", EVENT),
            },
            "en": {
                "stem": "By 23 November 2021, about how many tonnes of CCER had 8 Shandong companies delivered?",
                "unit": "t",
                "explanation": cite("en", "8 companies delivered about 690,000 t of CCER.", EVENT),
            },
        },
        {
            "ref": "CC-14",
            "kind": "numeric",
            "tags": ["CCER"],
            "value": "102",
            "tolerance": "0",
            "zh": {
                "stem": "山东帮助 145 家企业申请 CCER 账户，截至 2021 年 11 月 23 日已开通 43 家。还有多少家尚未开通？",
                "unit": "家",
                "explanation": cite("zh", "145 − 43 = 102 家。", EVENT),
            },
            "en": {
                "stem": "Shandong helped 145 companies apply for CCER accounts; by 23 November 2021, 43 accounts "
                "had been opened. How many companies were still waiting?",
                "unit": "companies",
                "explanation": cite("en", "145 − 43 = 102.", EVENT),
            },
        },
        {
            "ref": "CC-15",
            "kind": "true_false",
            "tags": ["CCER", "settlement"],
            "correct": True,
            "zh": {
                "stem": "在计算缺口时，1 吨可用 CCER 抵销 1 吨应清缴配额。",
                "explanation": worked("zh", "缺口公式中可用 CCER 与持有配额按吨相加。"),
            },
            "en": {
                "stem": "When working out the shortfall, 1 t of usable CCER offsets 1 t of allowances due.",
                "explanation": worked(
                    "en", "In the shortfall formula usable CCER and allowances held add up tonne for tonne."
                ),
            },
        },
        {
            "ref": "CC-16",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [0],
            "zh": {
                "stem": "企业持有 CCER 超过 5% 上限时，超出部分在本次清缴中如何处理？",
                "options": ["不能用于本次抵销", "按 50% 折算使用", "自动转为配额", "由交易所回购"],
                "explanation": worked("zh", "可用 CCER 取持有量与上限中较小者，超出部分不计入本次抵销。"),
            },
            "en": {
                "stem": "A company holds more CCER than the 5% cap. What happens to the excess in this surrender?",
                "options": [
                    "It cannot be used for this offset",
                    "It counts at 50%",
                    "It turns into allowances",
                    "The exchange buys it back",
                ],
                "explanation": worked(
                    "en", "Usable CCER is the smaller of the CCER held and the cap; the excess does not count."
                ),
            },
        },
    ],
}
