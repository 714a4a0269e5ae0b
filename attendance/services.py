"""Attendance rules (the attendance issue fills this in): what the home page asks of attendance."""


def upcoming_sessions(limit: int = 5) -> list:
    """Training sessions that have not ended, soonest first (objects with title and starts_at)."""
    return []
