"""The one shape of a refused action, shared by every app's services."""


class DomainError(Exception):
    """A rule refused an action: ``code`` for programs and tests, ``message`` for people."""

    def __init__(self, code: str, message):
        super().__init__(str(message))
        self.code = code
        self.message = message
