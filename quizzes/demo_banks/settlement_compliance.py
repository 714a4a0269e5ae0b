"""Demo question bank of the course "Settlement and compliance" (settlement-compliance), in Chinese and English.

The ``settle`` questions' answers are computed with ``courses.calculator.settle`` when the demo loads.
"""

from .sources import EVENT, MEASURES, NOTICE, cite, worked

BANK = {
    "course": "settlement-compliance",
    "prefix": "SC",
    "category": {"zh": "配额清缴与履约", "en": "Allowance settlement and compliance"},
    "questions": [
        {
            "ref": "SC-01",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [0],
            "zh": {
                "stem": "重点排放单位应在每年什么时间前报送上一年度的温室气体排放报告？",
                "options": ["3 月 31 日", "1 月 31 日", "6 月 30 日", "12 月 31 日"],
                "explanation": cite("zh", "重点排放单位每年 3 月 31 日前报送上一年度排放报告。", MEASURES),
            },
            "en": {
                "stem": "By what date each year must a key emission unit report its previous year's "
                "greenhouse gas emissions?",
                "options": ["31 March", "31 January", "30 June", "31 December"],
                "explanation": cite(
                    "en", "Key emission units report the previous year's emissions by 31 March every year.", MEASURES
                ),
            },
        },
        {
            "ref": "SC-02",
            "kind": "true_false",
            "tags": ["settlement"],
            "correct": True,
            "zh": {
                "stem": "重点排放单位应清缴的配额数量等于其经核查的排放量。",
                "explanation": cite("zh", "清缴量以核查排放量为准。", MEASURES),
            },
            "en": {
                "stem": "A key emission unit must surrender allowances equal to its verified emissions.",
                "explanation": cite("en", "The amount to surrender is the verified emissions.", MEASURES),
            },
        },
        {
            "ref": "SC-03",
            "kind": "text",
            "tags": ["settlement"],
            "zh": {
                "stem": "应清缴配额的数量以什么为依据？",
                "accepted": ["核查排放量", "经核查的排放量", "核查后的排放量", "经核查的年度排放量"],
                "explanation": cite("zh", "核查确认的年度排放量就是应清缴配额的依据。", MEASURES),
            },
            "en": {
                "stem": "What determines the number of allowances a unit must surrender?",
                "accepted": [
                    "verified emissions",
                    "the verified emissions",
                    "verified emission",
                    "its verified emissions",
                    "verified annual emissions",
                ],
                "explanation": cite(
                    "en", "The annual emissions confirmed by verification set the allowances due.", MEASURES
                ),
            },
        },
        {
            "ref": "SC-04",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [0],
            "zh": {
                "stem": "第一个履约周期，各省 95% 的重点排放单位应在什么时间前完成配额清缴？",
                "options": [
                    "2021 年 12 月 15 日 17:00",
                    "2021 年 11 月 30 日 17:00",
                    "2021 年 12 月 31 日 17:00",
                    "2022 年 3 月 31 日 17:00",
                ],
                "explanation": cite("zh", "各省 95% 的重点排放单位在 2021 年 12 月 15 日 17:00 前完成清缴。", NOTICE),
            },
            "en": {
                "stem": "In the first compliance cycle, by when did 95% of each province's key emission units "
                "have to complete their surrender?",
                "options": [
                    "17:00 on 15 December 2021",
                    "17:00 on 30 November 2021",
                    "17:00 on 31 December 2021",
                    "17:00 on 31 March 2022",
                ],
                "explanation": cite(
                    "en", "95% of each province's key emission units surrender by 17:00 on 15 December 2021.", NOTICE
                ),
            },
        },
        {
            "ref": "SC-05",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [0],
            "zh": {
                "stem": "第一个履约周期，全部重点排放单位完成清缴的最后时间是？",
                "options": [
                    "2021 年 12 月 31 日 17:00",
                    "2021 年 12 月 15 日 24:00",
                    "2022 年 1 月 31 日 17:00",
                    "2021 年 12 月 31 日 24:00",
                ],
                "explanation": cite("zh", "全部重点排放单位在 2021 年 12 月 31 日 17:00 前完成清缴。", NOTICE),
            },
            "en": {
                "stem": "In the first compliance cycle, what was the final deadline for all key emission units "
                "to complete their surrender?",
                "options": [
                    "17:00 on 31 December 2021",
                    "Midnight at the end of 15 December 2021",
                    "17:00 on 31 January 2022",
                    "Midnight at the end of 31 December 2021",
                ],
                "explanation": cite(
                    "en", "All key emission units complete their surrender by 17:00 on 31 December 2021.", NOTICE
                ),
            },
        },
        {
            "ref": "SC-06",
            "kind": "settle",
            "tags": ["settlement", "CCER"],
            "settle": {"verified_emissions": 1_000_000, "allowances_held": 930_000, "ccer_held": 80_000},
            "figure": "shortfall",
            "zh": {
                "stem": "某企业核查排放量 1,000,000 吨，持有配额 930,000 吨、CCER 80,000 吨。"
                "按 5% 抵销上限，还需购买多少吨配额才能完成清缴？",
                "unit": "吨",
                "explanation": worked(
                    "zh", "可用 CCER = min(80,000, 50,000) = 50,000；缺口 = 1,000,000 − 930,000 − 50,000 = 20,000 吨。"
                ),
            },
            "en": {
                "stem": "A company has verified emissions of 1,000,000 t and holds 930,000 t of allowances and "
                "80,000 t of CCER. With the 5% offset cap, how many tonnes of allowances must it buy to "
                "complete its surrender?",
                "unit": "t",
                "explanation": worked(
                    "en",
                    "Usable CCER = min(80,000, 50,000) = 50,000; shortfall = 1,000,000 − 930,000 − 50,000 = 20,000 t.",
                ),
            },
        },
        {
            "ref": "SC-07",
            "kind": "settle",
            "tags": ["settlement"],
            "settle": {"verified_emissions": 800_000, "allowances_held": 760_000, "ccer_held": 0},
            "figure": "shortfall",
            "zh": {
                "stem": "某企业核查排放量 800,000 吨，持有配额 760,000 吨，没有 CCER。配额缺口是多少吨？",
                "unit": "吨",
                "explanation": worked("zh", "缺口 = 800,000 − 760,000 = 40,000 吨。"),
            },
            "en": {
                "stem": "A company has verified emissions of 800,000 t, holds 760,000 t of allowances and no CCER. "
                "What is its shortfall in tonnes?",
                "unit": "t",
                "explanation": worked("en", "Shortfall = 800,000 − 760,000 = 40,000 t."),
            },
        },
        {
            "ref": "SC-08",
            "kind": "settle",
            "tags": ["settlement"],
            "settle": {"verified_emissions": 500_000, "allowances_held": 520_000, "ccer_held": 0},
            "figure": "surplus",
            "zh": {
                "stem": "某企业核查排放量 500,000 吨，持有配额 520,000 吨，没有 CCER。清缴后盈余多少吨配额？",
                "unit": "吨",
                "explanation": worked("zh", "盈余 = 520,000 − 500,000 = 20,000 吨。"),
            },
            "en": {
                "stem": "A company has verified emissions of 500,000 t, holds 520,000 t of allowances and no CCER. "
                "How many tonnes of allowances are left over after surrender?",
                "unit": "t",
                "explanation": worked("en", "Surplus = 520,000 − 500,000 = 20,000 t."),
            },
        },
        {
            "ref": "SC-09",
            "kind": "settle",
            "tags": ["settlement", "CCER"],
            "settle": {"verified_emissions": 1_200_000, "allowances_held": 1_100_000, "ccer_held": 30_000},
            "figure": "shortfall",
            "zh": {
                "stem": "某企业核查排放量 1,200,000 吨，持有配额 1,100,000 吨、CCER 30,000 吨。配额缺口是多少吨？",
                "unit": "吨",
                "explanation": worked(
                    "zh",
                    "上限 60,000 吨，持有 30,000 吨可全部使用；缺口 = 1,200,000 − 1,100,000 − 30,000 = 70,000 吨。",
                ),
            },
            "en": {
                "stem": "A company has verified emissions of 1,200,000 t and holds 1,100,000 t of allowances and "
                "30,000 t of CCER. What is its shortfall in tonnes?",
                "unit": "t",
                "explanation": worked(
                    "en",
                    "The cap is 60,000 t, so all 30,000 t of CCER can be used; "
                    "shortfall = 1,200,000 − 1,100,000 − 30,000 = 70,000 t.",
                ),
            },
        },
        {
            "ref": "SC-10",
            "kind": "settle",
            "tags": ["settlement", "CCER"],
            "settle": {"verified_emissions": 600_000, "allowances_held": 560_000, "ccer_held": 50_000},
            "figure": "shortfall",
            "zh": {
                "stem": "某企业核查排放量 600,000 吨，持有配额 560,000 吨、CCER 50,000 吨。配额缺口是多少吨？",
                "unit": "吨",
                "explanation": worked(
                    "zh", "上限 30,000 吨，只能用 30,000 吨 CCER；缺口 = 600,000 − 560,000 − 30,000 = 10,000 吨。"
                ),
            },
            "en": {
                "stem": "A company has verified emissions of 600,000 t and holds 560,000 t of allowances and "
                "50,000 t of CCER. What is its shortfall in tonnes?",
                "unit": "t",
                "explanation": worked(
                    "en",
                    "The cap is 30,000 t, so only 30,000 t of CCER can be used; "
                    "shortfall = 600,000 − 560,000 − 30,000 = 10,000 t.",
                ),
            },
        },
        {
            "ref": "SC-11",
            "kind": "multiple",
            "tags": ["settlement"],
            "correct": [0, 1, 2],
            "zh": {
                "stem": "重点排放单位的年度履约流程包括哪些环节？（多选，全部选对才得分）",
                "options": ["报送上一年度排放报告", "排放报告经核查", "按核查排放量清缴配额", "向交易所申请分配配额"],
                "explanation": cite(
                    "zh", "报告 → 核查 → 清缴；配额由省级生态环境主管部门分配，不向交易所申请。", MEASURES
                ),
            },
            "en": {
                "stem": "Which steps belong to a key emission unit's annual compliance cycle? "
                "(Choose all that apply; all must be right to score.)",
                "options": [
                    "Reporting the previous year's emissions",
                    "Verification of the emission report",
                    "Surrendering allowances equal to the verified emissions",
                    "Applying to the exchange for an allocation of allowances",
                ],
                "explanation": cite(
                    "en",
                    "Report → verification → surrender; allowances are allocated by the provincial ecology and "
                    "environment department, not applied for at the exchange.",
                    MEASURES,
                ),
            },
        },
        {
            "ref": "SC-12",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [0],
            "zh": {
                "stem": "谁负责向重点排放单位分配配额？",
                "options": ["省级生态环境主管部门", "上海环境能源交易所", "第三方核查机构", "重点排放单位自行确定"],
                "explanation": cite("zh", "配额由省级生态环境主管部门分配。", MEASURES),
            },
            "en": {
                "stem": "Who allocates allowances to key emission units?",
                "options": [
                    "The provincial ecology and environment department",
                    "The Shanghai Environment and Energy Exchange",
                    "Third-party verification agencies",
                    "Each unit decides for itself",
                ],
                "explanation": cite(
                    "en", "Allowances are allocated by the provincial ecology and environment departments.", MEASURES
                ),
            },
        },
        {
            "ref": "SC-13",
            "kind": "numeric",
            "tags": ["settlement"],
            "value": "16",
            "tolerance": "0",
            "zh": {
                "stem": "山东 700 余家重点排放单位 2020 年度的排放由多少家第三方核查机构核查？",
                "unit": "家",
                "explanation": cite(
                    "zh",
                    "16 家第三方核查机构承担核查；4 个复核组于 2021 年 11 月 10 日至 17 日对重点排放单位开展专项复核。",
                    EVENT,
                ),
            },
            "en": {
                "stem": "How many third-party verification agencies verified the 2020 emissions of Shandong's "
                "700-plus key emission companies?",
                "unit": "agencies",
                "explanation": cite(
                    "en",
                    "16 third-party agencies did the verification; 4 review teams then reviewed the companies "
                    "from 10 to 17 November 2021.",
                    EVENT,
                ),
            },
        },
        {
            "ref": "SC-14",
            "kind": "numeric",
            "tags": ["settlement", "trading"],
            "value": "2",
            "tolerance": "0",
            "zh": {
                "stem": "截至 2021 年 11 月 23 日，山东 330 家重点排放单位中已有 328 家开立交易账户。还有几家未开户？",
                "unit": "家",
                "explanation": cite("zh", "330 − 328 = 2 家。", EVENT),
            },
            "en": {
                "stem": "By 23 November 2021, 328 of Shandong's 330 key emission units had opened trading accounts. "
                "How many had not?",
                "unit": "units",
                "explanation": cite("en", "330 − 328 = 2.", EVENT),
            },
        },
        {
            "ref": "SC-15",
            "kind": "true_false",
            "tags": ["settlement", "trading"],
            "correct": True,
            "zh": {
                "stem": "清缴后仍有盈余配额的企业，可以在全国碳市场出售盈余配额。",
                "explanation": cite(
                    "zh", "盈余配额可以交易；截至 2021 年 11 月 23 日，山东企业已卖出 240.48 万吨。", EVENT
                ),
            },
            "en": {
                "stem": "A company with allowances left over after surrender may sell them on the national "
                "carbon market.",
                "explanation": cite(
                    "en",
                    "Surplus allowances can be traded; by 23 November 2021 Shandong companies had sold 2,404,800 t.",
                    EVENT,
                ),
            },
        },
        {
            "ref": "SC-16",
            "kind": "true_false",
            "tags": ["settlement"],
            "correct": True,
            "zh": {
                "stem": "2021 年 11 月 10 日至 17 日，山东组织了 4 个复核组对重点排放单位开展专项复核。",
                "explanation": cite(
                    "zh", "4 个复核组于 2021 年 11 月 10 日至 17 日对重点排放单位开展专项复核。", EVENT
                ),
            },
            "en": {
                "stem": "From 10 to 17 November 2021, Shandong sent 4 review teams to carry out a special review "
                "of its key emission companies.",
                "explanation": cite(
                    "en", "4 review teams reviewed the key emission companies from 10 to 17 November 2021.", EVENT
                ),
            },
        },
    ],
}
