from accounts.errors import DomainError


class ReportError(DomainError):
    """A refused report request."""
