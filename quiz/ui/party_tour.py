"""A scripted tour of the party scenes with eight players, saved as PNG.

Four players sit at the keyboard zones and four on gamepads (posted as events,
so no real pads are needed); two have names of the longest allowed length.
Then a seeded game of each mode is played far enough to see every party scene.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from quiz.engine import GameConfig, Mode, Phase
from quiz.packs.model import QuestionType
from quiz.ui.tour import Tour

PARTY_SCENES = (
    "key_zones",
    "lobby",
    "lobby_edit",
    "lobby_rename",
    "party_round_intro",
    "party_question",
    "party_order",
    "reconnect",
    "party_reveal",
    "party_reveal_order",
    "party_standings",
    "podium",
    "party_buzz",
    "party_buzzed",
    "party_reveal_buzz",
    "pass_device",
    "party_turns",
    "party_text",
    "party_reveal_text",
)
PADS = (10, 11, 12, 13)
LONG_NAMES = ("Vincent Hanna LA", "Neil McCauley 95")
RENAMED = (0, 5, 1, 2, 3, 4, 6, 7)  # the seats renamed, in order


class PartyTour(Tour):
    long_names = LONG_NAMES  # the names typed in for two players (the layout check: all eight)

    def run(self) -> dict[str, Path]:
        drv = self.drv
        try:
            drv.step(3)
            drv.click(self.menu("settings"))
            drv.until("settings")
            drv.click(self.menu("keys"))
            drv.until("key_zones")
            drv.press("down")
            drv.press("return")  # player keys 2 take new keys...
            drv.press("u", "i")
            drv.press("return")  # ...but not Enter, which drives the menus
            self.shot("key_zones", 0.3)
            drv.press("escape")  # keep the old keys
            drv.press("escape")
            drv.press("escape")
            drv.until("title")
            drv.click(self.menu("party"))
            drv.until("lobby")
            for pad in PADS:
                drv.pad_added(pad)
            drv.press("1", "7", "z", "m")  # four zones join in one frame
            for pad in PADS:
                drv.pad_button(0, instance_id=pad, frames=1)
            drv.press("9")  # zone 2's third key: a new icon
            *others, last = self.long_names
            for slot, name in enumerate(others):
                self._rename(RENAMED[slot], name)
            self._rename(RENAMED[len(others)], last, shot=True)
            self.shot("lobby", 0.5)
            self.everyone()
            self.buzz()
            self.turns()
        finally:
            drv.close()
        return self.saved

    def _rename(self, slot: int, name: str, shot: bool = False) -> None:
        drv = self.drv
        drv.click(drv.scene.cards[slot].center)  # type: ignore[attr-defined]
        drv.until("lobby_edit")
        if shot:
            self.shot("lobby_edit", 0.3)
        drv.type(name)  # typing opens the name entry
        drv.until("name_entry")
        if shot:
            drv.pad_hat((0, -1), instance_id=PADS[1])  # the on-screen keys, from a pad
            self.shot("lobby_rename", 0.3)
        drv.press("return")
        drv.until("lobby_edit")
        drv.press("escape")
        drv.until("lobby")

    def _start(self, mode: Mode, per_round: int = 40, rounds: int = 1) -> None:
        from quiz.ui.scenes.flow import start_game

        if self.drv.scene_name == "lobby":
            base: GameConfig | None = self.drv.scene.config()  # type: ignore[attr-defined]
        else:
            base = self.drv.session.last_config  # the same players again
        assert base is not None
        config = dataclasses.replace(
            base, mode=mode, rounds=rounds, per_round=per_round, seed=self.seed
        )
        start_game(self.drv.session, config)
        self.drv.step(2)

    def _skip_to(self, kind: QuestionType) -> None:
        """Close questions unanswered, round after round, until one of `kind` is asked."""
        drv = self.drv
        for _ in range(400):
            game = drv.game
            if game.phase is Phase.QUESTION and game.current and game.current.type is kind:
                drv.step(2)
                return
            if game.phase in (Phase.QUESTION, Phase.BUZZED):
                game.reveal_now()
            elif game.phase in (Phase.ROUND_INTRO, Phase.REVEAL, Phase.ROUND_END):
                game.advance()
            else:
                raise RuntimeError(f"no {kind.value} question before {game.phase.value}")
            drv.step(2)
        raise RuntimeError(f"no {kind.value} question")

    def _right(self) -> int:
        """The right choice, looked up in the pack (a player who knows the film)."""
        current = self.drv.game.current
        assert current is not None
        pack = self.drv.game.config.packs[0]
        question = next(q for q in pack.questions if q.key == current.key)
        if question.type is QuestionType.TRUEFALSE:
            return 0 if question.answer else 1
        return current.choices.index(str(question.answer))

    def keys(self, index: int) -> list[str]:
        """Answer key `index` of the four keyboard players."""
        zones = self.drv.session.input.bindings.party_zones
        return [zones[z][index] for z in range(4)]

    def everyone(self) -> None:
        drv = self.drv
        # Every category gets a round, so the game is sure to deal an order question.
        self._start(Mode.EVERYONE, per_round=4, rounds=6)
        drv.until("party_round_intro")
        self.shot("party_round_intro", 1.0)
        drv.press("return")
        drv.until("party_question")
        right = self._right()
        wrong = (right + 1) % len(drv.game.current.choices)  # type: ignore[union-attr]
        drv.advance(1.5)
        drv.press(*self.keys(right)[:2], self.keys(wrong)[2])
        drv.pad_button(right, instance_id=PADS[0], frames=1)
        self.shot("party_question", 0.3)
        drv.pad_removed(PADS[3])
        drv.until("reconnect")
        self.shot("reconnect", 0.4)
        drv.pad_added(PADS[3] + 10)  # a pad comes back: it takes the empty seat
        drv.until("party_question")
        drv.press(*self.keys(wrong)[3:])
        for pad in (*PADS[1:3], PADS[3] + 10):
            drv.pad_button(right, instance_id=pad, frames=1)
        drv.until("party_reveal", 3)
        self.shot("party_reveal", 2.2)
        for _ in range(8):
            if drv.scene_name == "party_standings":
                break
            drv.press("return")
            drv.step(2)
            if drv.scene_name in ("party_question", "party_order"):  # whatever the round deals
                drv.game.reveal_now()
                drv.until("party_reveal", 3)
                drv.advance(0.7)
        drv.until("party_standings", 3)
        self.shot("party_standings", 2.2)
        drv.press("return")
        drv.until("party_round_intro")
        drv.press("return")
        self._skip_to(QuestionType.ORDER)
        drv.until("party_order")
        for index in (0, 1):
            drv.press(*self.keys(index))
        drv.pad_button(2, instance_id=PADS[0], frames=1)
        self.shot("party_order", 0.4)
        drv.game.reveal_now()
        drv.until("party_reveal", 3)
        self.shot("party_reveal_order", 2.2)
        drv.game.advance()
        while drv.game.phase is not Phase.GAME_OVER:
            if drv.game.phase in (Phase.QUESTION, Phase.BUZZED):
                drv.game.reveal_now()
            else:
                drv.game.advance()
        drv.until("podium", 3)
        self.shot("podium", 2.2)

    def buzz(self) -> None:
        drv = self.drv
        self._start(Mode.BUZZ)
        drv.until("party_round_intro")
        drv.press("return")
        self._skip_to(QuestionType.CHOICE)
        right = self._right()
        wrong = (right + 1) % len(drv.game.current.choices)  # type: ignore[union-attr]
        drv.press(self.keys(0)[0])  # the first zone buzzes...
        drv.press(self.keys(wrong)[0])  # ...and answers wrong: locked out
        drv.pad_button(3, instance_id=PADS[1])  # a pad player buzzes
        self.shot("party_buzzed", 0.25)
        drv.pad_button(wrong, instance_id=PADS[1])
        drv.advance(1.0)
        self.shot("party_buzz", 0.2)
        drv.press(self.keys(0)[2])
        drv.press(self.keys(right)[2])
        drv.until("party_reveal", 3)
        self.shot("party_reveal_buzz", 2.2)

    def turns(self) -> None:
        drv = self.drv
        self._start(Mode.TURNS)
        drv.until("party_round_intro")
        drv.press("return")
        drv.until("pass_device")
        self.shot("pass_device", 0.8)
        drv.press("return")
        # Whichever type the seeded game deals first: a typed answer, then a choice.
        self._skip_to(QuestionType.TEXT)
        drv.until("party_text", 3)
        drv.type("Vincent Hana")
        self.shot("party_text", 0.3)
        drv.press("return")
        drv.until("party_reveal", 3)
        self.shot("party_reveal_text", 2.2)
        self._skip_to(QuestionType.CHOICE)
        drv.until("party_question", 3)
        self.shot("party_turns", 1.0)


def party_tour(out: Path, seed: int = 11) -> dict[str, Path]:
    """Visit every party scene and save `out/<scene>.png`; returns what was saved, by name."""
    return PartyTour(out, seed).run()
