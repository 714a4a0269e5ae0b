from tests.registration.conftest import company, course, organiser_user, other_venue, session, venue  # noqa: F401
from tests.smtp_server import sms_file, smtp_inbox  # noqa: F401
