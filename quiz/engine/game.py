"""The game state machine a front end drives: phases, answers, buzzes, clocks and reveals.

See docs/engine.md for the phases and how to drive them. Input that does not fit the moment
(wrong phase, not this player's turn, a second answer, paused) is ignored and the verb returns
False; values of the wrong type raise, because only a bug sends them.

The whole flow of phases is kept in this one class on purpose, so every transition can be read
in one place; the state of the question in play and its scoring live in `live.py`.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import replace
from enum import Enum
from pathlib import Path

from quiz.engine import clock as clocks
from quiz.engine.clock import Clock, Stopwatch
from quiz.engine.config import GameConfig, Mode
from quiz.engine.events import (
    AnswerLocked,
    Buzzed,
    BuzzMissed,
    Event,
    FiftyFiftyUsed,
    GameEnded,
    QuestionStarted,
    Revealed,
    RevealReason,
    RoundEnded,
    RoundStarted,
)
from quiz.engine.live import Answer, LiveQuestion
from quiz.engine.planner import plan
from quiz.engine.presentation import coerce, judge
from quiz.engine.scoring import buzz_penalty
from quiz.engine.stats import PlayerRecord, standings
from quiz.engine.views import (
    AnswerValue,
    PlayerStats,
    PlayerView,
    QuestionView,
    RoundInfo,
    Standing,
)
from quiz.packs.model import QuestionType


class Phase(str, Enum):
    ROUND_INTRO = "round_intro"
    QUESTION = "question"
    BUZZED = "buzzed"
    REVEAL = "reveal"
    ROUND_END = "round_end"
    GAME_OVER = "game_over"


class Game:
    """One game from the first round intro to the final standings."""

    def __init__(self, config: GameConfig, clock: Clock = time.monotonic) -> None:
        self.config = config
        self.seed = (
            config.seed if config.seed is not None else random.SystemRandom().getrandbits(32)
        )
        self._rng = random.Random(self.seed)
        self._clock = clock
        self._plan = plan(config, self._rng)
        count = len(self._plan)
        self.rounds: tuple[RoundInfo, ...] = tuple(
            RoundInfo(i + 1, count, r.category, i == count - 1, len(r.questions))
            for i, r in enumerate(self._plan)
        )
        self.total_questions = sum(info.size for info in self.rounds)
        self._records = [PlayerRecord(name, count) for name in config.names]
        self._phase = Phase.ROUND_INTRO
        self._round_index = 0
        self._question_index = -1
        self._asked = 0
        self._asked_keys: list[str] = []
        self._live: LiveQuestion | None = None
        self._paused = False
        self._fifty_used = False
        self._events: list[Event] = []
        self.last_reveal: Revealed | None = None

    # ----- reading -----

    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def round(self) -> RoundInfo:
        return self.rounds[self._round_index]

    def round_pictures(self) -> tuple[Path, ...]:
        """The pictures of the current round's questions, each once: a front end loads
        them during the round card, never inside a question's running clock."""
        questions = self._plan[self._round_index].questions
        found = (prepared.question.image for prepared in questions)
        return tuple(dict.fromkeys(image for image in found if image is not None))

    @property
    def asked_keys(self) -> tuple[str, ...]:
        """The keys ("pack/id") of the questions put to the players so far, in order: what a
        game history records, so the next game deals others first."""
        return tuple(self._asked_keys)

    @property
    def players(self) -> tuple[PlayerView, ...]:
        return tuple(PlayerView(i, r.name, r.score, r.streak) for i, r in enumerate(self._records))

    @property
    def current(self) -> QuestionView | None:
        if self._live is None or self._phase is Phase.GAME_OVER:
            return None
        return self._view(revealed=self._phase in (Phase.REVEAL, Phase.ROUND_END))

    @property
    def next_turn_player(self) -> int | None:
        """In TURNS, whose question the next advance() starts: show "pass to NAME"."""
        if self.config.mode is not Mode.TURNS:
            return None
        more_rounds = self._round_index + 1 < len(self.rounds)
        if self._phase is Phase.ROUND_INTRO:
            return self._turn_of(self._round_index, 0)
        if self._phase is Phase.REVEAL and self._question_index + 1 < self.round.size:
            return self._turn_of(self._round_index, self._question_index + 1)
        if self._phase in (Phase.REVEAL, Phase.ROUND_END) and more_rounds:
            return self._turn_of(self._round_index + 1, 0)
        return None

    def time_left(self) -> float | None:
        """Seconds left on the running clock: the buzz window in BUZZED, else the question's."""
        live = self._live
        if live is None:
            return None
        if self._phase is Phase.BUZZED:
            if live.buzz_watch is None:
                return None
            return max(0.0, self.config.buzz_seconds - live.buzz_watch.elapsed())
        return self.question_time_left() if self._phase is Phase.QUESTION else None

    def question_time_left(self) -> float | None:
        if self._live is None or self._phase not in (Phase.QUESTION, Phase.BUZZED):
            return None
        return self._live.time_left()

    def standings(self) -> tuple[Standing, ...]:
        return standings(self._records)

    def stats(self) -> tuple[PlayerStats, ...]:
        return tuple(record.stats(i) for i, record in enumerate(self._records))

    def can_use_fifty_fifty(self, player: int) -> bool:
        self._check_player(player)
        live = self._live
        return (
            self.config.mode is Mode.SOLO
            and not self._fifty_used
            and not self._paused
            and self._phase is Phase.QUESTION
            and live is not None
            and live.prepared.question.type is QuestionType.CHOICE
            and player not in live.answers
            and len(live.prepared.choices) - 1 >= 2
        )

    def poll_events(self) -> tuple[Event, ...]:
        events, self._events = tuple(self._events), []
        return events

    # ----- driving -----

    def advance(self) -> bool:
        if self._phase is Phase.ROUND_INTRO:
            self._events.append(RoundStarted(self.round))
            self._start_question(0)
        elif self._phase is Phase.REVEAL and self._question_index + 1 < self.round.size:
            self._start_question(self._question_index + 1)
        elif self._phase is Phase.REVEAL:
            self._phase = Phase.ROUND_END
            points = tuple(r.round_points[self._round_index] for r in self._records)
            self._events.append(RoundEnded(self.round, self.standings(), points))
        elif self._phase is Phase.ROUND_END and self._round_index + 1 < len(self.rounds):
            self._round_index += 1
            self._question_index = -1
            self._live = None
            self._phase = Phase.ROUND_INTRO
        elif self._phase is Phase.ROUND_END:
            self._phase = Phase.GAME_OVER
            self._events.append(GameEnded(self.standings(), self.stats()))
        else:
            return False
        return True

    def answer(self, player: int, value: object, ago: float = 0.0) -> bool:
        """`ago`: how many seconds before now the answer was given (a phone's network delay,
        as measured by the front end); it only makes the answer time earlier, never later."""
        self._check_player(player)
        self._check_deadlines()
        live = self._live
        if self._paused or live is None:
            return False
        if self._phase is Phase.BUZZED:
            if player != live.buzzed:
                return False
            given = coerce(live.prepared, value, live.removed)
            if given is None:
                return False
            if judge(live.prepared, given) >= 1:
                live.answers[player] = Answer(given, live.buzz_times[player], 1.0)
                self._reveal(RevealReason.BUZZ_RIGHT)
            else:
                self._miss(player, given)
            return True
        if self._phase is not Phase.QUESTION or self.config.mode is Mode.BUZZ:
            return False
        if player not in live.facing or player in live.answers:
            return False
        given = coerce(live.prepared, value, live.removed)
        if given is None:
            return False
        when = _earlier(live.elapsed(), ago)
        live.answers[player] = Answer(given, when, judge(live.prepared, given))
        self._events.append(AnswerLocked(player))
        if live.everyone_answered():
            self._reveal(RevealReason.ALL_ANSWERED)
        return True

    def buzz(self, player: int, ago: float = 0.0) -> bool:
        self._check_player(player)
        self._check_deadlines()
        live = self._live
        if (
            live is None
            or self._paused
            or self._phase is not Phase.QUESTION
            or self.config.mode is not Mode.BUZZ
            or player in live.locked_out
        ):
            return False
        t = _earlier(live.elapsed(), ago)
        live.buzzed = player
        live.buzz_times[player] = t
        live.watch.hold(clocks.BUZZ)
        # A relaxed game has no clock at all, so no answer window either.
        live.buzz_watch = Stopwatch(self._clock) if live.limit is not None else None
        self._phase = Phase.BUZZED
        self._events.append(Buzzed(player, t))
        return True

    def use_fifty_fifty(self, player: int) -> tuple[int, ...]:
        self._check_deadlines()
        if not self.can_use_fifty_fifty(player):
            return ()
        live = self._live
        assert live is not None
        right = live.prepared.correct_index
        wrong = [i for i in range(len(live.prepared.choices)) if i != right]
        # The right answer stays with at most half of the others: 4 options leave 2, 6 leave 3.
        keep = len(wrong) // 2
        removed = tuple(sorted(self._rng.sample(wrong, len(wrong) - keep)))
        live.removed = frozenset(removed)
        self._fifty_used = True
        self._events.append(FiftyFiftyUsed(player, removed))
        return removed

    def add_player(self, name: str) -> int | None:
        """Seat a late joiner between rounds (ROUND_INTRO, ROUND_END) of an Everyone or Buzz
        game; returns their slot, None when refused. They start on 0 points. Turns is dealt
        in whole laps of the players it started with, so it takes no one new."""
        if self._phase not in (Phase.ROUND_INTRO, Phase.ROUND_END):
            return None
        if self.config.mode not in (Mode.EVERYONE, Mode.BUZZ):
            return None
        try:
            config = replace(self.config, players=(*self.config.names, name))
        except ValueError:
            return None
        self.config = config
        self._records.append(PlayerRecord(config.names[-1], len(self.rounds)))
        return len(self._records) - 1

    def tick(self) -> None:
        self._check_deadlines()

    def reveal_now(self) -> bool:
        if self._phase not in (Phase.QUESTION, Phase.BUZZED):
            return False
        self._reveal(RevealReason.SKIPPED)
        return True

    def pause(self) -> bool:
        if self._paused:
            return False
        self._check_deadlines()  # time already up stays up
        self._paused = True
        if self._live is not None:
            self._live.hold(clocks.PAUSE)
        return True

    def resume(self) -> bool:
        if not self._paused:
            return False
        self._paused = False
        if self._live is not None:
            self._live.release(clocks.PAUSE)
        return True

    # ----- inner workings -----

    def _check_player(self, player: int) -> None:
        if isinstance(player, bool) or not isinstance(player, int):
            raise TypeError(f"a player is a slot number, not {player!r}")
        if not 0 <= player < len(self._records):
            raise ValueError(f"no player in slot {player}")

    def _turn_of(self, round_index: int, question_index: int) -> int:
        return (question_index + round_index) % len(self._records)

    def _start_question(self, index: int) -> None:
        self._question_index = index
        self._asked += 1
        if self.config.mode is Mode.TURNS:
            facing: tuple[int, ...] = (self._turn_of(self._round_index, index),)
        else:
            facing = tuple(range(len(self._records)))
        prepared = self._plan[self._round_index].questions[index]
        self._asked_keys.append(prepared.key)
        self._live = LiveQuestion.start(
            prepared, self.config.seconds, facing, self._clock, self._paused
        )
        self._phase = Phase.QUESTION
        self._events.append(QuestionStarted(self._view(revealed=False)))

    def _check_deadlines(self) -> None:
        live = self._live
        if self._paused or live is None:
            return
        if self._phase is Phase.BUZZED and live.buzz_watch is not None and live.buzzed is not None:
            overshoot = live.buzz_watch.elapsed() - self.config.buzz_seconds
            if overshoot >= 0:
                # The question clock ran again from the moment the window closed.
                live.watch.add(overshoot)
                self._miss(live.buzzed, None)
        if self._phase is Phase.QUESTION and live.timed_out():
            self._reveal(RevealReason.TIME_UP)

    def _miss(self, player: int, given: AnswerValue | None) -> None:
        live = self._live
        assert live is not None
        points = buzz_penalty(live.prepared.question.difficulty, self.round.final)
        self._records[player].add_points(self._round_index, points)
        live.penalties[player] = points
        live.locked_out[player] = given
        live.buzzed = None
        live.buzz_watch = None
        self._events.append(BuzzMissed(player, given, points, self._records[player].score))
        if len(live.locked_out) == len(self._records):
            self._reveal(RevealReason.ALL_LOCKED_OUT)
        else:
            self._phase = Phase.QUESTION
            live.watch.release(clocks.BUZZ)

    def _reveal(self, reason: RevealReason) -> None:
        live = self._live
        assert live is not None
        live.watch.hold(clocks.CLOSED)
        live.buzz_watch = None
        results = live.score(self._records, self._round_index, self.round.final)
        self._phase = Phase.REVEAL
        self.last_reveal = Revealed(self._view(revealed=True), reason, tuple(results))
        self._events.append(self.last_reveal)

    def _view(self, revealed: bool) -> QuestionView:
        live = self._live
        assert live is not None
        turn = live.facing[0] if self.config.mode is Mode.TURNS else None
        return live.view(
            self.round, self._question_index, self._asked, self.total_questions, turn, revealed
        )


def _earlier(elapsed: float, ago: float) -> float:
    """An answer time moved `ago` seconds earlier, never before the question started."""
    if math.isnan(ago) or ago <= 0:  # nothing to take off
        return elapsed
    return max(0.0, elapsed - ago)
