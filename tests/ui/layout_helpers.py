"""Drawing one frame with the layout record on, for the layout tests."""

from __future__ import annotations

from quiz.ui.driver import Driver
from quiz.ui.layout_log import LayoutLog, problems, record_frame


def record(drv: Driver) -> LayoutLog:
    """The current frame drawn once with the record on: every text, where, in which box."""
    with record_frame(drv.session.resources, drv.session.display.canvas) as log:
        drv.control.draw()
    return log


def check_frame(drv: Driver) -> list[str]:
    """What the layout check finds wrong on the current frame."""
    return problems(record(drv))
