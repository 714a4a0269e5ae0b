from accounts.errors import DomainError


class QuizError(DomainError):
    """A quiz rule was broken."""
