"""Every question of a pack drawn by the game's own screens, saved as PNG, before anyone plays.

For each question a one-question solo game is started on the headless Driver: its
question screen is saved once the entrance has settled, the right answer is given
as a player would give it (a key, typed text, the items in order), and the reveal
is saved too. One contact sheet shows them all, small. While each screen is drawn,
every fitted text is noted: one the game had to shrink below the readable size, or
that did not fit its box even then, is flagged with the question it belongs to.

Open it with SDL_VIDEODRIVER=dummy (the `packs preview` command sets it): no window.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import pygame

from quiz.engine import GameConfig, Mode
from quiz.packs.model import Pack, Question, QuestionType
from quiz.ui import theme
from quiz.ui.driver import Driver
from quiz.ui.resources import FittedText, Resources

# The smallest size the game draws any text at (its hint bar): a text shrunk below it is
# hard to read from a sofa.
READABLE_SIZE: Final = theme.TINY_SIZE
QUESTION_SCENES: Final = ("question", "text_answer", "ordering")
SETTLE_QUESTION: Final = 1.2  # seconds: the entrance animations are over
SETTLE_REVEAL: Final = 1.4
THUMB: Final = (320, 180)
GAP: Final = 12
CAPTION_H: Final = 28
PER_SHEET: Final = 40  # questions on one contact sheet (two pictures each)


@dataclass(frozen=True)
class Flag:
    """A text on one screen that a player would find too small, or would not see whole."""

    question: str  # its id
    screen: str  # "question" or "reveal"
    text: str
    problem: str

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"question '{self.question}', {self.screen} screen: '{shown}' {self.problem}"


@dataclass
class Shot:
    question: Question
    screen: str
    path: Path
    flags: list[Flag] = field(default_factory=list)


class FitRecorder:
    """Notes every text a screen fits into a box that came out too small or cut off.

    It wraps the one `fit` of the session's Resources (every wrapped text goes through
    it) and measures at the size chosen, with the font in use at that moment (a pack's
    own font included), noting which scene drew it: no change to how anything is drawn.
    """

    def __init__(self, res: Resources, scene: Callable[[], str]) -> None:
        self.res = res
        self.scene = scene
        self.found: dict[tuple[str, str, str], None] = {}  # (scene, text, problem), in order
        self._judged: dict[tuple[object, ...], str] = {}
        self._fit: Callable[..., FittedText] = res.fit
        setattr(res, "fit", self.fit)  # noqa: B010 - an instance hook, not a new method

    def fit(self, text: str, box: tuple[int, int], colour: tuple[int, int, int],
            max_size: int, min_size: int = 14, align: str = "center",
            line_gap: float = 0.12) -> FittedText:
        block = self._fit(text, box, colour, max_size, min_size, align, line_gap)
        key = (text, box, max_size, min_size, line_gap, self.res.face)
        problem = self._judged.get(key)
        if problem is None:
            problem = self._judged[key] = self._problem(block, box, max_size, line_gap)
        if problem:
            self.found[(self.scene(), text, problem)] = None
        return block

    def _problem(self, block: FittedText, box: tuple[int, int], max_size: int,
                 line_gap: float) -> str:
        # Measured by the fitter's own rule (line height, not the rendered line boxes, which
        # are a pixel or two taller): a text is cut off only when the fitter gave up on it.
        font = self.res.font(block.size)
        step = int(font.get_linesize() * (1 + line_gap))
        needed = step * (len(block.lines) - 1) + font.get_height()
        widest = max((font.size(line)[0] for line in block.lines), default=0)
        if needed > box[1] or widest > box[0]:
            lines = f"{len(block.lines)} line{'' if len(block.lines) == 1 else 's'}"
            return (f"is cut off: even at size {block.size} it takes {lines}, {widest} x "
                    f"{needed} px, and its box is {box[0]} x {box[1]}; shorten it")
        if block.size < min(READABLE_SIZE, max_size):
            return (f"is shrunk to size {block.size} to fit its box, below the game's "
                    f"smallest text ({READABLE_SIZE}); shorten it")
        return ""

    def take(self, scenes: tuple[str, ...]) -> list[tuple[str, str]]:
        """What the `scenes` drew too small or cut off, once per text and problem."""
        return [(text, problem) for scene, text, problem in self.found if scene in scenes]

    def clear(self) -> None:
        self.found.clear()


class Preview:
    def __init__(self, pack: Pack, out: Path) -> None:
        self.pack = pack
        self.out = out
        self.drv = Driver.open()
        session = self.drv.session
        # A preview shows what a game would, and never writes the player's settings.
        session.settings = dataclasses.replace(session.settings, show_explanations=True,
                                               muted=True)
        session.save_settings = lambda settings: None
        self.recorder = FitRecorder(session.resources, lambda: self.drv.scene_name)

    def run(self, progress: Callable[[int, int], None] = lambda done, total: None
            ) -> list[Shot]:
        shots: list[Shot] = []
        try:
            total = len(self.pack.questions)
            for number, question in enumerate(self.pack.questions, 1):
                shots += self.question(number, question)
                progress(number, total)
        finally:
            self.drv.close()
        return shots

    def question(self, number: int, question: Question) -> list[Shot]:
        from quiz.ui.scenes.flow import start_game

        drv = self.drv
        alone = dataclasses.replace(self.pack, questions=(question,), categories=tuple(
            c for c in self.pack.categories if c.id == question.category))
        config = GameConfig(Mode.SOLO, ("Player",), (alone,), rounds=1, per_round=1,
                            seconds=question.time or 20, seed=number)
        if not start_game(drv.session, config):
            raise RuntimeError(f"the game refused question '{question.id}'")
        drv.until("round_intro")
        self.recorder.clear()
        drv.advance(0.5)
        drv.press("return")
        for _ in range(240):
            if drv.scene_name in QUESTION_SCENES:
                break
            drv.step()
        stem = f"{number:03d}-{question.id}"
        asked = self.shot(question, "question", QUESTION_SCENES, stem, SETTLE_QUESTION)
        self.answer(question)
        drv.until("reveal", 5)
        revealed = self.shot(question, "reveal", ("reveal",), stem, SETTLE_REVEAL)
        return [asked, revealed]

    def shot(self, question: Question, screen: str, scenes: tuple[str, ...], stem: str,
             settle: float) -> Shot:
        self.drv.advance(settle)
        path = self.drv.screenshot(self.out / f"{stem}-{screen}.png")
        flags = [Flag(question.id, screen, text, problem)
                 for text, problem in self.recorder.take(scenes)]
        return Shot(question, screen, path, flags)

    def answer(self, question: Question) -> None:
        """The right answer, given the way a player gives it on this screen."""
        drv = self.drv
        current = drv.game.current
        assert current is not None
        if question.type is QuestionType.TEXT:
            drv.type(str(question.answer))
            drv.press("return")
        elif question.type is QuestionType.ORDER:
            for item in question.items:
                drv.press(str(current.choices.index(item) + 1))
            drv.press("return")
        elif question.type is QuestionType.TRUEFALSE:
            drv.press("1" if question.answer else "2")
        else:
            drv.press(str(current.choices.index(str(question.answer)) + 1))


def contact_sheets(shots: list[Shot], out: Path, res_font: pygame.font.Font) -> list[Path]:
    """Every question and its reveal, small, two questions a row; flagged ones framed red."""
    pairs = [shots[i: i + 2] for i in range(0, len(shots), 2)]
    sheets: list[Path] = []
    count = math.ceil(len(pairs) / PER_SHEET)
    for sheet in range(count):
        chunk = pairs[sheet * PER_SHEET: (sheet + 1) * PER_SHEET]
        rows = math.ceil(len(chunk) / 2)
        cell_w, cell_h = 2 * THUMB[0] + GAP, THUMB[1] + CAPTION_H
        size = (2 * cell_w + 3 * GAP, rows * (cell_h + GAP) + GAP)
        canvas = pygame.Surface(size)
        canvas.fill((7, 12, 28))
        for index, pair in enumerate(chunk):
            x = GAP + (index % 2) * (cell_w + GAP)
            y = GAP + (index // 2) * (cell_h + GAP)
            flagged = sum(len(s.flags) for s in pair)
            number = sheet * PER_SHEET + index + 1
            caption = f"{number}. {pair[0].question.id}" + \
                (f"  -  {flagged} text{'' if flagged == 1 else 's'} flagged" if flagged else "")
            colour = (232, 72, 76) if flagged else (196, 210, 228)
            canvas.blit(res_font.render(caption, True, colour), (x, y + 4))
            for offset, shot in enumerate(pair):
                picture = pygame.image.load(str(shot.path))
                thumb = pygame.transform.smoothscale(picture, THUMB)
                at = (x + offset * (THUMB[0] + GAP), y + CAPTION_H)
                canvas.blit(thumb, at)
                if shot.flags:
                    pygame.draw.rect(canvas, (232, 72, 76), pygame.Rect(at, THUMB), 3)
        name = "contact-sheet.png" if count == 1 else f"contact-sheet-{sheet + 1:02d}.png"
        path = out / name
        pygame.image.save(canvas, str(path))
        sheets.append(path)
    return sheets


def preview(pack: Pack, out: Path,
            progress: Callable[[int, int], None] = lambda done, total: None
            ) -> tuple[list[Shot], list[Path]]:
    """Save every question's screens and the contact sheets in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    shots = Preview(pack, out).run(progress)
    pygame.font.init()
    sheets = contact_sheets(shots, out, pygame.font.Font(None, 24))
    pygame.quit()
    return shots, sheets
