"""Run inside Django against a throwaway database: create a little of everything a backup must keep.

    python -m tests.ops.make_data [extra]

Prints one JSON line with what it made. With "extra" it adds rows that a restore must
later take away again.
"""

import json
import sys


def main(argv: list[str]) -> None:
    import django

    django.setup()
    from django.conf import settings

    from accounts import roles
    from accounts.models import Organisation
    from tests.factories import OrganisationFactory, UserFactory, VenueFactory

    if argv[:1] == ["extra"]:
        user = UserFactory(email="added-after-backup@example.org", organisation=Organisation.objects.first())
        print(json.dumps({"extra_user": user.pk}))
        return
    organisation = OrganisationFactory(name="备份测试热电有限公司")
    venue = VenueFactory(name="备份测试分会场")
    users = [UserFactory(organisation=organisation, default_venue=venue, roles=[roles.TRAINEE]) for _ in range(5)]
    upload = settings.MEDIA_ROOT / "ops" / "sheet.txt"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_text("签到表 sign-in sheet\n", encoding="utf-8")
    print(json.dumps({"organisation": organisation.pk, "venue": venue.pk, "users": [u.pk for u in users]}))


if __name__ == "__main__":
    main(sys.argv[1:])
