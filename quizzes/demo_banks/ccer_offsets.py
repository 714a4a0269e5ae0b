"""Demo question bank of the course "Using CCER to offset allowance surrender" (ccer-offsets), zh and en.

The ``settle`` questions' answers are computed with ``courses.calculator.settle`` when the demo loads;
the capped and gas cases pass the free allocation and the unit type.
"""

from .sources import (
    ALLOCATION_PLAN,
    ARTICLE_29,
    ARTICLE_39,
    ARTICLE_40,
    CCER_RULES,
    EVENT,
    FIRST_CYCLE_REPORT,
    MEE_PRESS,
    NOTICE,
    PARTIAL_RULE,
    cite,
    texts,
    worked,
)

BANK = {
    "course": "ccer-offsets",
    "prefix": "CC",
    "category": {"zh": "CCER 抵销", "en": "CCER offsets"},
    "questions": [
        {
            "ref": "CC-01",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [2],
            "zh": texts(
                "某重点排放单位准备用下列四批 CCER 抵销配额清缴，哪一批按第二十九条不能使用？",
                cite(
                    "zh",
                    "用于抵销的 CCER 不得来自纳入全国碳市场配额管理的减排项目；签发时间、购买渠道不影响资格。",
                    ARTICLE_29,
                ),
                options=[
                    "2016 年签发、在四川的交易机构买入的一批",
                    "通过供需对接从另一家企业买入的一批",
                    "来自纳入全国碳市场配额管理项目的一批",
                    "2015 年签发、在海峡的交易机构买入的一批",
                ],
            ),
            "en": texts(
                "A key emission unit plans to offset with one of these four batches of CCER. Which one does Article 29 "
                "rule out?",
                cite(
                    "en",
                    "CCER may not come from projects under the national market's allowance management; when they "
                    "were issued and where they were bought do not matter.",
                    ARTICLE_29,
                ),
                options=[
                    "a batch issued in 2016 and bought on the Sichuan exchange",
                    "a batch bought from another company through supply-demand matching",
                    "a batch from a project under the national market's allowances",
                    "a batch issued in 2015 and bought on the Haixia exchange",
                ],
            ),
        },
        {
            "ref": "CC-02",
            "kind": "settle",
            "tags": ["CCER", "settlement"],
            "settle": {"verified_emissions": 600_000, "allowances_held": 560_000, "ccer_held": 40_000},
            "figure": "usable_ccer",
            "zh": texts(
                "某单位应清缴量 600,000 吨（未封顶），计划用 40,000 吨 CCER 抵销。其中最多能用多少吨？",
                worked(
                    "zh",
                    "上限 = ⌊5% × 600,000⌋ = 30,000 吨；可用 = min(40,000, 30,000) = 30,000 吨，其余 10,000 吨"
                    "本周期不能用。",
                ),
                unit="吨",
            ),
            "en": texts(
                "A unit's obligation is 600,000 t (not capped) and it plans to offset 40,000 t of CCER. How many tonnes "
                "can it actually use?",
                worked(
                    "en",
                    "Limit = ⌊5% × 600,000⌋ = 30,000 t; usable = min(40,000, 30,000) = 30,000 t; the other "
                    "10,000 t cannot be used this cycle.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "CC-03",
            "kind": "settle",
            "tags": ["CCER"],
            "settle": {"verified_emissions": 1_234_567, "allowances_held": 0, "ccer_held": 100_000},
            "figure": "max_usable_ccer",
            "zh": texts(
                "某单位应清缴量 1,234,567 吨（未封顶）。它最多可以用多少吨 CCER 抵销？",
                worked("zh", "5% × 1,234,567 = 61,728.35 吨，向下取整为 61,728 吨。"),
                unit="吨",
            ),
            "en": texts(
                "A unit's obligation is 1,234,567 t (not capped). At most how many tonnes of CCER can it offset?",
                worked("en", "5% × 1,234,567 = 61,728.35 t, rounded down to 61,728 t."),
                unit="t",
            ),
        },
        {
            "ref": "CC-04",
            "kind": "settle",
            "tags": ["CCER"],
            "settle": {"verified_emissions": 873_219, "allowances_held": 0, "ccer_held": 45_000},
            "figure": "usable_ccer",
            "zh": texts(
                "某单位应清缴量 873,219 吨（未封顶），持有 CCER 45,000 吨。可用于抵销的 CCER 是多少吨？",
                worked(
                    "zh", "上限 = ⌊5% × 873,219⌋ = ⌊43,660.95⌋ = 43,660 吨；可用 = min(45,000, 43,660) = 43,660 吨。"
                ),
                unit="吨",
            ),
            "en": texts(
                "A unit's obligation is 873,219 t (not capped) and it holds 45,000 t of CCER. How many tonnes of CCER "
                "can it use?",
                worked(
                    "en", "Limit = ⌊5% × 873,219⌋ = ⌊43,660.95⌋ = 43,660 t; usable = min(45,000, 43,660) = 43,660 t."
                ),
                unit="t",
            ),
        },
        {
            "ref": "CC-05",
            "kind": "true_false",
            "tags": ["CCER"],
            "correct": False,
            "zh": texts(
                "CCER 的 5% 上限按企业账户中持有的配额数量计算。",
                cite(
                    "zh",
                    "上限以应清缴的配额为基数，不是持有的配额：持有 93 万吨、应清缴 100 万吨时，上限是 5 万吨，不是 "
                    "4.65 万吨。",
                    ARTICLE_29,
                ),
            ),
            "en": texts(
                "The 5% CCER limit is taken of the allowances the company holds in its account.",
                cite(
                    "en",
                    "The limit is taken of the allowances due, not those held: holding 930,000 t with 1,000,000 t "
                    "due, the limit is 50,000 t, not 46,500 t.",
                    ARTICLE_29,
                ),
            ),
        },
        {
            "ref": "CC-06",
            "kind": "settle",
            "tags": ["CCER", "settlement"],
            "settle": {
                "verified_emissions": 1_000_000,
                "allowances_held": 750_000,
                "ccer_held": 80_000,
                "free_allocation": 750_000,
                "unit_type": "coal_300mw_plus",
            },
            "figure": "max_usable_ccer",
            "zh": texts(
                "某常规燃煤机组两年合计核查排放量 1,000,000 吨，免费配额 750,000 吨，持有 CCER 80,000 吨。它最多可以用多少吨 "
                "CCER 抵销？",
                worked(
                    "zh",
                    "应清缴量封顶为 750,000 + 200,000 = 950,000 吨；上限 = ⌊5% × 950,000⌋ = 47,500 吨，"
                    "不是按排放量算出的 50,000 吨。",
                ),
                unit="吨",
            ),
            "en": texts(
                "A conventional coal unit has verified emissions for the two years of 1,000,000 t, a free allocation of "
                "750,000 t and 80,000 t of CCER. At most how many tonnes of CCER can it offset?",
                worked(
                    "en",
                    "The obligation is capped at 750,000 + 200,000 = 950,000 t; limit = ⌊5% × 950,000⌋ = "
                    "47,500 t, not the 50,000 t that 5% of emissions would give.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "CC-07",
            "kind": "settle",
            "tags": ["CCER", "settlement"],
            "settle": {
                "verified_emissions": 400_000,
                "allowances_held": 360_000,
                "ccer_held": 30_000,
                "free_allocation": 360_000,
                "unit_type": "gas",
            },
            "figure": "max_usable_ccer",
            "zh": texts(
                "某燃气机组两年合计核查排放量 400,000 吨，免费配额 360,000 吨。它最多可以用多少吨 CCER 抵销？",
                worked(
                    "zh", "燃气机组应清缴量 = min(400,000, 360,000) = 360,000 吨；上限 = 5% × 360,000 = 18,000 吨。"
                ),
                unit="吨",
            ),
            "en": texts(
                "A gas unit has verified emissions for the two years of 400,000 t and a free allocation of 360,000 t. At "
                "most how many tonnes of CCER can it offset?",
                worked(
                    "en", "Gas unit obligation = min(400,000, 360,000) = 360,000 t; limit = 5% × 360,000 = 18,000 t."
                ),
                unit="t",
            ),
        },
        {
            "ref": "CC-08",
            "kind": "settle",
            "tags": ["CCER", "settlement"],
            "settle": {"verified_emissions": 1_000_000, "allowances_held": 930_000, "ccer_held": 80_000},
            "figure": "shortfall",
            "zh": texts(
                "某单位应清缴量 1,000,000 吨（未封顶），持有配额 930,000 吨、CCER 80,000 吨。它还要买入多少吨配额？",
                worked(
                    "zh",
                    "可用 CCER = min(80,000, 50,000) = 50,000 吨；缺口 = 1,000,000 − 930,000 − 50,000 = 20,000 吨。",
                ),
                unit="吨",
            ),
            "en": texts(
                "A unit owes 1,000,000 t (not capped) and holds 930,000 t of allowances and 80,000 t of CCER. How many "
                "tonnes of allowances must it buy?",
                worked(
                    "en",
                    "Usable CCER = min(80,000, 50,000) = 50,000 t; shortfall = 1,000,000 − 930,000 − 50,000 = "
                    "20,000 t.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "CC-09",
            "kind": "settle",
            "tags": ["CCER", "settlement"],
            "settle": {"verified_emissions": 1_000_000, "allowances_held": 930_000, "ccer_held": 30_000},
            "figure": "shortfall",
            "zh": texts(
                "某单位应清缴量 1,000,000 吨（未封顶），持有配额 930,000 吨、CCER 30,000 吨。它还要买入多少吨配额？",
                worked(
                    "zh",
                    "30,000 吨低于 50,000 吨的上限，可以全部使用；缺口 = 1,000,000 − 930,000 − 30,000 = 40,000 吨。",
                ),
                unit="吨",
            ),
            "en": texts(
                "A unit owes 1,000,000 t (not capped) and holds 930,000 t of allowances and 30,000 t of CCER. How many "
                "tonnes of allowances must it buy?",
                worked(
                    "en",
                    "30,000 t is below the 50,000 t limit, so all of it counts; shortfall = 1,000,000 − 930,000 − "
                    "30,000 = 40,000 t.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "CC-10",
            "kind": "settle",
            "tags": ["CCER", "settlement"],
            "settle": {"verified_emissions": 1_000_000, "allowances_held": 1_020_000, "ccer_held": 80_000},
            "figure": "surplus",
            "zh": texts(
                "某单位应清缴量 1,000,000 吨（未封顶），持有配额 1,020,000 吨、CCER 80,000 吨。用足可用 CCER 后，会剩下多少吨"
                "配额？",
                worked("zh", "可用 CCER 50,000 吨；盈余 = 1,020,000 + 50,000 − 1,000,000 = 70,000 吨。"),
                unit="吨",
            ),
            "en": texts(
                "A unit owes 1,000,000 t (not capped) and holds 1,020,000 t of allowances and 80,000 t of CCER. Using all "
                "the CCER it may, how many tonnes of allowances are left over?",
                worked("en", "Usable CCER 50,000 t; surplus = 1,020,000 + 50,000 − 1,000,000 = 70,000 t."),
                unit="t",
            ),
        },
        {
            "ref": "CC-11",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [0],
            "zh": texts(
                "为什么第一个履约周期只能买到 2017 年以前签发的存量 CCER？",
                cite("zh", "CCER 新项目备案自 2017 年 3 月暂停，第一个履约周期只有此前签发的存量可用。", CCER_RULES),
                options=[
                    "2017 年 3 月起 CCER 新项目暂停备案",
                    "《管理办法》只允许使用 2017 年以前的 CCER",
                    "5% 上限只适用于 2017 年以前签发的 CCER",
                    "2017 年以后的 CCER 只能在上海交易",
                ],
            ),
            "en": texts(
                "Why could only existing CCER, issued before 2017, be bought in the first compliance cycle?",
                cite(
                    "en",
                    "New CCER project filings stopped in March 2017, so only CCER issued before then existed.",
                    CCER_RULES,
                ),
                options=[
                    "new CCER project filings stopped in March 2017",
                    "the Measures allow only CCER issued before 2017",
                    "the 5% limit applies only to CCER issued before 2017",
                    "CCER issued after 2017 can only trade in Shanghai",
                ],
            ),
        },
        {
            "ref": "CC-12",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [3],
            "zh": texts(
                "第一个履约周期，企业要买入存量 CCER，应当到哪里？",
                cite(
                    "zh",
                    "存量 CCER 在北京、天津、上海、广州、深圳、湖北、重庆、四川、海峡九家自愿减排交易机构交易，也可"
                    "与持有方协商；全国碳排放权交易系统只交易配额。",
                    CCER_RULES,
                    EVENT,
                ),
                options=[
                    "全国碳排放权交易系统的挂牌协议交易",
                    "全国碳排放权注册登记系统",
                    "生态环境部的排放报告系统",
                    "九家自愿减排交易机构之一，例如湖北",
                ],
            ),
            "en": texts(
                "Where did a company go to buy existing CCER in the first compliance cycle?",
                cite(
                    "en",
                    "Existing CCER traded on nine voluntary-reduction exchanges (Beijing, Tianjin, Shanghai, "
                    "Guangzhou, Shenzhen, Hubei, Chongqing, Sichuan, Haixia), or by agreement with a holder; the "
                    "national trading system trades allowances only.",
                    CCER_RULES,
                    EVENT,
                ),
                options=[
                    "listing-agreement trading on the national carbon trading system",
                    "the national carbon emissions registry",
                    "MEE's emissions reporting system",
                    "one of the nine voluntary-reduction exchanges, e.g. Hubei",
                ],
            ),
        },
        {
            "ref": "CC-13",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [1],
            "zh": texts(
                "购买和注销 CCER，企业需要在哪个系统中开立账户？",
                cite(
                    "zh",
                    "CCER 的购买和注销通过全国温室气体自愿减排注册登记系统的账户办理；截至 2021 年 11 月 23 日，山东帮助"
                    " 145 家企业申请，43 家完成开户。",
                    CCER_RULES,
                    EVENT,
                ),
                options=[
                    "全国碳排放权注册登记系统",
                    "全国温室气体自愿减排注册登记系统",
                    "全国碳排放权交易系统",
                    "所在地省级生态环境部门的报告系统",
                ],
            ),
            "en": texts(
                "In which system does a company need an account to buy and cancel CCER?",
                cite(
                    "en",
                    "CCER are bought and cancelled through an account in the national voluntary greenhouse-gas "
                    "emission reduction registry; by 23 November 2021 Shandong had helped 145 companies apply and 43 "
                    "had their accounts.",
                    CCER_RULES,
                    EVENT,
                ),
                options=[
                    "the national carbon emissions registry",
                    "the national voluntary emission reduction registry",
                    "the national trading system",
                    "the provincial department's emissions reporting system",
                ],
            ),
        },
        {
            "ref": "CC-14",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [0],
            "zh": texts(
                "CCER 交付到本单位账户后，用于抵销之前还必须做什么？",
                cite(
                    "zh", "用于抵销的 CCER 须先在全国温室气体自愿减排注册登记系统中注销，并保存注销证明。", CCER_RULES
                ),
                options=[
                    "在自愿减排注册登记系统中注销",
                    "转入全国碳排放权注册登记账户",
                    "在交易系统中挂牌卖出同等数量",
                    "请第三方核查机构重新核查",
                ],
            ),
            "en": texts(
                "Once CCER have been delivered to the unit's account, what must still happen before they can offset?",
                cite(
                    "en",
                    "CCER used for offsetting must first be cancelled in the national voluntary-reduction "
                    "registry, and the cancellation proof kept.",
                    CCER_RULES,
                ),
                options=[
                    "cancel them in the voluntary-reduction registry",
                    "move them into the national carbon emissions registry account",
                    "list the same quantity for sale on the trading system",
                    "have a third-party verifier verify them again",
                ],
            ),
        },
        {
            "ref": "CC-15",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [2],
            "zh": texts(
                "某单位应清缴量 1,000,000 吨（未封顶），持有 CCER 80,000 吨。它应当注销多少吨 CCER？",
                cite(
                    "zh",
                    "只注销能用的数量：min(80,000, ⌊5% × 1,000,000⌋) = 50,000 吨；多注销的部分既不能抵销，也不能再转让。",
                    ARTICLE_29,
                    CCER_RULES,
                ),
                options=["8 万吨", "4.65 万吨", "5 万吨", "3 万吨"],
            ),
            "en": texts(
                "A unit owes 1,000,000 t (not capped) and holds 80,000 t of CCER. How many tonnes of CCER should it "
                "cancel?",
                cite(
                    "en",
                    "Cancel only what can be used: min(80,000, ⌊5% × 1,000,000⌋) = 50,000 t; anything cancelled "
                    "beyond that can neither offset nor be transferred.",
                    ARTICLE_29,
                    CCER_RULES,
                ),
                options=["80,000 t", "46,500 t", "50,000 t", "30,000 t"],
            ),
        },
        {
            "ref": "CC-16",
            "kind": "true_false",
            "tags": ["CCER"],
            "correct": False,
            "zh": texts(
                "CCER 注销以后，如果本周期用不完，还可以转让给其他企业。",
                cite("zh", "注销后的 CCER 不能再转让或重复使用，所以注销前要按上限算好数量。", CCER_RULES),
            ),
            "en": texts(
                "If cancelled CCER turn out not to be needed this cycle, they can still be transferred to another company.",
                cite(
                    "en",
                    "Cancelled CCER cannot be transferred or used again, so fix the quantity against the limit "
                    "before cancelling.",
                    CCER_RULES,
                ),
            ),
        },
        {
            "ref": "CC-17",
            "kind": "multiple",
            "tags": ["CCER"],
            "scoring": "partial",
            "correct": [0, 1, 3],
            "zh": texts(
                "下列哪些情形会使 CCER 不能用于本周期的抵销？" + PARTIAL_RULE["zh"],
                cite(
                    "zh",
                    "未注销、来自纳入配额管理的项目、超过应清缴量 5% 的部分都不能抵销；在九家交易机构之一买入、12 月上旬"
                    "完成注销都是正常做法。",
                    ARTICLE_29,
                    CCER_RULES,
                ),
                options=[
                    "还没有在自愿减排注册登记系统中注销",
                    "来自纳入全国碳市场配额管理的项目",
                    "在九家自愿减排交易机构之一买入",
                    "超过应清缴量 5% 的那一部分",
                    "在 12 月上旬完成了注销",
                ],
            ),
            "en": texts(
                "Which of these stop CCER from offsetting this cycle's surrender? " + PARTIAL_RULE["en"],
                cite(
                    "en",
                    "CCER not yet cancelled, from a project under the national allowances, or beyond 5% of the "
                    "obligation cannot offset; buying on one of the nine exchanges and cancelling in early December are "
                    "normal practice.",
                    ARTICLE_29,
                    CCER_RULES,
                ),
                options=[
                    "they have not been cancelled in the voluntary-reduction registry",
                    "they come from a project under the national market's allowances",
                    "they were bought on one of the nine voluntary-reduction exchanges",
                    "they are the part beyond 5% of the obligation",
                    "they were cancelled in early December",
                ],
            ),
        },
        {
            "ref": "CC-18",
            "kind": "numeric",
            "tags": ["CCER"],
            "value": "1725000",
            "tolerance": "0",
            "zh": texts(
                "山东协调 8 家企业交付了约 69 万吨 CCER，平均每家 86,250 吨。一家企业要把 86,250 吨全部用于抵销，应清缴量至少"
                "要有多少吨？（可填“172.5万”）",
                cite("zh", "可用 CCER 不超过应清缴量的 5%：86,250 ÷ 5% = 1,725,000 吨。", ARTICLE_29, EVENT),
                unit="吨",
            ),
            "en": texts(
                "Shandong helped 8 companies take delivery of about 690,000 t of CCER, 86,250 t each on average. To "
                "offset all 86,250 t, at least how large must a company's obligation be, in tonnes?",
                cite(
                    "en",
                    "Usable CCER may not exceed 5% of the obligation: 86,250 ÷ 5% = 1,725,000 t.",
                    ARTICLE_29,
                    EVENT,
                ),
                unit="t",
            ),
        },
        {
            "ref": "CC-19",
            "kind": "numeric",
            "tags": ["CCER", "settlement"],
            "value": "2500",
            "tolerance": "0",
            "zh": texts(
                "某燃煤机组核查排放 100 万吨、免费配额 75 万吨，应清缴量被 20% 上限封顶。它若误以排放量 100 万吨为基数计算 "
                "CCER 上限，会多算多少吨？",
                worked("zh", "正确基数 950,000 吨，上限 47,500 吨；误用 1,000,000 吨得 50,000 吨，多算 2,500 吨。"),
                unit="吨",
            ),
            "en": texts(
                "A coal unit with verified emissions of 1,000,000 t and a free allocation of 750,000 t has its obligation "
                "capped by the 20% rule. If it wrongly took 5% of the 1,000,000 t of emissions, by how many tonnes "
                "would it overstate its CCER limit?",
                worked(
                    "en",
                    "Right base 950,000 t, limit 47,500 t; the wrong base of 1,000,000 t gives 50,000 t, "
                    "2,500 t too many.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "CC-20",
            "kind": "true_false",
            "tags": ["CCER"],
            "correct": False,
            "zh": texts(
                "5% 是必须用满的比例：使用 CCER 的企业必须抵销应清缴量的 5%。",
                cite("zh", "第二十九条规定抵销“不得超过”5%，是上限而不是要求；企业可以少用或不用 CCER。", ARTICLE_29),
            ),
            "en": texts(
                "5% is a quota to fill: a company that uses CCER must offset exactly 5% of its obligation.",
                cite(
                    "en",
                    "Article 29 says the offset may not exceed 5%: a ceiling, not a requirement; a company may use "
                    "less CCER or none.",
                    ARTICLE_29,
                ),
            ),
        },
        {
            "ref": "CC-21",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [1],
            "zh": texts(
                "打算用 CCER 抵销的企业，什么时候申请自愿减排注册登记账户最合适？",
                cite(
                    "zh",
                    "开户比买入慢：截至 2021 年 11 月 23 日，山东申请 CCER 账户的 145 家企业中只有 43 家完成开户。",
                    EVENT,
                ),
                options=["买到 CCER 之后再申请", "知道大致缺口时就申请", "12 月 15 日之后再申请", "提交清缴的当天申请"],
            ),
            "en": texts(
                "When should a company that plans to offset with CCER apply for its voluntary-reduction registry account?",
                cite(
                    "en",
                    "Opening takes longer than buying: by 23 November 2021 only 43 of the 145 Shandong companies "
                    "that applied had their CCER accounts.",
                    EVENT,
                ),
                options=[
                    "only after it has bought and received the CCER",
                    "as soon as it knows its rough shortfall",
                    "after 15 December",
                    "on the day it surrenders",
                ],
            ),
        },
        {
            "ref": "CC-22",
            "kind": "single",
            "tags": ["CCER", "settlement"],
            "correct": [2],
            "zh": texts(
                "清缴完成后核对结果，下列哪个等式应当成立？",
                cite(
                    "zh",
                    "CCER 只替代一部分配额：抵销的 CCER 加上清缴的配额，应等于应清缴量。",
                    ARTICLE_29,
                    ALLOCATION_PLAN,
                ),
                options=[
                    "清缴的配额 = 核查排放量",
                    "抵销的 CCER = 持有的 CCER",
                    "抵销的 CCER + 清缴的配额 = 应清缴量",
                    "清缴的配额 = 免费配额 + 核查排放量的 20%",
                ],
            ),
            "en": texts(
                "Checking the result after surrendering, which equation should hold?",
                cite(
                    "en",
                    "CCER only replace part of the allowances: the CCER offset plus the allowances surrendered "
                    "equal the obligation.",
                    ARTICLE_29,
                    ALLOCATION_PLAN,
                ),
                options=[
                    "allowances surrendered = the verified emissions of both years",
                    "CCER offset = CCER held",
                    "CCER offset + allowances surrendered = obligation",
                    "allowances surrendered = free allocation",
                ],
            ),
        },
        {
            "ref": "CC-23",
            "kind": "settle",
            "tags": ["CCER", "settlement"],
            "settle": {
                "verified_emissions": 1_000_000,
                "allowances_held": 750_000,
                "ccer_held": 80_000,
                "free_allocation": 750_000,
                "unit_type": "coal_300mw_plus",
            },
            "figure": "shortfall",
            "zh": texts(
                "某常规燃煤机组两年合计核查排放量 1,000,000 吨，免费配额和持有配额均为 750,000 吨，持有 CCER 80,000 吨。用足"
                "可用 CCER 后还要买入多少吨配额？",
                worked(
                    "zh", "应清缴 950,000 吨；可用 CCER 47,500 吨；缺口 = 950,000 − 750,000 − 47,500 = 152,500 吨。"
                ),
                unit="吨",
            ),
            "en": texts(
                "A conventional coal unit has verified emissions for the two years of 1,000,000 t; its free allocation "
                "and its holding are both 750,000 t, and it holds 80,000 t of CCER. Using all the CCER it may, how many "
                "tonnes must it still buy?",
                worked(
                    "en",
                    "Obligation 950,000 t; usable CCER 47,500 t; shortfall = 950,000 − 750,000 − 47,500 = 152,500 t.",
                ),
                unit="t",
            ),
        },
        {
            "ref": "CC-24",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [3],
            "zh": texts(
                "在第一个履约周期的清缴时间表里，注销 CCER 最好安排在什么时候完成？",
                cite(
                    "zh",
                    "购买、交付、注销、办理抵销环环相扣，而 95% 的单位须在 12 月 15 日 17:00 前完成清缴，所以注销宜在"
                    " 12 月上旬前完成。",
                    NOTICE,
                    CCER_RULES,
                ),
                options=["12 月 31 日 17:00 之后", "12 月 31 日当天", "12 月 15 日之后的一周内", "12 月上旬之前"],
            ),
            "en": texts(
                "In the first cycle's timetable, when is it best to have finished cancelling CCER?",
                cite(
                    "en",
                    "Buying, delivery, cancellation and the offset depend on one another, and 95% of units had to "
                    "surrender by 17:00 on 15 December, so cancel by early December.",
                    NOTICE,
                    CCER_RULES,
                ),
                options=[
                    "after 17:00 on 31 December",
                    "on 31 December itself",
                    "in the week after 15 December",
                    "by early December",
                ],
            ),
        },
        {
            "ref": "CC-25",
            "kind": "multiple",
            "tags": ["CCER", "settlement"],
            "scoring": "partial",
            "correct": [0, 2],
            "zh": texts(
                "一家企业持有的 CCER 超过了 5% 上限。下列做法中正确的是：" + PARTIAL_RULE["zh"],
                cite(
                    "zh",
                    "只注销上限以内的数量，超出部分不注销、留在账户中；上限以应清缴量为基数，不能靠多买 CCER 提高。",
                    ARTICLE_29,
                    CCER_RULES,
                ),
                options=[
                    "只注销上限以内的数量",
                    "全部注销，超出部分下一年再用",
                    "超出部分不注销，留在账户中",
                    "多买 CCER 以提高上限",
                ],
            ),
            "en": texts(
                "A company holds more CCER than the 5% limit. Which of these are right? " + PARTIAL_RULE["en"],
                cite(
                    "en",
                    "Cancel only up to the limit and leave the rest uncancelled in the account; the limit is taken "
                    "of the obligation and buying more CCER does not raise it.",
                    ARTICLE_29,
                    CCER_RULES,
                ),
                options=[
                    "cancel only up to the limit",
                    "cancel them all and use the excess next year",
                    "leave the excess uncancelled in the account",
                    "buy more CCER to raise the limit",
                ],
            ),
        },
        {
            "ref": "CC-26",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [1],
            "zh": texts(
                "一家企业因为用错 CCER 基数，截至 12 月 31 日 17:00 仍差 2,500 吨未清缴。它面临的后果是？",
                cite(
                    "zh",
                    "差额就是未足额清缴，适用第四十条：罚款 2 万元以上 3 万元以下，逾期未改正的在下一年度配额中等量核减。"
                    "第三十九条针对的是虚报、瞒报排放报告。",
                    ARTICLE_40,
                    ARTICLE_39,
                ),
                options=[
                    "不受影响：差额低于 5% 就算完成清缴",
                    "按第四十条罚款，逾期未补足再核减",
                    "按第三十九条罚款 1 万至 3 万元",
                    "由交易机构自动补足差额",
                ],
            ),
            "en": texts(
                "Because it used the wrong base for CCER, a company is still 2,500 t short at 17:00 on 31 December. What "
                "does it face?",
                cite(
                    "en",
                    "Any gap means it did not surrender in full, so Article 40 applies: a fine of 20,000–30,000 "
                    "yuan, and a gap not made good in time is deducted from next year's allocation. Article 39 is about "
                    "false or concealed reports.",
                    ARTICLE_40,
                    ARTICLE_39,
                ),
                options=[
                    "nothing, since a gap below 5% still counts as full compliance",
                    "an Article 40 fine, then a deduction if still short",
                    "an Article 39 fine of 10,000–30,000 yuan",
                    "the exchange makes up the gap automatically",
                ],
            ),
        },
        {
            "ref": "CC-27",
            "kind": "single",
            "tags": ["CCER"],
            "correct": [0],
            "zh": texts(
                "第一个履约周期约有多少 CCER 用于抵销配额清缴？",
                cite(
                    "zh",
                    "第一个履约周期报告：约 3,273 万吨 CCER 用于抵销；同期配额成交 1.79 亿吨。",
                    FIRST_CYCLE_REPORT,
                    MEE_PRESS,
                ),
                options=["约 3,273 万吨", "约 1.79 亿吨", "约 69 万吨", "约 3,047 万吨"],
            ),
            "en": texts(
                "About how much CCER was used for offsetting in the first compliance cycle?",
                cite(
                    "en",
                    "First-cycle report: about 32.73 Mt of CCER offset surrender; 179 Mt of allowances traded.",
                    FIRST_CYCLE_REPORT,
                    MEE_PRESS,
                ),
                options=["about 32.73 Mt", "about 179 Mt", "about 0.69 Mt", "about 30.47 Mt"],
            ),
        },
        {
            "ref": "CC-28",
            "kind": "text",
            "tags": ["CCER"],
            "zh": texts(
                "用于抵销的 CCER 必须先在哪个系统中注销？（填写系统名称）",
                cite("zh", "CCER 须在全国温室气体自愿减排注册登记系统中注销，取得注销证明后才能用于抵销。", CCER_RULES),
                accepted=[
                    "全国温室气体自愿减排注册登记系统",
                    "自愿减排注册登记系统",
                    "国家自愿减排注册登记系统",
                    "全国自愿减排注册登记系统",
                    "温室气体自愿减排注册登记系统",
                ],
            ),
            "en": texts(
                "In which system must CCER be cancelled before they can offset? (Name the system.)",
                cite(
                    "en",
                    "CCER must be cancelled in the national voluntary greenhouse-gas emission reduction registry; "
                    "the cancellation proof then supports the offset.",
                    CCER_RULES,
                ),
                accepted=[
                    "national voluntary greenhouse-gas emission reduction registry",
                    "national voluntary greenhouse gas emission reduction registry",
                    "national voluntary emission reduction registry",
                    "voluntary emission reduction registry",
                    "voluntary-reduction registry",
                    "the national voluntary emission reduction registry",
                    "voluntary reduction registry",
                ],
            ),
        },
    ],
}
