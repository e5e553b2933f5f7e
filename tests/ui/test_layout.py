"""The layout check: every text of every scene in its box, on the canvas, clear of other texts.

The whole tour, solo and party, is walked with the widest names allowed, eight players,
and then the longest prompts, options and explanations of the Heat pack; at each stop
the frame is drawn once with the layout record on and `problems` must find nothing.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pygame
from layout_helpers import check_frame

from quiz.engine import GameConfig, Mode, Phase
from quiz.engine.presentation import playable
from quiz.packs.model import Pack, Question, QuestionType
from quiz.ui.driver import Driver
from quiz.ui.layout_log import LayoutLog, problems, record_frame
from quiz.ui.party_tour import PartyTour
from quiz.ui.tour import Tour
from quiz.ui.widgets.draw import fitted, label, within

WIDE = "W" * 16  # the longest name allowed, in the widest letter
WIDE_NAMES = (
    WIDE,
    "M" * 16,
    "WMWMWMWMWMWMWMWM",
    "MWMWMWMWMWMWMWMW",
    "Vincent Hanna LA",
    "Neil McCauley 95",
    "W" * 15 + "M",
    "M" * 15 + "W",
)


class _Checking:
    """Mixed into a tour: every stop is checked, each time the tour passes it."""

    drv: Driver
    saved: dict[str, Path]
    found: dict[str, list[str]]

    def shot(self, name: str, settle: float = 0.6) -> None:
        if name.startswith("reveal"):
            self.in_flight(name)
        if name in self.saved:
            self.note(name)  # a later question, reveal or round of the same scene
            return
        super().shot(name, settle)  # type: ignore[misc]

    def capture(self, name: str) -> Path:
        self.note(name)
        return super().capture(name)  # type: ignore[misc]

    def in_flight(self, name: str) -> None:
        """A solo reveal while its points fly to the score, as well as once they landed."""
        for moment in (0.6, 0.8, 1.0):
            while self.drv.scene.age < moment:
                self.drv.step()
            self.note(f"{name} at {moment} s")

    def note(self, name: str) -> None:
        for problem in check_frame(self.drv):
            self.found.setdefault(problem, [])
            self.found[problem].append(name)


class SoloLayoutTour(_Checking, Tour):
    player = WIDE

    def __init__(self, out: Path) -> None:
        super().__init__(out)
        self.found = {}


class PartyLayoutTour(_Checking, PartyTour):
    long_names = WIDE_NAMES

    def __init__(self, out: Path) -> None:
        super().__init__(out)
        self.found = {}

    def turns(self) -> None:
        super().turns()
        # The same eight players, then a one-question game per long question and mode.
        base = self.drv.session.last_config
        assert base is not None
        for mode in (Mode.EVERYONE, Mode.BUZZ, Mode.TURNS):
            for question in longest_questions(heat_pack()):
                one = dataclasses.replace(base.packs[0], questions=(question,))
                config = dataclasses.replace(
                    base, mode=mode, packs=(one,), rounds=1, per_round=1, seed=3
                )
                if playable(question, config):
                    _play_one(self.drv, config, self.found)


def report(found: dict[str, list[str]]) -> str:
    lines = (f"{problem}  [at {', '.join(sorted(set(at)))}]" for problem, at in found.items())
    return "\n".join(lines)


def test_the_solo_tour_lays_out_every_text(tmp_path: Path) -> None:
    tour = SoloLayoutTour(tmp_path)
    tour.run()
    assert not tour.found, report(tour.found)


def test_the_party_tour_with_eight_wide_names_lays_out_every_text(tmp_path: Path) -> None:
    tour = PartyLayoutTour(tmp_path)
    tour.run()
    assert len(tour.saved) >= 15
    assert not tour.found, report(tour.found)


# The longest questions of the pack, one game each --------------------------------------------


def heat_pack() -> Pack:
    from quiz.packs.registry import discover

    return next(r.pack for r in discover() if r.ok and r.pack and r.pack.builtin)


def _options(question: Question) -> tuple[str, ...]:
    answer = (question.answer,) if isinstance(question.answer, str) else ()
    return (*answer, *question.wrong, *question.items, *question.accept)


def longest_questions(pack: Pack) -> list[Question]:
    """Per type: the longest prompt, the longest option, and the longest explanation."""
    picked: dict[str, Question] = {}
    for kind in QuestionType:
        of_kind = [q for q in pack.questions if q.type is kind]
        measures = (
            lambda q: len(q.prompt),
            lambda q: max((len(o) for o in _options(q)), default=0),
            lambda q: sum(len(o) for o in _options(q)),
            lambda q: len(q.explain or ""),
        )
        for measure in measures:
            question = max(of_kind, key=measure)
            picked[question.id] = question
    return list(picked.values())


def _play_one(drv: Driver, config: GameConfig, found: dict[str, list[str]]) -> None:
    """Start `config` (one question), check its question and its reveal."""
    from quiz.ui.scenes.flow import start_game

    start_game(drv.session, config)
    drv.step(2)
    where = f"{config.mode.value} {config.packs[0].questions[0].id}"
    for _ in range(3):
        if drv.game.phase is Phase.QUESTION:
            break
        drv.game.advance()
        drv.step(2)
    drv.advance(1.5)
    for problem in check_frame(drv):
        found.setdefault(problem, []).append(f"{where} question")
    drv.game.reveal_now()
    drv.advance(2.5)
    for problem in check_frame(drv):
        found.setdefault(problem, []).append(f"{where} reveal")


def test_the_longest_questions_of_the_pack_fit_a_solo_game() -> None:
    pack = heat_pack()
    drv = Driver.open()
    found: dict[str, list[str]] = {}
    try:
        for question in longest_questions(pack):
            one = dataclasses.replace(pack, questions=(question,))
            config = GameConfig(Mode.SOLO, (WIDE,), (one,), rounds=1, per_round=1, seed=3)
            _play_one(drv, config, found)
    finally:
        drv.close()
    assert not found, report(found)


# The check itself fails on a broken layout ------------------------------------------------------


def test_the_layout_check_sees_each_kind_of_broken_layout() -> None:
    # GIVEN a frame drawn with every mistake the check looks for
    drv = Driver.open()
    try:
        canvas = drv.session.display.canvas
        res = drv.session.resources
        with record_frame(res, canvas) as log:
            log.scene = "test"
            button = pygame.Rect(100, 100, 120, 50)
            with within(res, button):
                label(
                    res,
                    canvas,
                    "A label far too long for its button",
                    28,
                    (255, 255, 255),
                    button.center,
                )
            label(res, canvas, "Over here", 28, (255, 255, 255), (600, 300))
            label(res, canvas, "Right on top", 28, (255, 255, 255), (610, 305))
            label(res, canvas, "Half off the edge", 28, (255, 255, 255), (1270, 500))
            # A size that may not shrink: the last word has to go on a line of its own.
            fitted(
                res,
                canvas,
                "the final round",
                pygame.Rect(100, 400, 150, 70),
                (255, 255, 255),
                34,
                min_size=34,
            )
            fitted(
                res,
                canvas,
                "Press the items' keys one after another, in order: key 1 picks "
                "item 1, key 2 item 2, and so on",
                pygame.Rect(100, 600, 300, 20),
                (255, 255, 255),
                30,
                min_size=18,
            )
        found = problems(log)
    finally:
        drv.close()
    # THEN each one is named
    text = "\n".join(found)
    assert "out of its box: test: 'A label far too long" in text
    assert "overlap: test: 'Over here' and test: 'Right on top'" in text
    assert "off the canvas: test: 'Half off the edge'" in text
    assert "one word on a line: test: 'the final round'" in text
    assert "out of its box: test: \"Press the items' keys" in text
    assert len(found) == 5, text


def test_fitted_text_keeps_the_last_word_company_when_it_can() -> None:
    drv = Driver.open()
    try:
        res = drv.session.resources
        text = "Next: the final round, Themes and Famous Lines, double points"
        block = res.fit(text, (330, 70), (255, 255, 255), 34)
        assert len(block.lines) > 1
        assert all(len(line.split()) > 1 for line in block.lines), block.lines
    finally:
        drv.close()


def test_the_record_is_off_in_normal_play(driver: Driver) -> None:
    assert driver.session.resources.layout is None
    driver.step(3)
    assert driver.session.resources.layout is None


def test_a_panel_drawn_over_a_text_hides_it_from_the_check() -> None:
    drv = Driver.open()
    try:
        canvas = drv.session.display.canvas
        res = drv.session.resources
        with record_frame(res, canvas) as log:
            label(res, canvas, "Under the pause box", 28, (255, 255, 255), (640, 360))
            log.cover(canvas, pygame.Rect(400, 300, 480, 200))
            label(res, canvas, "Paused", 28, (255, 255, 255), (640, 360))
        assert isinstance(log, LayoutLog)
        assert [t.text for t in log.texts] == ["Paused"]
        assert problems(log) == []
    finally:
        drv.close()
