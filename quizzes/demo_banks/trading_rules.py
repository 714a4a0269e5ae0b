"""Demo question bank of the course "National carbon market trading rules" (trading-rules), zh and en.

Questions test what a unit's carbon manager decides: whether a unit is covered, which account and
system to use, which trading method, hours and price band apply, and what the market figures mean.
"""

from .sources import (
    ALL_OR_NOTHING_RULE,
    ALLOCATION_PLAN,
    EVENT,
    EXCHANGE_RULES,
    MEASURES,
    MEE_PRESS,
    MEE_TRADING_RULES,
    PARTIAL_RULE,
    cite,
    texts,
)

BANK = {
    "course": "trading-rules",
    "prefix": "TR",
    "category": {"zh": "交易规则", "en": "Trading rules"},
    "questions": [
        {
            "ref": "TR-01",
            "kind": "single",
            "tags": ["trading"],
            "correct": [2],
            "zh": texts(
                "以下四家都是发电企业。按《碳排放权交易管理办法（试行）》的排放门槛，哪一家应列入重点排放单位名录？",
                cite(
                    "zh",
                    "属于纳入行业、年度排放达到 2.6 万吨二氧化碳当量的单位列入名录：只有 3 万吨的一家达到门槛。",
                    MEASURES,
                ),
                options=[
                    "年排放 1.5 万吨二氧化碳当量",
                    "年排放 2 万吨二氧化碳当量",
                    "年排放 3 万吨二氧化碳当量",
                    "年排放 2.5 万吨二氧化碳当量",
                ],
            ),
            "en": texts(
                "All four are power-generation companies. Under the Measures' emissions threshold, which one belongs "
                "on the list of key emission units?",
                cite(
                    "en",
                    "A unit in a covered industry whose annual emissions reach 26,000 tCO2e is listed: only the "
                    "30,000 t company reaches it.",
                    MEASURES,
                ),
                options=[
                    "annual emissions of 15,000 tCO2e",
                    "annual emissions of 20,000 tCO2e",
                    "annual emissions of 30,000 tCO2e",
                    "annual emissions of 25,000 tCO2e",
                ],
            ),
        },
        {
            "ref": "TR-02",
            "kind": "true_false",
            "tags": ["trading", "settlement"],
            "correct": False,
            "zh": texts(
                "山东排放量经核查的 700 余家重点排放单位，都要在 2021 年底前清缴第一个履约周期的配额。",
                cite(
                    "zh",
                    "第一个履约周期只有发电行业清缴配额，山东为 330 家；700 余家是 2020 年排放经核查的企业，"
                    "还包括石化、化工、建材、钢铁、有色、造纸等行业。",
                    EVENT,
                ),
            ),
            "en": texts(
                "All of Shandong's 700+ key emission companies whose emissions were verified had to surrender "
                "first-cycle allowances by the end of 2021.",
                cite(
                    "en",
                    "Only power generation surrendered allowances in the first cycle — 330 units in Shandong. "
                    "The 700+ are companies whose 2020 emissions were verified, including petrochemicals, chemicals, "
                    "building materials, steel, non-ferrous metals and papermaking.",
                    EVENT,
                ),
            ),
        },
        {
            "ref": "TR-03",
            "kind": "single",
            "tags": ["trading", "settlement"],
            "correct": [1],
            "zh": texts(
                "企业在全国碳排放权交易系统买入配额后，应在哪个系统核对配额到账，并在那里提交清缴？",
                cite(
                    "zh",
                    "交易在上海的交易系统完成；配额的持有、变更和清缴记录在武汉的全国碳排放权注册登记系统。",
                    MEASURES,
                ),
                options=[
                    "全国碳排放权交易系统（上海）",
                    "全国碳排放权注册登记系统（武汉）",
                    "全国温室气体自愿减排注册登记系统",
                    "湖北碳排放权交易中心的地方交易系统",
                ],
            ),
            "en": texts(
                "After buying allowances on the national trading system, where does a company check that they have "
                "arrived, and surrender them?",
                cite(
                    "en",
                    "Trading happens on the trading system in Shanghai; holdings, transfers and surrender are "
                    "recorded in the national carbon emissions registry in Wuhan.",
                    MEASURES,
                ),
                options=[
                    "the national trading system (Shanghai)",
                    "the national carbon emissions registry (Wuhan)",
                    "the national voluntary emission reduction registry",
                    "the Hubei Carbon Emission Trading Center's local trading system",
                ],
            ),
        },
        {
            "ref": "TR-04",
            "kind": "multiple",
            "tags": ["trading", "CCER"],
            "scoring": "partial",
            "correct": [0, 1, 3],
            "zh": texts(
                "一家有配额缺口、还打算用 CCER 抵销的重点排放单位，需要开立哪些账户？" + PARTIAL_RULE["zh"],
                cite(
                    "zh",
                    "注册登记账户用于接收配额和清缴，交易账户用于买入缺口，CCER 的购买和注销须有全国温室气体自愿减排"
                    "注册登记系统的账户；地方试点市场的账户与全国市场的清缴无关。",
                    MEASURES,
                    EVENT,
                ),
                options=[
                    "全国碳排放权注册登记系统的账户",
                    "全国碳排放权交易系统的交易账户",
                    "地方碳交易试点市场的配额账户",
                    "全国温室气体自愿减排注册登记系统的账户",
                ],
            ),
            "en": texts(
                "A key emission unit that is short of allowances and plans to offset with CCER: which accounts does it "
                "need? " + PARTIAL_RULE["en"],
                cite(
                    "en",
                    "The registry account receives and surrenders allowances, the trading account buys the "
                    "shortfall, and buying and cancelling CCER needs an account in the national voluntary-reduction "
                    "registry; a local pilot market's account plays no part in national surrender.",
                    MEASURES,
                    EVENT,
                ),
                options=[
                    "an account in the national carbon emissions registry",
                    "a trading account on the national trading system",
                    "an allowance account in a local pilot carbon market",
                    "an account in the national voluntary emission reduction registry",
                ],
            ),
        },
        {
            "ref": "TR-05",
            "kind": "single",
            "tags": ["trading"],
            "correct": [0],
            "zh": texts(
                "某企业想在上午 10:00 申报一笔 8 万吨的买单，应当采用哪种交易方式？",
                cite(
                    "zh",
                    "单笔小于 10 万吨走挂牌协议交易，交易日 9:30—11:30、13:00—15:00 均可申报；大宗协议交易单笔不少于"
                    " 10 万吨，只在 13:00—15:00。",
                    EXCHANGE_RULES,
                ),
                options=[
                    "挂牌协议交易",
                    "大宗协议交易",
                    "等到 13:00 再申报大宗协议交易",
                    "拆成两笔 4 万吨的大宗协议交易",
                ],
            ),
            "en": texts(
                "A company wants to place a buy order for 80,000 t at 10:00 in the morning. Which trading method "
                "applies?",
                cite(
                    "en",
                    "An order under 100,000 t is a listing-agreement order, possible 9:30–11:30 and 13:00–15:00; "
                    "block orders are at least 100,000 t and only 13:00–15:00.",
                    EXCHANGE_RULES,
                ),
                options=[
                    "listing-agreement trading",
                    "block-agreement trading",
                    "wait until 13:00 and place a block order",
                    "two block orders of 40,000 t each",
                ],
            ),
        },
        {
            "ref": "TR-06",
            "kind": "single",
            "tags": ["trading"],
            "correct": [2],
            "zh": texts(
                "上午 9:00，某企业与卖方谈妥一笔 12 万吨的交易。当天最早几点可以按大宗协议交易申报？",
                cite("zh", "大宗协议交易的交易时段为交易日 13:00—15:00。", EXCHANGE_RULES),
                options=["9:30", "11:30", "13:00", "15:00"],
            ),
            "en": texts(
                "At 9:00 a company agrees a 120,000 t trade with a seller. What is the earliest time that day it can "
                "report it as a block-agreement trade?",
                cite("en", "Block-agreement trading runs from 13:00 to 15:00 on trading days.", EXCHANGE_RULES),
                options=["9:30", "11:30", "13:00", "15:00"],
            ),
        },
        {
            "ref": "TR-07",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "55",
            "tolerance": "0",
            "zh": texts(
                "上一交易日收盘价为 50 元/吨。当日挂牌协议交易的买单，最高可以报多少元/吨？",
                cite("zh", "挂牌协议交易涨跌幅为上一交易日收盘价的 ±10%：50 × 110% = 55 元/吨。", EXCHANGE_RULES),
                unit="元/吨",
            ),
            "en": texts(
                "The previous closing price was 50 yuan/t. What is the highest price a listing-agreement buy order can "
                "carry today, in yuan/t?",
                cite(
                    "en",
                    "Listing-agreement prices may move ±10% from the previous close: 50 × 110% = 55 yuan/t.",
                    EXCHANGE_RULES,
                ),
                unit="yuan/t",
            ),
        },
        {
            "ref": "TR-08",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "28",
            "tolerance": "0",
            "zh": texts(
                "上一交易日收盘价为 40 元/吨。当日大宗协议交易的成交价最低可以是多少元/吨？",
                cite("zh", "大宗协议交易涨跌幅为上一交易日收盘价的 ±30%：40 × 70% = 28 元/吨。", EXCHANGE_RULES),
                unit="元/吨",
            ),
            "en": texts(
                "The previous closing price was 40 yuan/t. What is the lowest price at which a block-agreement trade "
                "can be concluded today, in yuan/t?",
                cite(
                    "en",
                    "Block-agreement prices may move ±30% from the previous close: 40 × 70% = 28 yuan/t.",
                    EXCHANGE_RULES,
                ),
                unit="yuan/t",
            ),
        },
        {
            "ref": "TR-09",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "43",
            "tolerance": "0.01",
            "zh": texts(
                "某交易日挂牌协议交易只有两笔成交：3 万吨成交价 42 元/吨，1 万吨成交价 46 元/吨；另有一笔 15 万吨的大宗协议"
                "交易成交价 50 元/吨。当日收盘价是多少元/吨？",
                cite(
                    "zh",
                    "收盘价是当日挂牌协议交易的成交量加权平均价，大宗协议交易不计入：(30,000 × 42 + 10,000 × 46) ÷ "
                    "40,000 = 43 元/吨。",
                    EXCHANGE_RULES,
                ),
                unit="元/吨",
            ),
            "en": texts(
                "On one trading day there were only two listing-agreement trades: 30,000 t at 42 yuan/t and 10,000 t at "
                "46 yuan/t; a block trade of 150,000 t was also concluded at 50 yuan/t. What is the day's closing "
                "price, in yuan/t?",
                cite(
                    "en",
                    "The closing price is the volume-weighted average of the day's listing-agreement trades; block "
                    "trades do not count: (30,000 × 42 + 10,000 × 46) ÷ 40,000 = 43 yuan/t.",
                    EXCHANGE_RULES,
                ),
                unit="yuan/t",
            ),
        },
        {
            "ref": "TR-10",
            "kind": "single",
            "tags": ["trading"],
            "correct": [1],
            "zh": texts(
                "全国碳市场当日的收盘价怎样确定？",
                cite("zh", "收盘价为当日挂牌协议交易的成交量加权平均价。", EXCHANGE_RULES),
                options=[
                    "当日最后一笔挂牌协议交易的成交价",
                    "当日挂牌协议交易的成交量加权平均价",
                    "当日全部成交（含大宗协议交易）的成交量加权平均价",
                    "当日最高成交价与最低成交价的平均值",
                ],
            ),
            "en": texts(
                "How is the national carbon market's closing price for the day set?",
                cite(
                    "en",
                    "The closing price is the volume-weighted average price of the day's listing-agreement trades.",
                    EXCHANGE_RULES,
                ),
                options=[
                    "the price of the day's last listing-agreement trade",
                    "the volume-weighted average of the day's listing-agreement trades",
                    "the volume-weighted average of all the day's trades, block trades included",
                    "the average of the day's highest and lowest trade prices",
                ],
            ),
        },
        {
            "ref": "TR-11",
            "kind": "true_false",
            "tags": ["trading"],
            "correct": False,
            "zh": texts(
                "一笔恰好 10 万吨的申报，可以通过挂牌协议交易完成。",
                cite("zh", "挂牌协议交易单笔须小于 10 万吨；10 万吨及以上为大宗协议交易。", EXCHANGE_RULES),
            ),
            "en": texts(
                "An order of exactly 100,000 t can be placed through listing-agreement trading.",
                cite(
                    "en",
                    "A listing order must be under 100,000 t; orders of 100,000 t or more are block orders.",
                    EXCHANGE_RULES,
                ),
            ),
        },
        {
            "ref": "TR-12",
            "kind": "single",
            "tags": ["trading"],
            "correct": [3],
            "zh": texts(
                "培训材料要写明挂牌协议交易 ±10%、大宗协议交易 ±30% 的出处，应当引用哪份文件？",
                cite(
                    "zh",
                    "这两个比例由上海环境能源交易所 2021 年 6 月 22 日的公告规定；生态环境部 5 月 14 日的交易规则只要求"
                    "交易机构设定涨跌幅，没有给出比例。",
                    EXCHANGE_RULES,
                    MEE_TRADING_RULES,
                ),
                options=[
                    "生态环境部 2021 年 5 月 14 日发布的交易管理规则",
                    "《碳排放权交易管理办法（试行）》",
                    "环办气候函〔2021〕492 号通知",
                    "上海环境能源交易所 2021 年 6 月 22 日的公告",
                ],
            ),
            "en": texts(
                "Training material must name the source of the ±10% listing and ±30% block price limits. Which document "
                "should it cite?",
                cite(
                    "en",
                    "The two percentages were set by SEEE's announcement of 22 June 2021; MEE's trading rules of "
                    "14 May 2021 only require the exchange to set limits and give no figures.",
                    EXCHANGE_RULES,
                    MEE_TRADING_RULES,
                ),
                options=[
                    "MEE's trading rules of 14 May 2021",
                    "the Measures for the Administration of Carbon Emission Trading",
                    "MEE notice No. 492 of 26 October 2021",
                    "SEEE's announcement of 22 June 2021",
                ],
            ),
        },
        {
            "ref": "TR-13",
            "kind": "single",
            "tags": ["trading"],
            "correct": [0],
            "zh": texts(
                "某日一笔 20 万吨的大宗协议交易以 52 元/吨成交，当日挂牌协议交易的成交量加权平均价为 41 元/吨。当日收盘价是？",
                cite("zh", "收盘价只按挂牌协议交易计算，大宗协议交易不影响收盘价，所以是 41 元/吨。", EXCHANGE_RULES),
                options=["41 元/吨", "52 元/吨", "46.5 元/吨", "两类交易按成交量加权后的价格"],
            ),
            "en": texts(
                "One day a 200,000 t block trade is concluded at 52 yuan/t, and the volume-weighted average of the "
                "listing-agreement trades is 41 yuan/t. What is the day's closing price?",
                cite(
                    "en",
                    "The closing price counts listing-agreement trades only; block trades do not move it, so it is "
                    "41 yuan/t.",
                    EXCHANGE_RULES,
                ),
                options=["41 yuan/t", "52 yuan/t", "46.5 yuan/t", "the volume-weighted price of both kinds of trade"],
            ),
        },
        {
            "ref": "TR-14",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "47.3",
            "tolerance": "0.01",
            "zh": texts(
                "今天收盘价为 43 元/吨。明天挂牌协议交易的申报价格上限是多少元/吨？",
                cite("zh", "明天的涨跌幅以今天的收盘价为基准：43 × 110% = 47.3 元/吨。", EXCHANGE_RULES),
                unit="元/吨",
            ),
            "en": texts(
                "Today's closing price is 43 yuan/t. What is tomorrow's upper price limit for listing-agreement orders, "
                "in yuan/t?",
                cite("en", "Tomorrow's limits are based on today's close: 43 × 110% = 47.3 yuan/t.", EXCHANGE_RULES),
                unit="yuan/t",
            ),
        },
        {
            "ref": "TR-15",
            "kind": "multiple",
            "tags": ["trading"],
            "scoring": "partial",
            "correct": [0, 2],
            "zh": texts(
                "关于挂牌协议交易，下列说法正确的是：" + PARTIAL_RULE["zh"],
                cite(
                    "zh",
                    "挂牌协议交易单笔小于 10 万吨，交易日 9:30—11:30、13:00—15:00 可申报，涨跌幅 ±10%；±30% 和"
                    "只限下午申报是大宗协议交易的规则。",
                    EXCHANGE_RULES,
                ),
                options=[
                    "单笔申报数量须小于 10 万吨",
                    "涨跌幅为上一交易日收盘价的 ±30%",
                    "上午和下午的交易时段都可以申报",
                    "只能在 13:00—15:00 申报",
                ],
            ),
            "en": texts(
                "Which statements about listing-agreement trading are right? " + PARTIAL_RULE["en"],
                cite(
                    "en",
                    "Listing orders are under 100,000 t, may be placed 9:30–11:30 and 13:00–15:00, and move at "
                    "most ±10%; ±30% and afternoon-only are the block-trading rules.",
                    EXCHANGE_RULES,
                ),
                options=[
                    "one order must be under 100,000 t",
                    "prices may move ±30% from the previous close",
                    "orders can be placed in both the morning and the afternoon session",
                    "orders can only be placed between 13:00 and 15:00",
                ],
            ),
        },
        {
            "ref": "TR-16",
            "kind": "single",
            "tags": ["trading"],
            "correct": [3],
            "zh": texts(
                "某企业缺口 15 万吨，找不到愿意一次成交的对手方，只能按市场价格逐步买入。下列做法中符合交易规则的是？",
                cite(
                    "zh",
                    "挂牌协议交易单笔须小于 10 万吨，8 万吨和 7 万吨两笔都符合；10 万吨一笔须走大宗协议交易，大宗协议"
                    "交易只在下午。",
                    EXCHANGE_RULES,
                ),
                options=[
                    "以一笔 15 万吨挂牌申报",
                    "分成 10 万吨和 5 万吨两笔挂牌申报",
                    "上午以一笔 15 万吨申报大宗协议交易",
                    "分成 8 万吨和 7 万吨两笔挂牌申报",
                ],
            ),
            "en": texts(
                "A company is 150,000 t short and cannot find anyone to trade it all at once, so it will buy gradually "
                "at market prices. Which of these follows the trading rules?",
                cite(
                    "en",
                    "Listing orders must be under 100,000 t, so 80,000 t and 70,000 t both qualify; a 100,000 t "
                    "order is a block order, and block trading is afternoon-only.",
                    EXCHANGE_RULES,
                ),
                options=[
                    "one listing order of 150,000 t",
                    "two listing orders of 100,000 t and 50,000 t",
                    "one block order of 150,000 t in the morning",
                    "two listing orders of 80,000 t and 70,000 t",
                ],
            ),
        },
        {
            "ref": "TR-17",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "2640000",
            "tolerance": "0",
            "zh": texts(
                "某企业缺口 6 万吨，准备以一笔挂牌协议交易买入。上一交易日收盘价为 40 元/吨。若按当日允许的最高价全部成交，"
                "最多支出多少元？（可填“264万”）",
                cite("zh", "最高价 = 40 × 110% = 44 元/吨；60,000 × 44 = 2,640,000 元。", EXCHANGE_RULES),
                unit="元",
            ),
            "en": texts(
                "A company is 60,000 t short and will buy it with one listing order. The previous close was 40 yuan/t. "
                "If the whole order fills at the highest price allowed today, how many yuan does it pay at most?",
                cite("en", "Highest price = 40 × 110% = 44 yuan/t; 60,000 × 44 = 2,640,000 yuan.", EXCHANGE_RULES),
                unit="yuan",
            ),
        },
        {
            "ref": "TR-18",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "42.5",
            "tolerance": "0.1",
            "zh": texts(
                "截至 2021 年 11 月 23 日，山东 27 家企业累计买入配额 458.37 万吨，成交额 1.95 亿元。买入均价约为多少元/吨？"
                "（保留一位小数）",
                cite("zh", "均价 = 成交额 ÷ 成交量 = 195,000,000 ÷ 4,583,700 ≈ 42.5 元/吨。", EVENT),
                unit="元/吨",
            ),
            "en": texts(
                "By 23 November 2021, 27 Shandong companies had bought 4.5837 Mt of allowances for 195 million yuan. "
                "What was their average purchase price, in yuan/t, to one decimal place?",
                cite("en", "Average price = turnover ÷ volume = 195,000,000 ÷ 4,583,700 ≈ 42.5 yuan/t.", EVENT),
                unit="yuan/t",
            ),
        },
        {
            "ref": "TR-19",
            "kind": "numeric",
            "tags": ["trading"],
            "value": "2178900",
            "tolerance": "0",
            "zh": texts(
                "截至 2021 年 11 月 23 日，山东参与交易的 27 家企业买入 458.37 万吨、卖出 240.48 万吨配额。净买入多少吨？"
                "（可填“217.89万”）",
                cite("zh", "净买入 = 4,583,700 − 2,404,800 = 2,178,900 吨，说明省内参与交易的企业总体缺配额。", EVENT),
                unit="吨",
            ),
            "en": texts(
                "By 23 November 2021, the 27 Shandong companies that traded had bought 4.5837 Mt and sold 2.4048 Mt of "
                "allowances. How many tonnes did they buy net?",
                cite(
                    "en",
                    "Net purchase = 4,583,700 − 2,404,800 = 2,178,900 t: the province's trading companies were "
                    "short overall.",
                    EVENT,
                ),
                unit="t",
            ),
        },
        {
            "ref": "TR-20",
            "kind": "true_false",
            "tags": ["trading"],
            "correct": True,
            "zh": texts(
                "第一个履约周期的配额成交，大部分发生在 2021 年 11 月 23 日之后。",
                cite(
                    "zh",
                    "截至 11 月 23 日累计成交约 3,047 万吨，截至 12 月 31 日为 1.79 亿吨，八成以上的成交发生在最后五周多。",
                    EVENT,
                    MEE_PRESS,
                ),
            ),
            "en": texts(
                "Most of the first compliance cycle's allowance trading took place after 23 November 2021.",
                cite(
                    "en",
                    "About 30.47 Mt had traded by 23 November and 179 Mt by 31 December: over 80% of the volume "
                    "came in the last five weeks or so.",
                    EVENT,
                    MEE_PRESS,
                ),
            ),
        },
        {
            "ref": "TR-21",
            "kind": "single",
            "tags": ["trading"],
            "correct": [1],
            "zh": texts(
                "第一个履约周期截至 2021 年 12 月 31 日累计成交 1.79 亿吨、成交额 76.61 亿元。一家缺口 20 万吨的企业按这个"
                "均价做预算，大约需要多少资金？",
                cite("zh", "均价 ≈ 76.61 亿 ÷ 1.79 亿 ≈ 42.8 元/吨；200,000 × 42.8 ≈ 856 万元。", MEE_PRESS),
                options=["约 85.6 万元", "约 856 万元", "约 8,560 万元", "约 1,532 万元"],
            ),
            "en": texts(
                "To 31 December 2021 the first cycle traded 179 Mt for 7.661 billion yuan. A company 200,000 t short "
                "budgets at that average price. Roughly how much does it need?",
                cite(
                    "en",
                    "Average ≈ 7.661 billion ÷ 179 million ≈ 42.8 yuan/t; 200,000 × 42.8 ≈ 8.56 million yuan.",
                    MEE_PRESS,
                ),
                options=[
                    "about 0.856 million yuan",
                    "about 8.56 million yuan",
                    "about 85.6 million yuan",
                    "about 15.32 million yuan",
                ],
            ),
        },
        {
            "ref": "TR-22",
            "kind": "single",
            "tags": ["trading"],
            "correct": [2],
            "zh": texts(
                "某企业在交易系统中卖出 1 万吨配额并成交。它在全国碳排放权注册登记系统中的配额持有量会怎样？",
                cite("zh", "成交后配额的归属变化记录在注册登记系统中，卖方持有量相应减少。", MEASURES),
                options=["不变，到清缴时才扣减", "增加 1 万吨", "减少 1 万吨", "减少 500 吨"],
            ),
            "en": texts(
                "A company sells 10,000 t of allowances on the trading system and the trade is concluded. What happens "
                "to its holding in the national carbon emissions registry?",
                cite(
                    "en",
                    "The change of ownership is recorded in the registry, so the seller's holding falls by the "
                    "amount sold.",
                    MEASURES,
                ),
                options=[
                    "nothing until it surrenders",
                    "it rises by 10,000 t",
                    "it falls by 10,000 t",
                    "it falls by 500 t",
                ],
            ),
        },
        {
            "ref": "TR-23",
            "kind": "single",
            "tags": ["trading"],
            "correct": [0],
            "zh": texts(
                "开立注册登记账户和交易账户之前，企业首先应当核对什么？",
                cite(
                    "zh",
                    "开户以名录为前提；截至 2021 年 11 月 23 日，山东仍有 2 家企业因企业信息变更在补充材料，信息不一致"
                    "会耽误开户。",
                    EVENT,
                ),
                options=[
                    "名录上的名称、信用代码与营业执照一致",
                    "上一交易日的收盘价和涨跌幅",
                    "拟购买的 CCER 是否来自合格的减排项目",
                    "上一年度全国碳市场的成交均价和成交量",
                ],
            ),
            "en": texts(
                "Before applying for the registry and trading accounts, what should a company check first?",
                cite(
                    "en",
                    "Accounts follow from the list of key emission units; by 23 November 2021 two Shandong "
                    "companies were still completing papers because their company details had changed.",
                    EVENT,
                ),
                options=[
                    "that its name and credit code on the list match its licence",
                    "the previous day's closing price and price limits",
                    "whether the CCER it plans to buy come from an eligible project",
                    "the national market's average price last year",
                ],
            ),
        },
        {
            "ref": "TR-24",
            "kind": "single",
            "tags": ["trading", "settlement"],
            "correct": [3],
            "zh": texts(
                "全国碳市场的配额由谁分配给重点排放单位？",
                cite("zh", "配额由省级生态环境主管部门分配，第一个履约周期以免费分配为主。", MEASURES, ALLOCATION_PLAN),
                options=[
                    "上海环境能源交易所",
                    "全国碳排放权注册登记机构",
                    "湖北碳排放权交易中心",
                    "省级生态环境主管部门",
                ],
            ),
            "en": texts(
                "Who allocates allowances to key emission units in the national carbon market?",
                cite(
                    "en",
                    "The provincial ecology and environment departments allocate them, in the first cycle mainly "
                    "free of charge.",
                    MEASURES,
                    ALLOCATION_PLAN,
                ),
                options=[
                    "the Shanghai Environment and Energy Exchange",
                    "the national registry's operator",
                    "the Hubei Carbon Emission Trading Center",
                    "the provincial ecology and environment department",
                ],
            ),
        },
        {
            "ref": "TR-25",
            "kind": "single",
            "tags": ["trading"],
            "correct": [1],
            "zh": texts(
                "某企业富余 12 万吨，与一家买方谈妥 50 元/吨，上一交易日收盘价为 40 元/吨。应当怎样申报？",
                cite(
                    "zh",
                    "12 万吨不少于 10 万吨，走大宗协议交易，只在 13:00—15:00；区间为 28—52 元/吨，50 元在区间内。",
                    EXCHANGE_RULES,
                ),
                options=[
                    "9:30 以一笔挂牌协议交易申报",
                    "13:00—15:00 以大宗协议交易申报",
                    "不能申报：50 元已超出当日涨跌幅限制",
                    "拆成 12 笔、每笔 1 万吨的大宗协议交易申报",
                ],
            ),
            "en": texts(
                "A company with a 120,000 t surplus has agreed 50 yuan/t with one buyer; the previous close was 40 "
                "yuan/t. How should it report the trade?",
                cite(
                    "en",
                    "120,000 t is at least 100,000 t, so it is a block trade, 13:00–15:00 only; the band is "
                    "28–52 yuan/t and 50 yuan lies inside it.",
                    EXCHANGE_RULES,
                ),
                options=[
                    "as one listing order at 9:30",
                    "as a block trade between 13:00 and 15:00",
                    "it cannot: 50 yuan is outside the limit",
                    "as 12 block orders of 10,000 t",
                ],
            ),
        },
        {
            "ref": "TR-26",
            "kind": "multiple",
            "tags": ["trading"],
            "correct": [0, 3],
            "zh": texts(
                "上一交易日收盘价为 40 元/吨。下列哪些申报的价格在当日允许的范围内？" + ALL_OR_NOTHING_RULE["zh"],
                cite(
                    "zh",
                    "挂牌协议交易区间 36—44 元，大宗协议交易区间 28—52 元：43 元挂牌、30 元大宗在区间内；"
                    "45 元挂牌、53 元大宗超出。",
                    EXCHANGE_RULES,
                ),
                options=[
                    "挂牌协议交易，买入 5 万吨，43 元/吨",
                    "挂牌协议交易，买入 5 万吨，45 元/吨",
                    "大宗协议交易，卖出 20 万吨，53 元/吨",
                    "大宗协议交易，卖出 20 万吨，30 元/吨",
                ],
            ),
            "en": texts(
                "The previous close was 40 yuan/t. Which of these orders are priced within today's limits? "
                + ALL_OR_NOTHING_RULE["en"],
                cite(
                    "en",
                    "Listing band 36–44 yuan, block band 28–52 yuan: the 43-yuan listing order and the 30-yuan "
                    "block trade are inside; 45 yuan listing and 53 yuan block are outside.",
                    EXCHANGE_RULES,
                ),
                options=[
                    "listing order, buy 50,000 t at 43 yuan/t",
                    "listing order, buy 50,000 t at 45 yuan/t",
                    "block trade, sell 200,000 t at 53 yuan/t",
                    "block trade, sell 200,000 t at 30 yuan/t",
                ],
            ),
        },
        {
            "ref": "TR-27",
            "kind": "text",
            "tags": ["trading", "settlement"],
            "zh": texts(
                "交易成交后，配额的持有和最终清缴记录在哪个系统？（填写系统名称）",
                cite(
                    "zh",
                    "全国碳排放权注册登记系统（湖北武汉）记录配额的持有、变更和清缴；交易系统（上海）只负责申报和撮合。",
                    MEASURES,
                ),
                accepted=[
                    "全国碳排放权注册登记系统",
                    "注册登记系统",
                    "全国碳排放权注册登记结算系统",
                    "全国碳市场注册登记系统",
                ],
            ),
            "en": texts(
                "After a trade, in which system are allowance holdings and the final surrender recorded? (Name the system.)",
                cite(
                    "en",
                    "The national carbon emissions registry (Wuhan, Hubei) records holdings, transfers and surrender; "
                    "the trading system (Shanghai) only takes and matches orders.",
                    MEASURES,
                ),
                accepted=[
                    "national carbon emissions registry",
                    "the national carbon emissions registry",
                    "registry",
                    "the registry",
                    "national registry",
                    "the national registry",
                    "national carbon emission registry",
                ],
            ),
        },
    ],
}
