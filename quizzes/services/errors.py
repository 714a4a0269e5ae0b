class QuizError(Exception):
    """A quiz rule was broken: ``code`` for programs and tests, ``message`` for people."""

    def __init__(self, code: str, message):
        super().__init__(str(message))
        self.code = code
        self.message = message
