"""`python -m quiz` runs the same command as `heat-quiz`."""

import sys

from quiz.cli import main

sys.exit(main())
