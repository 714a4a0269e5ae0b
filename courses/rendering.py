"""Markdown to safe HTML: authors write Markdown, trainees never receive a script from it."""

import markdown as markdown_lib
import nh3

MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "sane_lists", "attr_list"]

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "span", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align", "colspan", "rowspan", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "code": {"class"},
    "abbr": {"title"},
}


def render_markdown(text: str) -> str:
    """Markdown (tables, fenced code) rendered, then sanitised by nh3: no script, no on* handler.

    Not cached here: a lesson's whole body is a template fragment cached per content generation.
    """
    html = markdown_lib.markdown(text or "", extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )
