"""Demo question bank of the course "Trading rules" (trading-rules), in Chinese and English."""

from .sources import EVENT, EXCHANGE_RULES, MEASURES, cite

BANK = {
    "course": "trading-rules",
    "prefix": "TR",
    "category": {"zh": "交易规则", "en": "Trading rules"},
    "questions": [
        {
            "ref": "TR-01",
            "kind": "single",
            "tags": ["trading"],
            "correct": [0],
            "zh": {
                "stem": "全国碳排放权交易市场交易的产品是什么？",
                "options": ["碳排放配额（CEA）", "用能权指标", "排污许可证", "绿色电力证书"],
                "explanation": cite("zh", "全国碳市场的交易产品是碳排放配额（CEA）。", MEASURES),
            },
            "en": {
                "stem": "What product is traded on the national carbon emission trading market?",
                "options": [
                    "Carbon emission allowances (CEA)",
                    "Energy-use rights",
                    "Pollutant discharge permits",
                    "Green electricity certificates",
                ],
                "explanation": cite(
                    "en", "The national carbon market trades carbon emission allowances (CEA).", MEASURES
                ),
            },
        },
        {
            "ref": "TR-02",
            "kind": "single",
            "tags": ["trading"],
            "correct": [0],
            "zh": {
                "stem": "全国碳排放权交易系统设在哪里？",
                "options": ["上海", "武汉", "北京", "深圳"],
                "explanation": cite(
                    "zh",
                    "交易系统设在上海，由上海环境能源交易所承担；登记结算在湖北武汉的注册登记系统。",
                    MEASURES,
                ),
            },
            "en": {
                "stem": "Where is the national carbon emission trading system located?",
                "options": ["Shanghai", "Wuhan", "Beijing", "Shenzhen"],
                "explanation": cite(
                    "en",
                    "The trading system is in Shanghai, run by the Shanghai Environment and Energy Exchange; "
                    "registration and settlement take place in the national registry in Wuhan, Hubei.",
                    MEASURES,
                ),
            },
        },
        {
            "ref": "TR-03",
            "kind": "single",
            "tags": ["trading", "settlement"],
            "correct": [0],
            "zh": {
                "stem": "全国碳排放权注册登记系统设在哪里？",
                "options": ["湖北武汉", "上海", "山东济南", "广东广州"],
                "explanation": cite(
                    "zh", "配额的登记、清缴和结算在设于湖北武汉的全国碳排放权注册登记系统完成。", MEASURES
                ),
            },
            "en": {
                "stem": "Where is the national carbon emission registry located?",
                "options": ["Wuhan, Hubei", "Shanghai", "Jinan, Shandong", "Guangzhou, Guangdong"],
                "explanation": cite(
                    "en",
                    "Allowances are registered, surrendered and settled in the national carbon emission registry "
                    "in Wuhan, Hubei.",
                    MEASURES,
                ),
            },
        },
        {
            "ref": "TR-04",
            "kind": "text",
            "tags": ["trading"],
            "zh": {
                "stem": "配额的登记和结算在哪个系统完成？（填写系统名称）",
                "accepted": ["全国碳排放权注册登记系统", "注册登记系统", "全国碳排放权注册登记结算系统"],
                "explanation": cite("zh", "登记、清缴和结算都在全国碳排放权注册登记系统完成。", MEASURES),
            },
            "en": {
                "stem": "In which system are allowances registered and settled? (Name the system.)",
                "accepted": [
                    "national carbon emission registry",
                    "national carbon emissions registry",
                    "national registry",
                    "registry",
                    "national carbon emission registration system",
                    "national carbon emission registration and settlement system",
                ],
                "explanation": cite(
                    "en",
                    "Registration, surrender and settlement all take place in the national carbon emission registry.",
                    MEASURES,
                ),
            },
        },
        {
            "ref": "TR-05",
            "kind": "single",
            "tags": ["trading"],
            "correct": [0],
            "zh": {
                "stem": "挂牌协议交易的成交价格涨跌幅限制是多少？",
                "options": ["上一交易日收盘价的 ±10%", "±5%", "±20%", "±30%"],
                "explanation": cite("zh", "挂牌协议交易的涨跌幅为上一交易日收盘价的 ±10%。", EXCHANGE_RULES),
            },
            "en": {
                "stem": "What is the daily price limit for listing-agreement trading?",
                "options": ["±10% of the previous trading day's close", "±5%", "±20%", "±30%"],
                "explanation": cite(
                    "en",
                    "Listing-agreement trades may move at most ±10% from the previous trading day's closing price.",
                    EXCHANGE_RULES,
                ),
            },
        },
        {
            "ref": "TR-06",
            "kind": "single",
            "tags": ["trading"],
            "correct": [0],
            "zh": {
                "stem": "大宗协议交易的成交价格涨跌幅限制是多少？",
                "options": ["上一交易日收盘价的 ±30%", "±10%", "±15%", "不设限制"],
                "explanation": cite("zh", "大宗协议交易的涨跌幅为上一交易日收盘价的 ±30%。", EXCHANGE_RULES),
            },
            "en": {
                "stem": "What is the daily price limit for block-agreement trading?",
                "options": ["±30% of the previous trading day's close", "±10%", "±15%", "No limit"],
                "explanation": cite(
                    "en",
                    "Block-agreement trades may move at most ±30% from the previous trading day's closing price.",
                    EXCHANGE_RULES,
                ),
            },
        },
        {
            "ref": "TR-07",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "55",
            "tolerance": "0",
            "zh": {
                "stem": "前一交易日收盘价为 50 元/吨。当日挂牌协议交易的最高成交价是多少元/吨？",
                "unit": "元/吨",
                "explanation": cite("zh", "挂牌协议交易涨跌幅 ±10%：50 × (1 + 10%) = 55 元/吨。", EXCHANGE_RULES),
            },
            "en": {
                "stem": "The previous trading day closed at 50 yuan/t. What is the highest price at which a "
                "listing-agreement trade can be made today, in yuan/t?",
                "unit": "yuan/t",
                "explanation": cite("en", "Listing-agreement limit ±10%: 50 × (1 + 10%) = 55 yuan/t.", EXCHANGE_RULES),
            },
        },
        {
            "ref": "TR-08",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "28",
            "tolerance": "0",
            "zh": {
                "stem": "前一交易日收盘价为 40 元/吨。当日大宗协议交易的最低成交价是多少元/吨？",
                "unit": "元/吨",
                "explanation": cite("zh", "大宗协议交易涨跌幅 ±30%：40 × (1 − 30%) = 28 元/吨。", EXCHANGE_RULES),
            },
            "en": {
                "stem": "The previous trading day closed at 40 yuan/t. What is the lowest price at which a "
                "block-agreement trade can be made today, in yuan/t?",
                "unit": "yuan/t",
                "explanation": cite("en", "Block-agreement limit ±30%: 40 × (1 − 30%) = 28 yuan/t.", EXCHANGE_RULES),
            },
        },
        {
            "ref": "TR-09",
            "kind": "multiple",
            "scoring": "partial",
            "tags": ["trading"],
            "correct": [0, 1],
            "zh": {
                "stem": "截至 2021 年，全国碳市场采用的交易方式有哪些？（多选，按选对比例得分）",
                "options": ["挂牌协议交易", "大宗协议交易", "碳配额期货交易", "场外私下转让"],
                "explanation": cite("zh", "两种方式：挂牌协议交易（±10%）和大宗协议交易（±30%）。", EXCHANGE_RULES),
            },
            "en": {
                "stem": "Which trading methods did the national carbon market use in 2021? "
                "(Choose all that apply; partial credit.)",
                "options": [
                    "Listing-agreement trading",
                    "Block-agreement trading",
                    "Allowance futures",
                    "Private over-the-counter transfers",
                ],
                "explanation": cite(
                    "en",
                    "Two methods: listing-agreement trading (±10%) and block-agreement trading (±30%).",
                    EXCHANGE_RULES,
                ),
            },
        },
        {
            "ref": "TR-10",
            "kind": "true_false",
            "tags": ["trading", "settlement"],
            "correct": True,
            "zh": {
                "stem": "配额由省级生态环境主管部门分配，目前以免费分配为主。",
                "explanation": cite("zh", "配额由省级生态环境主管部门分配，以免费分配为主。", MEASURES),
            },
            "en": {
                "stem": "Allowances are allocated by the provincial ecology and environment departments, "
                "mainly free of charge.",
                "explanation": cite(
                    "en",
                    "The provincial ecology and environment departments allocate allowances, mainly for free.",
                    MEASURES,
                ),
            },
        },
        {
            "ref": "TR-11",
            "kind": "single",
            "tags": ["trading"],
            "correct": [0],
            "zh": {
                "stem": "全国碳市场第一批纳入的是哪个行业？",
                "options": ["发电行业", "钢铁行业", "水泥行业", "民航业"],
                "explanation": cite("zh", "第一个履约周期只纳入发电行业的重点排放单位。", EVENT),
            },
            "en": {
                "stem": "Which industry was the first to be covered by the national carbon market?",
                "options": ["Power generation", "Steel", "Cement", "Civil aviation"],
                "explanation": cite(
                    "en", "The first compliance cycle covered only key emission units in power generation.", EVENT
                ),
            },
        },
        {
            "ref": "TR-12",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "2162",
            "tolerance": "0",
            "zh": {
                "stem": "第一批纳入全国碳市场的发电行业重点排放单位全国共有多少家？",
                "unit": "家",
                "explanation": cite(
                    "zh", "全国共 2,162 家发电行业重点排放单位，其中山东 330 家，是唯一超过 300 家的省份。", EVENT
                ),
            },
            "en": {
                "stem": "How many key emission units in power generation did the national carbon market cover "
                "in its first batch?",
                "unit": "units",
                "explanation": cite(
                    "en",
                    "2,162 power-generation units nationwide; 330 of them in Shandong, the only province with "
                    "more than 300.",
                    EVENT,
                ),
            },
        },
        {
            "ref": "TR-13",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "330",
            "tolerance": "0",
            "zh": {
                "stem": "山东省纳入全国碳市场第一批的重点排放单位有多少家？",
                "unit": "家",
                "explanation": cite("zh", "山东 330 家，全国最多，也是唯一超过 300 家的省份。", EVENT),
            },
            "en": {
                "stem": "How many of Shandong's key emission units were in the national carbon market's first batch?",
                "unit": "units",
                "explanation": cite(
                    "en", "330 in Shandong: the most of any province and the only one with more than 300.", EVENT
                ),
            },
        },
        {
            "ref": "TR-14",
            "kind": "true_false",
            "tags": ["trading"],
            "correct": True,
            "zh": {
                "stem": "截至 2021 年 11 月 23 日，全国碳市场配额累计成交量超过 3,000 万吨。",
                "explanation": cite(
                    "zh", "截至 2021 年 11 月 23 日累计成交 3,047.35 万吨，成交额超过 13 亿元。", EVENT
                ),
            },
            "en": {
                "stem": "By 23 November 2021 the national carbon market had traded more than 30 million tonnes "
                "of allowances in total.",
                "explanation": cite(
                    "en",
                    "By 23 November 2021, 30,473,500 t had been traded for a turnover of more than 1.3 billion yuan.",
                    EVENT,
                ),
            },
        },
        {
            "ref": "TR-15",
            "kind": "single",
            "tags": ["trading"],
            "correct": [0],
            "zh": {
                "stem": "截至 2021 年 11 月 23 日，全国碳市场累计成交额约为多少？",
                "options": ["超过 13 亿元", "约 1.3 亿元", "约 130 亿元", "约 3 亿元"],
                "explanation": cite("zh", "累计成交 3,047.35 万吨，成交额超过 13 亿元。", EVENT),
            },
            "en": {
                "stem": "By 23 November 2021, roughly what was the national carbon market's total turnover?",
                "options": [
                    "More than 1.3 billion yuan",
                    "About 130 million yuan",
                    "About 13 billion yuan",
                    "About 300 million yuan",
                ],
                "explanation": cite(
                    "en", "30,473,500 t had been traded for a turnover of more than 1.3 billion yuan.", EVENT
                ),
            },
        },
        {
            "ref": "TR-16",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "2178900",
            "tolerance": "0",
            "zh": {
                "stem": "截至 2021 年 11 月 23 日，山东 27 家企业买入配额 458.37 万吨、卖出 240.48 万吨。"
                "净买入多少吨？",
                "unit": "吨",
                "explanation": cite("zh", "4,583,700 − 2,404,800 = 2,178,900 吨（217.89 万吨）。", EVENT),
            },
            "en": {
                "stem": "By 23 November 2021, 27 Shandong companies had bought 4,583,700 t of allowances and "
                "sold 2,404,800 t. How many tonnes did they buy net?",
                "unit": "t",
                "explanation": cite("en", "4,583,700 − 2,404,800 = 2,178,900 t.", EVENT),
            },
        },
    ],
}
