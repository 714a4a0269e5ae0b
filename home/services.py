"""What the home page shows, gathered from the apps that own it."""

from attendance.services import upcoming_sessions
from courses.services import featured_courses, learning_summary


def home_sections(request, page) -> dict:
    user = request.user
    return {
        "upcoming_sessions": upcoming_sessions(limit=5),
        "featured_courses": featured_courses(locale=page.locale, limit=page.featured_count),
        "my_learning": learning_summary(user, locale=page.locale) if user.is_authenticated else None,
    }
