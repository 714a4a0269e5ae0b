"""Demo question bank of the course "Allowance settlement and compliance procedures", zh and en.

Settlement answers are computed with ``courses.calculator.settle`` when the demo loads ("settle"
questions); the first-cycle cases pass the free allocation and the unit type, so the 20% cap and
the gas-unit rule apply exactly as in the lesson's calculator.
"""

from .sources import (
    ALL_OR_NOTHING_RULE,
    ALLOCATION_PLAN,
    ARTICLE_39,
    ARTICLE_40,
    EVENT,
    FIRST_CYCLE_REPORT,
    MEASURES,
    MEE_PRESS,
    NOTICE,
    PARTIAL_RULE,
    cite,
    texts,
    worked,
)

CAPPED_COAL = {
    "verified_emissions": 1_000_000,
    "allowances_held": 750_000,
    "ccer_held": 80_000,
    "free_allocation": 750_000,
    "unit_type": "coal_300mw_plus",
}
GAS_UNIT = {
    "verified_emissions": 400_000,
    "allowances_held": 360_000,
    "ccer_held": 0,
    "free_allocation": 360_000,
    "unit_type": "gas",
}
CAPPED_COAL_ZH = "某常规燃煤机组（30 万千瓦及以上）2019、2020 两年合计核查排放量 1,000,000 吨，免费配额 750,000 吨，账户中持有配额 750,000 吨、CCER 80,000 吨。"
CAPPED_COAL_EN = (
    "A conventional coal unit (300 MW and above) has verified emissions for 2019 and 2020 together of 1,000,000 t, a "
    "free allocation of 750,000 t, and holds 750,000 t of allowances and 80,000 t of CCER."
)

BANK = {
    "course": "settlement-compliance",
    "prefix": "SC",
    "category": {"zh": "配额清缴与履约", "en": "Settlement and compliance"},
    "questions": [
        {
            "ref": "SC-01",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [1],
            "zh": texts(
                "全国碳市场第一个履约周期清缴的是哪几个年度的配额？",
                cite(
                    "zh",
                    "第一个履约周期覆盖 2019 和 2020 两个年度，在 2021 年 12 月 31 日的截止时间前一并清缴。",
                    ALLOCATION_PLAN,
                    NOTICE,
                ),
                options=["仅 2020 年度", "2019 和 2020 两个年度", "2020 和 2021 两个年度", "2018 至 2020 三个年度"],
            ),
            "en": texts(
                "Which years' allowances were surrendered in the national market's first compliance cycle?",
                cite(
                    "en",
                    "The first cycle covers 2019 and 2020, surrendered together before the deadline of 31 December "
                    "2021.",
                    ALLOCATION_PLAN,
                    NOTICE,
                ),
                options=["2020 only", "2019 and 2020", "2020 and 2021", "2018 to 2020"],
            ),
        },
        {
            "ref": "SC-02",
            "kind": "true_false",
            "tags": ["settlement"],
            "correct": False,
            "zh": texts(
                "第一个履约周期，每家重点排放单位应清缴的配额都等于其核查排放量。",
                cite(
                    "zh",
                    "一般规则是应清缴量等于核查排放量，但第一个履约周期另有上限：燃气机组不超过免费配额，其他机组不超过"
                    "免费配额加核查排放量的 20%。被封顶的单位应清缴量小于核查排放量。",
                    MEASURES,
                    ALLOCATION_PLAN,
                ),
            ),
            "en": texts(
                "In the first compliance cycle, every key emission unit had to surrender allowances equal to its "
                "verified emissions.",
                cite(
                    "en",
                    "The general rule is obligation = verified emissions, but the first cycle caps it: gas units at "
                    "their free allocation, other units at free allocation + 20% of verified emissions. A capped unit "
                    "owes less than its verified emissions.",
                    MEASURES,
                    ALLOCATION_PLAN,
                ),
            ),
        },
        {
            "ref": "SC-03",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [2],
            "zh": texts(
                "按环办气候函〔2021〕492 号通知，各省 95% 的重点排放单位须在何时前完成清缴？",
                cite(
                    "zh", "95% 的单位在 2021 年 12 月 15 日 17:00 前完成，全部单位在 12 月 31 日 17:00 前完成。", NOTICE
                ),
                options=[
                    "2021 年 11 月 30 日 17:00",
                    "2021 年 12 月 31 日 17:00",
                    "2021 年 12 月 15 日 17:00",
                    "2022 年 3 月 31 日 17:00",
                ],
            ),
            "en": texts(
                "Under MEE notice No. 492, by when did 95% of each province's key emission units have to finish "
                "surrendering?",
                cite("en", "95% by 17:00 on 15 December 2021, all of them by 17:00 on 31 December 2021.", NOTICE),
                options=[
                    "17:00 on 30 November 2021",
                    "17:00 on 31 December 2021",
                    "17:00 on 15 December 2021",
                    "17:00 on 31 March 2022",
                ],
            ),
        },
        {
            "ref": "SC-04",
            "kind": "numeric",
            "tags": ["settlement"],
            "value": "314",
            "tolerance": "0",
            "zh": texts(
                "山东有 330 家重点排放单位。要达到 492 号通知 12 月 15 日的要求，当天 17:00 前至少要有多少家完成清缴？",
                cite("zh", "330 × 95% = 313.5，单位只能按整家算，至少 314 家。", NOTICE, EVENT),
                unit="家",
            ),
            "en": texts(
                "Shandong had 330 key emission units. To meet notice No. 492's requirement for 15 December, at least "
                "how many had to have surrendered by 17:00 that day?",
                cite("en", "330 × 95% = 313.5; units come whole, so at least 314.", NOTICE, EVENT),
                unit="units",
            ),
        },
        {
            "ref": "SC-05",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [0],
            "zh": texts(
                "重点排放单位每年应在何时前报送上一年度的温室气体排放报告？",
                cite(
                    "zh",
                    "重点排放单位每年 3 月 31 日前报送上一年度排放报告，之后由省级生态环境主管部门组织核查。",
                    MEASURES,
                ),
                options=["3 月 31 日", "6 月 30 日", "12 月 15 日", "1 月 31 日"],
            ),
            "en": texts(
                "By what date each year must a key emission unit send in its previous year's emissions report?",
                cite(
                    "en",
                    "Reports of the previous year's emissions are due by 31 March; the provincial department then "
                    "has them verified.",
                    MEASURES,
                ),
                options=["31 March", "30 June", "15 December", "31 January"],
            ),
        },
        {
            "ref": "SC-06",
            "kind": "settle",
            "tags": ["settlement"],
            "settle": CAPPED_COAL,
            "figure": "allowances_due",
            "zh": texts(
                CAPPED_COAL_ZH + "它第一个履约周期的应清缴量是多少吨？",
                worked("zh", "上限 = 750,000 + 20% × 1,000,000 = 950,000 吨，小于核查排放量，应清缴量为 950,000 吨。"),
                unit="吨",
            ),
            "en": texts(
                CAPPED_COAL_EN + " What is its first-cycle obligation, in tonnes?",
                worked(
                    "en",
                    "Cap = 750,000 + 20% × 1,000,000 = 950,000 t, below the verified emissions, so the "
                    "obligation is 950,000 t.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "SC-07",
            "kind": "settle",
            "tags": ["settlement", "CCER"],
            "settle": CAPPED_COAL,
            "figure": "shortfall",
            "zh": texts(
                CAPPED_COAL_ZH + "用足可用的 CCER 后，它还要买入多少吨配额？",
                worked(
                    "zh",
                    "应清缴 950,000 吨；可用 CCER = min(80,000, ⌊5% × 950,000⌋) = 47,500 吨；"
                    "缺口 = 950,000 − 750,000 − 47,500 = 152,500 吨。",
                ),
                unit="吨",
            ),
            "en": texts(
                CAPPED_COAL_EN + " Using all the CCER it may, how many tonnes of allowances must it still buy?",
                worked(
                    "en",
                    "Obligation 950,000 t; usable CCER = min(80,000, ⌊5% × 950,000⌋) = 47,500 t; "
                    "shortfall = 950,000 − 750,000 − 47,500 = 152,500 t.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "SC-08",
            "kind": "settle",
            "tags": ["settlement"],
            "settle": GAS_UNIT,
            "figure": "allowances_due",
            "zh": texts(
                "某燃气机组两年合计核查排放量 400,000 吨，免费配额 360,000 吨。它第一个履约周期的应清缴量是多少吨？",
                worked("zh", "燃气机组的应清缴量不超过免费配额：min(400,000, 360,000) = 360,000 吨。"),
                unit="吨",
            ),
            "en": texts(
                "A gas unit has verified emissions for the two years of 400,000 t and a free allocation of 360,000 t. "
                "What is its first-cycle obligation, in tonnes?",
                worked("en", "A gas unit never owes more than its free allocation: min(400,000, 360,000) = 360,000 t."),
                unit="t",
            ),
        },
        {
            "ref": "SC-09",
            "kind": "settle",
            "tags": ["settlement"],
            "settle": {
                "verified_emissions": 1_000_000,
                "allowances_held": 900_000,
                "ccer_held": 0,
                "free_allocation": 900_000,
                "unit_type": "coal_below_300mw",
            },
            "figure": "shortfall",
            "zh": texts(
                "某常规燃煤机组（30 万千瓦以下）两年合计核查排放量 1,000,000 吨，免费配额和持有配额均为 900,000 吨，没有 "
                "CCER。它要买入多少吨配额？",
                worked(
                    "zh",
                    "上限 = 900,000 + 200,000 = 1,100,000 吨，大于排放量，不起作用；应清缴 1,000,000 吨，"
                    "缺口 100,000 吨。",
                ),
                unit="吨",
            ),
            "en": texts(
                "A conventional coal unit below 300 MW has verified emissions for the two years of 1,000,000 t; its free "
                "allocation and its holding are both 900,000 t, and it has no CCER. How many tonnes must it buy?",
                worked(
                    "en",
                    "Cap = 900,000 + 200,000 = 1,100,000 t, above the emissions, so it does not bite; obligation "
                    "1,000,000 t, shortfall 100,000 t.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "SC-10",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [3],
            "zh": texts(
                "第一个履约周期，燃气机组的应清缴量最多是多少？",
                cite(
                    "zh",
                    "燃气机组清缴量不超过其获得的免费配额；“免费配额 + 核查排放量的 20%”是其他机组的上限。",
                    ALLOCATION_PLAN,
                ),
                options=[
                    "免费配额加核查排放量的 20%",
                    "核查排放量的 95%",
                    "核查排放量加 5% 的 CCER",
                    "它获得的免费配额",
                ],
            ),
            "en": texts(
                "In the first compliance cycle, what is the most a gas unit can owe?",
                cite(
                    "en",
                    "A gas unit never surrenders more than its free allocation; free allocation + 20% of verified "
                    "emissions is the cap for the other units.",
                    ALLOCATION_PLAN,
                ),
                options=[
                    "its free allocation + 20% of verified emissions",
                    "95% of its verified emissions",
                    "its verified emissions plus 5% in CCER",
                    "the free allocation it received",
                ],
            ),
        },
        {
            "ref": "SC-11",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [1],
            "zh": texts(
                "按第一个履约周期的基准法，一台机组的配额怎样计算？",
                cite("zh", "基准法：机组配额 = 产出量 × 该类机组的碳排放基准值。", ALLOCATION_PLAN),
                options=[
                    "上一年度核查排放量 × 95%",
                    "产出量 × 该类机组的基准值",
                    "2018 年排放量 × 70%",
                    "装机容量 × 年运行小时数",
                ],
            ),
            "en": texts(
                "Under the first cycle's benchmark method, how is a unit's allocation worked out?",
                cite(
                    "en",
                    "Benchmark method: a unit's allowances = its output × the benchmark of its category.",
                    ALLOCATION_PLAN,
                ),
                options=[
                    "last year's verified emissions × 95%",
                    "output × the benchmark of its category",
                    "2018 emissions × 70%",
                    "installed capacity × hours run in the year",
                ],
            ),
        },
        {
            "ref": "SC-12",
            "kind": "multiple",
            "tags": ["settlement"],
            "scoring": "partial",
            "correct": [0, 2, 3],
            "zh": texts(
                "第一个履约周期的分配方案把发电机组分为四类。下列哪些是其中的类别？" + PARTIAL_RULE["zh"],
                cite(
                    "zh",
                    "四类为：常规燃煤机组（30 万千瓦及以上）、常规燃煤机组（30 万千瓦以下）、非常规燃煤机组（如燃煤"
                    "矸石）、燃气机组。",
                    ALLOCATION_PLAN,
                ),
                options=["燃气机组", "燃油机组", "常规燃煤机组（30 万千瓦以下）", "非常规燃煤机组（如燃煤矸石）"],
            ),
            "en": texts(
                "The first cycle's allocation plan sorts generating units into four categories. Which of these are among "
                "them? " + PARTIAL_RULE["en"],
                cite(
                    "en",
                    "The four: conventional coal 300 MW and above, conventional coal below 300 MW, unconventional "
                    "coal (such as coal gangue), and gas.",
                    ALLOCATION_PLAN,
                ),
                options=[
                    "gas units",
                    "oil-fired units",
                    "conventional coal units below 300 MW",
                    "unconventional coal units (such as coal gangue)",
                ],
            ),
        },
        {
            "ref": "SC-13",
            "kind": "numeric",
            "tags": ["settlement"],
            "value": "560000",
            "tolerance": "0",
            "zh": texts(
                "某机组 2018 年产出量 1,000,000 兆瓦时，假设其类别的基准值为 0.8 吨/兆瓦时（示例数字）。它某一年度的预分配量是"
                "多少吨？",
                cite("zh", "预分配按 2018 年产出量的 70%：1,000,000 × 70% × 0.8 = 560,000 吨。", ALLOCATION_PLAN),
                unit="吨",
            ),
            "en": texts(
                "A unit produced 1,000,000 MWh in 2018; assume its category's benchmark is 0.8 t/MWh (an example "
                "figure). What is its pre-allocation for a year, in tonnes?",
                cite(
                    "en", "Pre-allocation uses 70% of 2018 output: 1,000,000 × 70% × 0.8 = 560,000 t.", ALLOCATION_PLAN
                ),
                unit="t",
            ),
        },
        {
            "ref": "SC-14",
            "kind": "numeric",
            "tags": ["settlement"],
            "value": "320000",
            "tolerance": "0",
            "zh": texts(
                "某机组按 2018 年产出量 1,000,000 兆瓦时、基准值 0.8 吨/兆瓦时（示例数字）预分配了 560,000 吨。核查确认当年产出量为 "
                "1,100,000 兆瓦时，核定后它还会再得到多少吨配额？",
                cite(
                    "zh", "核定配额 = 1,100,000 × 0.8 = 880,000 吨；880,000 − 560,000 = 320,000 吨。", ALLOCATION_PLAN
                ),
                unit="吨",
            ),
            "en": texts(
                "A unit was pre-allocated 560,000 t from 2018 output of 1,000,000 MWh and a benchmark of 0.8 t/MWh (an "
                "example figure). Verification confirms its output for the year at 1,100,000 MWh. How many more tonnes "
                "does the true-up give it?",
                cite(
                    "en",
                    "Final allocation = 1,100,000 × 0.8 = 880,000 t; 880,000 − 560,000 = 320,000 t.",
                    ALLOCATION_PLAN,
                ),
                unit="t",
            ),
        },
        {
            "ref": "SC-15",
            "kind": "true_false",
            "tags": ["settlement"],
            "correct": False,
            "zh": texts(
                "预分配量就是最终配额，企业在核定前可以放心卖出看起来富余的部分。",
                cite(
                    "zh",
                    "预分配只是按 2018 年产出量的 70% 先发，最终配额按核查的实际产出量核定；产出下降的机组核定后配额会"
                    "少于预分配。",
                    ALLOCATION_PLAN,
                ),
            ),
            "en": texts(
                "The pre-allocation is the final allocation, so a company can safely sell what looks spare before the "
                "true-up.",
                cite(
                    "en",
                    "Pre-allocation is an advance on 70% of 2018 output; the final allocation follows verified "
                    "output, and a unit whose output fell ends up with less than it was pre-allocated.",
                    ALLOCATION_PLAN,
                ),
            ),
        },
        {
            "ref": "SC-16",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [0],
            "zh": texts(
                "2021 年 11 月 10 日至 17 日，山东 4 个复核组开展专项复核。企业应当为哪一种检查做准备？",
                cite("zh", "4 个复核组对重点排放单位开展专项复核，对象是企业本身，不是核查机构的工作。", EVENT),
                options=[
                    "对本企业碳排放数据的专项复核",
                    "对第三方核查机构核查工作的复核",
                    "对交易机构成交数据的复核",
                    "对地方试点市场配额的清理",
                ],
            ),
            "en": texts(
                "From 10 to 17 November 2021, four review teams carried out a special review in Shandong. What should a "
                "company have been ready for?",
                cite(
                    "en",
                    "The four teams reviewed the key emission companies themselves, not the verification "
                    "agencies' work.",
                    EVENT,
                ),
                options=[
                    "a special review of its own emissions data",
                    "a review of the verification agencies' own work",
                    "a review of the exchange's trade data",
                    "a clean-up of local pilot-market allowances",
                ],
            ),
        },
        {
            "ref": "SC-17",
            "kind": "single",
            "tags": ["settlement", "CCER"],
            "correct": [2],
            "zh": texts(
                "打算用 CCER 抵销的企业，下列哪一步必须在办理抵销之前完成？",
                cite(
                    "zh", "用于抵销的 CCER 必须先在全国温室气体自愿减排注册登记系统中注销，并保存注销证明。", MEASURES
                ),
                options=[
                    "在交易系统中卖出等量的配额",
                    "把 CCER 转入全国碳排放权注册登记系统的账户",
                    "在全国自愿减排注册登记系统中注销 CCER",
                    "请第三方核查机构核查这批 CCER",
                ],
            ),
            "en": texts(
                "A company plans to offset with CCER. Which step must be completed before it claims the offset?",
                cite(
                    "en",
                    "CCER must first be cancelled in the national voluntary-reduction registry, and the "
                    "cancellation proof kept.",
                    MEASURES,
                ),
                options=[
                    "sell the same quantity of allowances on the trading system",
                    "move the CCER into its national carbon emissions registry account",
                    "cancel the CCER in the national voluntary-reduction registry",
                    "have a third-party verifier verify the CCER",
                ],
            ),
        },
        {
            "ref": "SC-18",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [3],
            "zh": texts(
                "按清缴步骤，确认两年合计的核查排放量和免费配额之后，下一步应当做什么？",
                cite(
                    "zh",
                    "先判断机组类型、套用 20% 上限或燃气机组规则算出应清缴量，才能算可用 CCER 和缺口。",
                    ALLOCATION_PLAN,
                ),
                options=[
                    "立即在注册登记系统中提交清缴",
                    "买入与核查排放量相等的配额",
                    "注销持有的全部 CCER",
                    "判断机组类型，算出应清缴量",
                ],
            ),
            "en": texts(
                "In the surrender steps, once the verified emissions and the free allocation for both years are "
                "confirmed, what comes next?",
                cite(
                    "en",
                    "Decide the unit type and apply the 20% cap or the gas rule to get the obligation; only then "
                    "can usable CCER and the shortfall be worked out.",
                    ALLOCATION_PLAN,
                ),
                options=[
                    "surrender all its allowances in the registry straight away",
                    "buy allowances equal to the full verified emissions",
                    "cancel all the CCER held",
                    "decide the unit type and work out the obligation",
                ],
            ),
        },
        {
            "ref": "SC-19",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [1],
            "zh": texts(
                "某单位截至 2021 年 12 月 31 日 17:00 仍差 2 万吨未清缴，责令改正的期限届满仍未补足。按《管理办法》第四十条，"
                "它会面临什么？",
                cite(
                    "zh",
                    "未按时足额清缴的，处 2 万元以上 3 万元以下罚款；逾期未改正的，欠缴部分在下一年度配额中等量核减。",
                    ARTICLE_40,
                ),
                options=[
                    "处 2 万元以上 3 万元以下罚款，欠缴部分就此免除",
                    "罚款 2 万至 3 万元，下一年度配额核减 2 万吨",
                    "处 1 万元以上 3 万元以下罚款，不核减配额",
                    "不罚款，下一年度配额核减 4 万吨",
                ],
            ),
            "en": texts(
                "At 17:00 on 31 December 2021 a unit is still 20,000 t short, and it has not made good the shortfall when "
                "the correction deadline passes. Under Article 40 of the Measures, what does it face?",
                cite(
                    "en",
                    "Failing to surrender on time and in full: a fine of 20,000–30,000 yuan; a shortfall not "
                    "corrected in time is deducted one-for-one from next year's allocation.",
                    ARTICLE_40,
                ),
                options=[
                    "a fine of 20,000–30,000 yuan, after which the shortfall is forgiven",
                    "a 20,000–30,000 yuan fine and 20,000 t less next year",
                    "a fine of 10,000–30,000 yuan and no deduction",
                    "no fine, but 40,000 t deducted from next year's allocation",
                ],
            ),
        },
        {
            "ref": "SC-20",
            "kind": "numeric",
            "tags": ["settlement"],
            "value": "15000",
            "tolerance": "0",
            "zh": texts(
                "某单位被查实在排放报告中瞒报了 1.5 万吨排放。按《管理办法》第三十九条，除罚款外，它下一年度的配额会被核减多少吨？",
                cite(
                    "zh",
                    "虚报、瞒报的，处 1 万元以上 3 万元以下罚款，虚报、瞒报部分等量核减下一年度配额：15,000 吨。",
                    ARTICLE_39,
                ),
                unit="吨",
            ),
            "en": texts(
                "A unit is found to have concealed 15,000 t of emissions in its report. Under Article 39 of the Measures, "
                "besides the fine, how many tonnes are deducted from its next year's allocation?",
                cite(
                    "en",
                    "False or concealed reports: a fine of 10,000–30,000 yuan and the misreported amount deducted "
                    "from next year's allocation: 15,000 t.",
                    ARTICLE_39,
                ),
                unit="t",
            ),
        },
        {
            "ref": "SC-21",
            "kind": "true_false",
            "tags": ["settlement"],
            "correct": False,
            "zh": texts(
                "未按时足额清缴的单位交了 2 万元至 3 万元的罚款以后，欠缴的配额就不用再补。",
                cite("zh", "罚款和核减是两件事：逾期仍未补足的欠缴部分，在下一年度配额中等量核减。", ARTICLE_40),
            ),
            "en": texts(
                "Once a unit that failed to surrender on time has paid its fine of 20,000–30,000 yuan, it no longer has "
                "to make good the missing allowances.",
                cite(
                    "en",
                    "The fine and the deduction are separate: a shortfall still not made good is deducted "
                    "one-for-one from next year's allocation.",
                    ARTICLE_40,
                ),
            ),
        },
        {
            "ref": "SC-22",
            "kind": "multiple",
            "tags": ["settlement"],
            "correct": [0, 2, 4],
            "zh": texts(
                "收到核定结果后，计算本单位第一个履约周期的应清缴量需要哪些数字？" + ALL_OR_NOTHING_RULE["zh"],
                cite(
                    "zh",
                    "应清缴量取决于两年合计的核查排放量、免费配额和机组类型（燃气或其他）；收盘价和 2018 年排放量不参与"
                    "计算。",
                    ALLOCATION_PLAN,
                ),
                options=["两年合计的核查排放量", "上一交易日的收盘价", "免费配额", "2018 年的排放量", "机组类型"],
            ),
            "en": texts(
                "Once the true-up results are in, which figures do you need to work out your unit's first-cycle "
                "obligation? " + ALL_OR_NOTHING_RULE["en"],
                cite(
                    "en",
                    "The obligation depends on the two years' verified emissions, the free allocation and the "
                    "unit type (gas or other); the closing price and 2018 emissions play no part.",
                    ALLOCATION_PLAN,
                ),
                options=[
                    "the verified emissions for the two years",
                    "the previous closing price",
                    "the free allocation",
                    "the 2018 emissions",
                    "the unit type",
                ],
            ),
        },
        {
            "ref": "SC-23",
            "kind": "single",
            "tags": ["settlement"],
            "correct": [2],
            "zh": texts(
                "第一个履约周期“99.5% 的履约完成率”是按什么计算的？",
                cite("zh", "生态环境部公布的 99.5% 是按配额数量计算的履约完成率，不是按单位家数。", MEE_PRESS),
                options=["按完成清缴的单位家数", "按完成清缴的省份个数", "按应清缴的配额数量", "按配额的成交金额"],
            ),
            "en": texts(
                'The first cycle\'s "99.5% compliance" — what was it measured by?',
                cite("en", "MEE's 99.5% is compliance by quantity of allowances, not by number of units.", MEE_PRESS),
                options=[
                    "the number of units that surrendered",
                    "the number of provinces that finished",
                    "the quantity of allowances due",
                    "the turnover of allowance trading",
                ],
            ),
        },
        {
            "ref": "SC-24",
            "kind": "settle",
            "tags": ["settlement", "CCER"],
            "settle": {**CAPPED_COAL, "allowances_held": 902_500},
            "figure": "surplus",
            "zh": texts(
                CAPPED_COAL_ZH.replace("持有配额 750,000 吨", "持有配额 902,500 吨")
                + "它已买入缺口，账户中配额为 902,500 吨。用足可用 CCER 后，还会剩下多少吨配额？",
                worked(
                    "zh", "应清缴 950,000 吨；可用 CCER 47,500 吨；902,500 + 47,500 − 950,000 = 0，恰好够用，没有盈余。"
                ),
                unit="吨",
            ),
            "en": texts(
                CAPPED_COAL_EN.replace("holds 750,000 t", "holds 902,500 t")
                + " It has bought its shortfall. Using all the CCER it may, how many tonnes of allowances are left over?",
                worked(
                    "en",
                    "Obligation 950,000 t; usable CCER 47,500 t; 902,500 + 47,500 − 950,000 = 0: exactly "
                    "covered, nothing left over.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "SC-25",
            "kind": "numeric",
            "tags": ["settlement"],
            "value": "902500",
            "tolerance": "0",
            "zh": texts(
                "某燃煤机组的应清缴量被 20% 上限封顶为 950,000 吨，用 47,500 吨 CCER 抵销。它在注册登记系统中要提交清缴多少吨配额？",
                worked("zh", "清缴的配额 = 应清缴量 − CCER 抵销量 = 950,000 − 47,500 = 902,500 吨。"),
                unit="吨",
            ),
            "en": texts(
                "A coal unit's obligation is capped by the 20% rule at 950,000 t and it offsets 47,500 t with CCER. How many tonnes of "
                "allowances must it surrender in the registry?",
                worked("en", "Allowances to surrender = obligation − CCER offset = 950,000 − 47,500 = 902,500 t."),
                unit="t",
            ),
        },
        {
            "ref": "SC-26",
            "kind": "multiple",
            "tags": ["settlement"],
            "scoring": "partial",
            "correct": [1, 2],
            "zh": texts(
                "第一个履约周期报告显示有 847 家单位存在配额缺口。一家有缺口的单位，下列做法中能让它按时足额完成清缴的是："
                + PARTIAL_RULE["zh"],
                cite(
                    "zh",
                    "缺口须在截止前补足：在交易系统买入配额，或在 5% 上限内使用已注销的 CCER；交罚款不能代替清缴，"
                    "12 月 31 日 17:00 之后办理已经逾期。",
                    FIRST_CYCLE_REPORT,
                    ARTICLE_40,
                    NOTICE,
                ),
                options=[
                    "先交罚款，再申请免除缺口",
                    "12 月 15 日前在交易系统中买入缺口",
                    "在 5% 上限内用已注销的 CCER 抵销一部分",
                    "等到 2022 年 1 月再买入缺口",
                ],
            ),
            "en": texts(
                "The first-cycle report shows 847 units had a shortfall. For a unit with a shortfall, which of these get "
                "it to surrender on time and in full? " + PARTIAL_RULE["en"],
                cite(
                    "en",
                    "A shortfall must be made good before the deadline: buy allowances on the trading system, or "
                    "use cancelled CCER within the 5% limit; a fine does not replace surrender, and anything after "
                    "17:00 on 31 December is late.",
                    FIRST_CYCLE_REPORT,
                    ARTICLE_40,
                    NOTICE,
                ),
                options=[
                    "pay the fine first, then ask to be let off the shortfall",
                    "buy the shortfall on the trading system before 15 December",
                    "offset part of it with cancelled CCER within the 5% limit",
                    "wait until January 2022 to buy the shortfall",
                ],
            ),
        },
        {
            "ref": "SC-27",
            "kind": "text",
            "tags": ["settlement"],
            "zh": texts(
                "第一个履约周期中，哪一类机组的应清缴量不超过其获得的免费配额？（填写机组类别）",
                cite(
                    "zh", "燃气机组清缴量不超过免费配额；其他机组的上限是免费配额加核查排放量的 20%。", ALLOCATION_PLAN
                ),
                accepted=["燃气机组", "燃气", "燃气发电机组", "天然气机组"],
            ),
            "en": texts(
                "In the first compliance cycle, which category of unit never owes more than its free allocation? "
                "(Name the category.)",
                cite(
                    "en",
                    "Gas units never surrender more than their free allocation; for the others the cap is the free "
                    "allocation + 20% of verified emissions.",
                    ALLOCATION_PLAN,
                ),
                accepted=[
                    "gas",
                    "gas units",
                    "gas unit",
                    "gas-fired units",
                    "gas-fired unit",
                    "gas-fired",
                    "natural gas units",
                ],
            ),
        },
    ],
}
