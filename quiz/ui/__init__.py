"""The pygame front end: scenes that draw the engine's state and turn input into player actions.

Importing this package opens no window and imports no pygame; `quiz.ui.app.run` does both.
"""

import os

# pygame prints a greeting banner on import; a game's terminal should stay quiet.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
