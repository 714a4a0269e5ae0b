"""Files the demo courses link to, generated at demo time: handout PDFs and cover images."""

import io
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from .pdf import GREEN, INK, MUTED, certificate_font, draw_text

# Key points of each course, from docs/ARCHITECTURE.md "Courses" (facts from the checked FACTS list).
HANDOUTS = {
    "trading-rules": (
        "全国碳市场交易规则 · National carbon market trading rules",
        [
            "交易产品：碳排放配额（CEA），由省级生态环境主管部门分配，以免费分配为主。",
            "交易系统在上海；注册登记与结算系统在湖北武汉。",
            "挂牌协议交易：9:30—11:30、13:00—15:00，单笔小于 10 万吨，涨跌幅 ±10%。",
            "大宗协议交易：13:00—15:00，单笔不少于 10 万吨，涨跌幅 ±30%。",
            "以上依据上海环境能源交易所 2021 年 6 月 22 日公告。",
            "收盘价：当日挂牌协议交易的成交量加权平均价。",
            "Product: the carbon emission allowance (CEA), allocated mainly free by provincial departments.",
            "Trading system in Shanghai; registry and settlement in Wuhan, Hubei.",
            "Listing agreement: 9:30-11:30 and 13:00-15:00, under 100,000 t an order, ±10% of the previous close.",
            "Block agreement: 13:00-15:00, at least 100,000 t an order, ±30% (SEEE announcement, 22 June 2021).",
            "Closing price: the volume-weighted average of the day's listing-agreement trades.",
        ],
    ),
    "settlement-compliance": (
        "配额清缴与履约检查清单 · Settlement and compliance checklist",
        [
            "3 月 31 日前报送上一年度排放报告；排放经核查后确定应清缴配额。",
            "第一个履约周期合并清缴 2019、2020 两年；应清缴量不超过核查排放量。",
            "燃气机组不超过免费配额；其他机组不超过免费配额 + 核查排放量的 20%。",
            "CCER 抵销不超过应清缴量的 5%（向下取整）。",
            "第一个履约周期：2021-12-15 前各省 95% 完成清缴，2021-12-31 17:00 前全部完成。",
            "Report the previous year's emissions by 31 March; verified emissions set the allowances due.",
            "The first cycle surrenders 2019 and 2020 together; the obligation never exceeds verified emissions.",
            "Gas units: at most the free allocation; other units: at most free allocation + 20% of emissions.",
            "CCER may offset at most 5% of the obligation (rounded down).",
            "First cycle: 95% of units by 15 Dec 2021, all of them by 17:00 on 31 Dec 2021.",
        ],
    ),
    "ccer-offsets": (
        "CCER 抵销要点 · CCER offsets in brief",
        [
            "《碳排放权交易管理办法（试行）》第二十九条：抵销不得超过应清缴配额的 5%。",
            "CCER 不得来自纳入全国碳市场配额管理的项目。",
            "用于抵销的 CCER 须先在全国自愿减排注册登记系统中注销。",
            "算例：E = 1,000,000，A = 930,000，C = 80,000 → 可用 CCER 50,000，缺口 20,000。",
            "Measures, Article 29: the offset may not exceed 5% of the allowances due.",
            "CCER may not come from projects under the national market; cancel them in the voluntary registry first.",
            "Example: E = 1,000,000, A = 930,000, C = 80,000 -> usable CCER 50,000, shortfall 20,000.",
        ],
    ),
}
COVER_COLOURS = {
    "trading-rules": ((11, 107, 58), (214, 236, 222)),
    "settlement-compliance": ((31, 78, 140), (220, 231, 246)),
    "ccer-offsets": ((138, 75, 0), (250, 236, 214)),
}


def handout_pdf(slug: str) -> bytes:
    title, points = HANDOUTS[slug]
    font = certificate_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    _width, height = A4
    pdf.setFillColor(GREEN)
    draw_text(pdf, title, 20 * mm, height - 30 * mm, 16, font=font)
    pdf.setFillColor(INK)
    y = height - 45 * mm
    for point in points:
        draw_text(pdf, "- " + point, 22 * mm, y, 10.5, font=font)
        y -= 9 * mm
    pdf.setFillColor(MUTED)
    draw_text(pdf, "碳市场能力建设培训 / Carbon Market Training", 20 * mm, 20 * mm, 9, font=font)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def cover_png(slug: str) -> bytes:
    """An abstract cover (no text, so no font is needed): bars rising like a market chart."""
    dark, light = COVER_COLOURS[slug]
    image = Image.new("RGB", (960, 400), light)
    draw = ImageDraw.Draw(image)
    for i in range(12):
        bar = 60 + (i * 37 + len(slug) * 13) % 220
        draw.rectangle([60 + i * 72, 360 - bar, 60 + i * 72 + 44, 360], fill=dark)
    draw.line([40, 360, 920, 360], fill=dark, width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def write_assets(folder: Path) -> None:
    for slug in HANDOUTS:
        (folder / f"{slug}-handout.pdf").write_bytes(handout_pdf(slug))
        (folder / f"cover-{slug}.png").write_bytes(cover_png(slug))
