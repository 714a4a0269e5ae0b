"""Text messages: one small provider interface and the development backends.

``settings.SMS_BACKEND`` names a class with ``send(phone, text)``; it raises ``SmsError`` (or
any exception) when the provider refuses, and the outbox retries later. A Chinese provider
(Aliyun, Tencent Cloud...) is a subclass calling the provider's SDK or HTTP API with a
pre-approved template and signature: see docs/DEPLOYMENT.md.
"""

import json
import threading
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string


class SmsError(Exception):
    pass


class BaseSmsBackend:
    def send(self, phone: str, text: str) -> None:
        raise NotImplementedError


class ConsoleBackend(BaseSmsBackend):
    """Prints each message (development)."""

    def send(self, phone: str, text: str) -> None:
        print(f"SMS to {phone}: {text}", flush=True)


class FileBackend(BaseSmsBackend):
    """Appends each message as a JSON line to ``SMS_FILE_PATH`` (development and tests)."""

    _lock = threading.Lock()

    def send(self, phone: str, text: str) -> None:
        path = Path(settings.SMS_FILE_PATH)
        path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"to": phone, "text": text, "at": timezone.now().isoformat()}, ensure_ascii=False)
        with self._lock, path.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")


def read_file_backend(path) -> list[dict]:
    """The messages a FileBackend wrote (for tests and the demo)."""
    path = Path(path)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def get_backend() -> BaseSmsBackend:
    return import_string(settings.SMS_BACKEND)()
