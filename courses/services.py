"""Course rules (the courses issue fills this in): what the home page asks of courses."""


def featured_courses(locale, limit: int = 3) -> list:
    """Live courses to feature on the home page, in the page's locale."""
    return []


def learning_summary(user, locale) -> list:
    """The user's enrolled courses with progress: [{"title", "url", "percent"}]."""
    return []
