"""Private storage for uploads that hold personal data (sign-in sheets), apart from public media.

Public media (lesson images, documents, videos) stays under MEDIA_ROOT and is served at
MEDIA_URL. Files here live under PRIVATE_MEDIA_ROOT (default ``var/private``), which nothing
serves: they are read only by views that check who may see them, and get random names.
On S3-compatible storage, point ``STORAGES["private"]`` at a private bucket or prefix
(docs/DEPLOYMENT.md).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils import timezone
from django.utils.functional import cached_property


class PrivateFileSystemStorage(FileSystemStorage):
    """FileSystemStorage rooted at PRIVATE_MEDIA_ROOT, with no public URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view that checks access.")


def private_storage():
    """The storage named "private" in settings.STORAGES (a callable, so migrations never freeze it)."""
    return storages["private"]


def random_name(folder: str, filename: str) -> str:
    """``folder/YYYY/MM/<random hex><.ext>``: nothing of the uploader's file name, nothing to guess."""
    suffix = PurePath(filename or "").suffix.lower()[:10]
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"
