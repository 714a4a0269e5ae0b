"""Django-side helpers for the fault demonstrations; each prints one JSON line.

python -m bench.faults.probe admin-session    # a superuser and a signed-in session key
python -m bench.faults.probe documents        # how many Wagtail documents exist
"""

import json
import sys


def admin_session() -> dict:
    from wagtail.models import Collection

    from accounts.models import User
    from bench.seeders.people import sign_in

    admin, _ = User.objects.get_or_create(email="bench-admin@bench.example.org", defaults={"is_staff": True})
    admin.is_superuser = admin.is_staff = True
    admin.set_unusable_password()
    admin.save()
    return {"session": sign_in([admin])[0], "collection": Collection.get_first_root_node().pk}


def documents() -> dict:
    from wagtail.documents import get_document_model

    return {"documents": get_document_model().objects.count()}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps({"admin-session": admin_session, "documents": documents}[sys.argv[1]]()))
