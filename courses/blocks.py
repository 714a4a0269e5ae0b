"""Lesson content blocks: what an instructor can put in a lesson."""

from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .calculator import INPUT_NAMES, MAX_TONNES, UNIT_TYPES, SettlementInputError, settle
from .rendering import render_markdown


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(label=_("level"), choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2")

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "courses/blocks/heading.html"
        description = _("A section heading inside the lesson.")
        preview_value = {"text": "配额清缴", "level": "h2"}


class MarkdownBlock(blocks.TextBlock):
    """Markdown text; rendered with tables and fenced code, then sanitised."""

    def render_basic(self, value, context=None):
        return mark_safe(render_markdown(value))  # noqa: S308 - nh3 has sanitised it

    class Meta:
        icon = "code"
        label = _("Markdown")
        description = _("Text written in Markdown: tables and fenced code are supported; scripts are removed.")
        preview_value = "| 项目 | 数量 |\n|---|---|\n| 核查排放量 | 1,000,000 t |"
        form_classname = "markdown-block"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(label=_("alternative text"), required=False, max_length=200)
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"
        description = _("An image with a caption.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=200)
    description = blocks.CharBlock(label=_("description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "courses/blocks/document.html"
        description = _("A downloadable document such as PDF slides.")


class VideoBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("embedded video URL"), required=False)
    file = DocumentChooserBlock(label=_("uploaded video file"), required=False)
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"
        description = _("A video: an embedded URL or an uploaded file (MP4 or WebM).")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("embed") and not value.get("file"):
            raise StructBlockValidationError(
                block_errors={"embed": ValidationError(_("Give an embed URL or choose an uploaded video file."))}
            )
        return value


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("note", _("Note")), ("warning", _("Warning")), ("key_rule", _("Key rule"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    body = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "courses/blocks/callout.html"
        description = _("A highlighted note, warning or key rule.")
        preview_value = {"kind": "key_rule", "title": "5% 上限", "body": "<p>CCER 抵销不得超过应清缴配额的 5%。</p>"}


class GlossaryTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("term"), max_length=120)
    definition = blocks.TextBlock(label=_("definition"))

    class Meta:
        icon = "info-circle"
        label = _("Glossary term")
        template = "courses/blocks/glossary_term.html"
        description = _("A term and its definition.")
        preview_value = {"term": "CEA", "definition": "全国碳排放权交易市场的碳排放配额。"}


class SettlementCalculatorBlock(blocks.StructBlock):
    """Works without JavaScript: a GET form back to the lesson; the page computes with settle()."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    intro = blocks.TextBlock(label=_("introduction"), required=False)
    verified_emissions = blocks.IntegerBlock(
        label=_("example verified emissions"), required=False, min_value=0, max_value=MAX_TONNES
    )
    allowances_held = blocks.IntegerBlock(
        label=_("example allowances held"), required=False, min_value=0, max_value=MAX_TONNES
    )
    ccer_held = blocks.IntegerBlock(label=_("example CCER held"), required=False, min_value=0, max_value=MAX_TONNES)
    free_allocation = blocks.IntegerBlock(
        label=_("example free allocation"),
        required=False,
        min_value=0,
        max_value=MAX_TONNES,
        help_text=_(
            "First cycle: with a unit type, the calculator applies the cap on the allowance gap or the gas-unit rule."
        ),
    )
    unit_type = blocks.ChoiceBlock(label=_("example unit type"), choices=UNIT_TYPES, required=False)

    class Meta:
        icon = "table"
        label = _("Settlement calculator")
        template = "courses/blocks/settlement_calculator.html"
        description = _("Trainees enter emissions, allowances and CCER and see what they must buy or may keep.")
        preview_value = {"verified_emissions": 1_000_000, "allowances_held": 930_000, "ccer_held": 80_000}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        parent_context = parent_context or {}
        block_id = parent_context.get("block_id") or "calc"
        request = parent_context.get("request")
        inputs = {name: value.get(name) for name in INPUT_NAMES}
        result, error = None, None
        if request is not None and request.GET.get("calc") == block_id:
            inputs = submitted_inputs(request.GET)
            try:
                result = settle(**inputs)
            except SettlementInputError as exc:
                error = exc
        context.update(
            {"block_id": block_id, "inputs": inputs, "result": result, "error": error, "unit_types": UNIT_TYPES}
        )
        return context


def submitted_inputs(query) -> dict:
    """The calculator's inputs from a query string (missing ones are empty)."""
    return {name: query.get(name, "") for name in INPUT_NAMES}


def refuses_calculator_input(body, query) -> bool:
    """True when the query asks one of the body's calculators to compute figures it refuses."""
    block_id = query.get("calc")
    if not block_id:
        return False
    for block in body:
        if block.block_type == "calculator" and block.id == block_id:
            try:
                settle(**submitted_inputs(query))
            except SettlementInputError:
                return True
            return False
    return False


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        icon="pilcrow",
        features=["h3", "h4", "bold", "italic", "link", "ol", "ul", "hr", "document-link"],
        description=_("Formatted text."),
    )
    markdown = MarkdownBlock()
    image = ImageBlock()
    document = DocumentBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    glossary_term = GlossaryTermBlock()
    calculator = SettlementCalculatorBlock()
