class ReportError(Exception):
    """A refused report request: ``code`` for programs and tests, ``message`` for people."""

    def __init__(self, code: str, message):
        super().__init__(code)
        self.code = code
        self.message = message

    def __str__(self):
        return f"{self.code}: {self.message}"
