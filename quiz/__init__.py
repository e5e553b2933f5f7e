"""heat-quiz: a trivia game about Michael Mann's film Heat (1995)."""

__version__ = "0.1.0"
