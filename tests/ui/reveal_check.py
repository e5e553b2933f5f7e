"""The reveal check: the marks a reveal screen drew agree with the engine's record of answers.

A reveal draws ticks, crosses, "Your pick" tags and players' avatars beside options; a test
cannot read those back from pixels, so the scenes keep a debug record of each mark they
draw (`session.marks`, off in normal play). Here the marks a screen should carry are worked
out from the engine's `Revealed` event alone, without the scene's code, and compared.
"""

from __future__ import annotations

from collections import Counter

from quiz.engine import Mode, PlayerResult, Revealed
from quiz.packs.model import QuestionType
from quiz.ui.driver import Driver
from quiz.ui.scenes.party.reveal import PartyRevealScene
from quiz.ui.scenes.solo.reveal import RevealScene
from quiz.ui.widgets.marks import Mark

SETTLED = 1.2  # seconds: every avatar of eight players has popped in by then


def _picked(revealed: Revealed, result: PlayerResult) -> int | None:
    """The option a result points at, by its text: "True" / "False" or the choice index."""
    answer = result.answer
    if isinstance(answer, bool):
        return revealed.question.choices.index("True" if answer else "False")
    return answer if isinstance(answer, int) else None


def expected_marks(revealed: Revealed, mode: Mode) -> Counter[Mark]:
    q = revealed.question
    marks: list[Mark] = []
    if q.type in (QuestionType.CHOICE, QuestionType.TRUEFALSE):
        marks.append(Mark("right", q.correct_index, None))
        wrong: set[int] = set()
        for result in revealed.results:
            picked = _picked(revealed, result)
            if mode is Mode.SOLO and not result.answered:
                picked = None
            if picked is None:
                continue
            marks.append(Mark("pick", picked, result.player))
            if picked != q.correct_index:
                wrong.add(picked)
        marks += [Mark("wrong", index, None) for index in wrong]
    elif q.type is QuestionType.ORDER:
        right = q.correct_order or ()
        for result in revealed.results:
            given = result.answer if isinstance(result.answer, tuple) else ()
            for place, item in enumerate(right):
                placed = place < len(given) and given[place] == item
                if mode is Mode.SOLO:  # every place gets a tick or a cross
                    kind = "right" if placed else "wrong"
                    marks.append(Mark(kind, place, result.player))
                elif placed:  # the party shows who got each place right
                    marks.append(Mark("right", place, result.player))
    else:
        for result in revealed.results:
            marks.append(Mark("right" if result.correct else "wrong", None, result.player))
    return Counter(marks)


def check_reveal(drv: Driver) -> tuple[str, str] | None:
    """If a settled reveal is on top, draw it and compare its marks; (mode, type) checked."""
    scene = drv.session.stack.top
    if not isinstance(scene, RevealScene | PartyRevealScene):
        return None
    if isinstance(scene, PartyRevealScene) and scene.age < SETTLED:
        return None
    marks = drv.session.marks
    marks.enabled = True
    drv.control.draw()
    mode = scene.game.config.mode
    revealed = scene.revealed
    drawn = Counter(marks.marks)
    expected = expected_marks(revealed, mode)
    assert drawn == expected, (
        f"{mode.value} {revealed.question.type.value} reveal of {revealed.question.prompt!r}: "
        f"drew {sorted(map(repr, drawn.elements()))}, "
        f"engine says {sorted(map(repr, expected.elements()))}"
    )
    return (mode.value, revealed.question.type.value)


def watch_reveals(drv: Driver) -> list[tuple[str, str]]:
    """Check every settled reveal frame the driver draws from now on; returns what was seen."""
    seen: list[tuple[str, str]] = []
    draw = drv.control.draw
    busy: list[bool] = []

    def checked_draw() -> None:
        draw()
        if busy:
            return  # the check's own drawing
        busy.append(True)
        try:
            found = check_reveal(drv)
        finally:
            busy.clear()
        if found is not None:
            seen.append(found)

    drv.control.draw = checked_draw  # type: ignore[method-assign]
    return seen
