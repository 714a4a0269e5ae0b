"""The browser tests read what the live server writes, from another thread, while it writes."""

import threading

from django.db import connection, transaction

from accounts.models import Venue
from tests.factories import VenueFactory


def test_a_test_reads_while_the_live_server_holds_a_write_transaction():
    written, read = threading.Event(), threading.Event()

    def server_request():
        try:
            with transaction.atomic():
                VenueFactory(name="滨州市分会场")
                written.set()
                read.wait(10)
        finally:
            connection.close()

    server = threading.Thread(target=server_request)
    server.start()
    try:
        assert written.wait(10)
        # An in-memory SQLite shared between threads raises "database table is locked" here.
        assert not Venue.objects.filter(name="滨州市分会场").exists()
    finally:
        read.set()
        server.join()
    assert Venue.objects.filter(name="滨州市分会场").exists()
