import pytest
from django.urls import reverse

from courses import services
from courses.models import Enrolment, LessonCompletion

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db

CALCULATOR_BODY = [
    {"type": "paragraph", "value": "<p>清缴计算</p>"},
    {"type": "calculator", "value": {"title": "试算", "intro": "", "verified_emissions": 1000000}, "id": "calc1"},
]


def test_course_page_shows_outline_and_enrol_button(client, trainee, course):
    client.force_login(trainee)
    html = client.get(course.url).content.decode()
    assert course.title in html
    assert "第1单元" in html and "第2.2课" in html
    assert reverse("courses:enrol", args=[course.pk]) in html


def test_anonymous_can_read_but_is_asked_to_sign_in(client, course):
    html = client.get(course.url).content.decode()
    assert "/accounts/login/?next=" in html
    lesson_html = client.get(lessons_of(course)[0].url).content.decode()
    assert "全国碳市场的交易产品" in lesson_html


def test_enrol_view_then_complete_and_progress(client, trainee, course):
    client.force_login(trainee)
    lessons = lessons_of(course)
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 302
    assert response.url == lessons[0].url
    assert Enrolment.objects.filter(user=trainee, course=course).exists()

    html = client.get(lessons[0].url).content.decode()
    assert "第 1 课，共 4 课" in html
    response = client.post(
        reverse("courses:complete_lesson", args=[lessons[0].pk]), {"next": lessons[1].pk}, follow=False
    )
    assert response.url == lessons[1].url
    assert LessonCompletion.objects.filter(user=trainee, lesson=lessons[0]).exists()
    # posting twice is harmless
    client.post(reverse("courses:complete_lesson", args=[lessons[0].pk]))
    assert LessonCompletion.objects.filter(user=trainee).count() == 1

    html = client.get(course.url).content.decode()
    assert 'aria-valuenow="25"' in html
    # resume: the last lesson opened was completed, so the next one is offered
    assert f'href="{lessons[1].url}"' in html


def test_actions_need_login_and_post(client, course):
    lesson = lessons_of(course)[0]
    response = client.post(reverse("courses:complete_lesson", args=[lesson.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert client.get(reverse("courses:my_learning")).status_code == 302


def test_get_on_action_is_refused(client, trainee, course):
    client.force_login(trainee)
    assert client.get(reverse("courses:enrol", args=[course.pk])).status_code == 405


def test_calculator_without_javascript(client):
    course = make_course(modules=1, lessons_per_module=1, body=CALCULATOR_BODY)
    lesson = lessons_of(course)[0]
    html = client.get(lesson.url).content.decode()
    assert 'name="verified_emissions" value="1000000"' in html
    html = client.get(
        lesson.url,
        {"calc": "calc1", "verified_emissions": "1000000", "allowances_held": "930000", "ccer_held": "80000"},
    ).content.decode()
    assert "50,000" in html and "20,000" in html
    assert 'data-result aria-live="polite" hidden' not in html
    html = client.get(
        lesson.url, {"calc": "calc1", "verified_emissions": "-5", "allowances_held": "0", "ccer_held": "0"}
    ).content.decode()
    assert "核查排放量不能为负数。" in html


def test_calculator_json_endpoint(client):
    url = reverse("courses:calculator")
    data = client.get(url, {"verified_emissions": 1_000_000, "allowances_held": 930_000, "ccer_held": 80_000}).json()
    assert data["ok"] and data["usable_ccer"] == 50_000 and data["shortfall"] == 20_000
    response = client.get(url, {"verified_emissions": "x", "allowances_held": 0, "ccer_held": 0})
    assert response.status_code == 400
    assert response.json()["code"] == "not_a_number"


def test_markdown_is_rendered_and_sanitised(client):
    body = [
        {
            "type": "markdown",
            "value": (
                "## 表格\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nprint('x')\n```\n\n"
                '<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n'
                "[link](javascript:alert(3))"
            ),
        }
    ]
    course = make_course(modules=1, lessons_per_module=1, body=body)
    html = client.get(lessons_of(course)[0].url).content.decode()
    lesson_html = html.split('class="lesson-body"')[1].split("lesson-actions")[0]
    assert "<table>" in lesson_html and "<td>1</td>" in lesson_html
    assert "<pre><code" in lesson_html
    assert "<script" not in lesson_html
    assert "onerror" not in lesson_html
    assert "javascript:" not in lesson_html


def test_lesson_extras_hook_is_rendered(client, course):
    from wagtail import hooks

    def extra(request, lesson):
        return '<a class="quiz-link" href="/quiz/1/">测验</a>'

    with hooks.register_temporarily(services.LESSON_EXTRAS_HOOK, extra):
        html = client.get(lessons_of(course)[0].url).content.decode()
    assert 'class="quiz-link"' in html


def test_my_learning_page(client, trainee, course):
    client.force_login(trainee)
    services.enrol(trainee, course)
    services.complete_lesson(trainee, lessons_of(course)[0])
    html = client.get(reverse("courses:my_learning")).content.decode()
    assert course.title in html
    assert 'aria-valuenow="25"' in html
    assert lessons_of(course)[1].url in html


def test_home_page_features_courses_and_my_learning(client, trainee, course):
    client.force_login(trainee)
    services.enrol(trainee, course)
    html = client.get("/").content.decode()
    assert html.count(course.title) >= 2  # featured and in "My learning"


def test_course_index_and_module_pages(client, course):
    index = course.get_parent()
    html = client.get(index.url).content.decode()
    assert course.title in html and course.summary in html
    module = course.get_children().first()
    html = client.get(module.url).content.decode()
    assert "第1.1课" in html and "第1.2课" in html and f'href="{course.url}"' in html
