"""Report roll-ups computed in the database: a handful of grouped queries per table, whatever the size.

- ``attendance``: expected vs present / late / excused / absent by session, city, county, venue, organisation.
- ``learning``: course completion and quiz pass rates by city and organisation.
- ``coverage``: which key emission units have been reached, and which still have to be chased.
"""
