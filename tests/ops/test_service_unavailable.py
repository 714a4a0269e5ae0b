"""A failing database or read-only media storage is answered 503 with a clear message, never 500."""

import errno
import json

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory
from django.utils import translation

from config.middleware import ServiceUnavailableMiddleware

middleware = ServiceUnavailableMiddleware(lambda request: None)


def answer(exception, accept="text/html", language="zh-hans"):
    request = RequestFactory().post("/attendance/check-in/t/x/", headers={"accept": accept})
    with translation.override(language):
        return middleware.process_exception(request, exception)


def test_installed_last_so_it_sees_view_exceptions_first():
    assert settings.MIDDLEWARE[-1] == "config.middleware.ServiceUnavailableMiddleware"


def test_database_down_is_a_503_the_phone_can_retry():
    response = answer(
        OperationalError("connection to server at 127.0.0.1 failed: Connection refused"), "application/json"
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    body = json.loads(response.content)
    assert body["ok"] is False and body["code"] == "database_unavailable"
    assert "没有保存" in body["message"]  # "nothing was saved", in the default language


def test_dropped_connection_page_in_the_visitors_language():
    response = answer(InterfaceError("connection already closed"), language="en")
    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="en">' in html and "Nothing was saved" in html
    chinese = answer(InterfaceError("connection already closed")).content.decode()
    assert "数据库暂时无法访问" in chinese


def test_read_only_or_full_media_storage_is_a_clear_503():
    for code in (errno.EROFS, errno.EACCES, errno.ENOSPC):
        response = answer(OSError(code, "Read-only file system"), "application/json", "en")
        assert response.status_code == 503
        assert json.loads(response.content)["code"] == "storage_unavailable"
        assert "uploads are paused" in json.loads(response.content)["message"]


def test_other_errors_are_left_to_django():
    assert answer(ValueError("a bug")) is None
    assert answer(FileNotFoundError(errno.ENOENT, "missing")) is None
