"""Every lesson block renders (one test per template), with real images, documents and embeds."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://video.example.org/watch/42"


def png_file() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), (11, 107, 58)).save(buffer, format="PNG")
    return SimpleUploadedFile("chart.png", buffer.getvalue(), content_type="image/png")


def test_every_block_renders(client):
    image = get_image_model().objects.create(title="排放趋势", file=png_file())
    slides = get_document_model().objects.create(
        title="讲义", file=SimpleUploadedFile("slides.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    )
    video = get_document_model().objects.create(
        title="录像", file=SimpleUploadedFile("lecture.mp4", b"\x00\x00\x00\x18ftypmp42", content_type="video/mp4")
    )
    # A stored embed is used as is, so the test never asks the internet.
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL, None, None),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe src="https://video.example.org/embed/42" title="lecture"></iframe>',
        title="lecture",
        thumbnail_url="",
        width=640,
        height=360,
        cache_until=None,
    )
    body = [
        {"type": "heading", "value": {"text": "配额清缴要点", "level": "h2"}},
        {"type": "paragraph", "value": "<p>富文本段落</p>"},
        {"type": "markdown", "value": "**加粗** 与 `代码`"},
        {"type": "image", "value": {"image": image.pk, "alt_text": "排放趋势图", "caption": "2020 年排放"}},
        {"type": "document", "value": {"document": slides.pk, "title": "下载讲义", "description": "PDF 讲义"}},
        {"type": "video", "value": {"embed": "", "file": video.pk, "caption": "直播录像"}},
        {"type": "video", "value": {"embed": VIDEO_URL, "file": None, "caption": "在线视频"}},
        {"type": "callout", "value": {"kind": "warning", "title": "截止时间", "body": "<p>12 月 31 日 17:00</p>"}},
        {"type": "glossary_term", "value": {"term": "CCER", "definition": "国家核证自愿减排量"}},
        {"type": "calculator", "value": {"title": "", "intro": "", "verified_emissions": None}},
    ]
    course = make_course(modules=1, lessons_per_module=1, body=body)
    html = client.get(lessons_of(course)[0].url).content.decode()
    assert "<h2>配额清缴要点</h2>" in html
    assert "<p>富文本段落</p>" in html
    assert "<strong>加粗</strong>" in html and "<code>代码</code>" in html
    assert 'alt="排放趋势图"' in html and "2020 年排放" in html
    assert f'href="{slides.url}"' in html and "下载讲义" in html
    assert f'<video controls preload="metadata" src="{video.url}"' in html
    assert 'src="https://video.example.org/embed/42"' in html
    assert 'class="callout callout-warning"' in html and "注意: 截止时间" in html
    assert "<dt>CCER</dt>" in html
    assert "配额清缴计算器" in html  # the calculator's default title


def test_video_block_needs_a_source():
    from wagtail.blocks.struct_block import StructBlockValidationError

    from courses.blocks import VideoBlock

    block = VideoBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"embed": "", "file": None, "caption": "x"}))
