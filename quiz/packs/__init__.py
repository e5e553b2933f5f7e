"""Question packs: the data model, the loader/validator and pack discovery.

Pure Python: nothing here imports pygame.
"""

from quiz.packs.model import (
    Category,
    Diagnostic,
    Difficulty,
    Pack,
    Question,
    QuestionType,
    Severity,
)

__all__ = [
    "Category",
    "Diagnostic",
    "Difficulty",
    "Pack",
    "Question",
    "QuestionType",
    "Severity",
]
