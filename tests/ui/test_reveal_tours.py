"""The reveal check over the screenshot tours: every reveal the solo and party tours show
marks what the engine recorded (the check itself is in test_reveal_marks)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from test_reveal_marks import check_reveal

from quiz.packs.model import QuestionType
from quiz.ui.driver import Driver
from quiz.ui.party_tour import PartyTour
from quiz.ui.tour import Tour

REVEALS = {"reveal", "party_reveal"}


class RevealChecks:
    """Mixed into a tour: after each reveal screenshot, compare its marks with the engine's."""

    checked: ClassVar[list[tuple[str, QuestionType]]]  # one list per tour, over all its runs
    drv: Driver

    def capture(self, name: str) -> Path:
        path = super().capture(name)  # type: ignore[misc]
        scene = self.drv.scene_name
        if scene in REVEALS:
            seen: set[QuestionType] = set()
            check_reveal(self.drv, solo=scene == "reveal", seen=seen)
            self.checked.extend((name, kind) for kind in seen)
        return path


class CheckedTour(RevealChecks, Tour):
    checked: ClassVar[list[tuple[str, QuestionType]]] = []


class CheckedPartyTour(RevealChecks, PartyTour):
    checked: ClassVar[list[tuple[str, QuestionType]]] = []


def test_the_solo_tour_reveals_mark_what_was_answered(tmp_path: Path) -> None:
    tour = CheckedTour(tmp_path)
    tour.checked = []
    tour.run()
    shots = {name for name, _ in tour.checked}
    assert shots == {"reveal", "reveal_wrong", "reveal_text", "reveal_order"}, tour.checked
    assert {QuestionType.TEXT, QuestionType.ORDER} <= {kind for _, kind in tour.checked}


def test_the_party_tour_reveals_mark_what_was_answered(tmp_path: Path) -> None:
    tour = CheckedPartyTour(tmp_path)
    tour.checked = []
    tour.run()
    shots = {name for name, _ in tour.checked}
    assert shots == {
        "party_reveal",
        "party_reveal_order",
        "party_reveal_buzz",
        "party_reveal_text",
    }, tour.checked
