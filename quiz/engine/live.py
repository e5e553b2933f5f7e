"""The question in play: its clocks, who answered what, buzz lock-outs, and how it is scored."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from quiz.engine import clock as clocks
from quiz.engine.clock import Clock, Stopwatch
from quiz.engine.presentation import Prepared
from quiz.engine.scoring import award, clamp_time
from quiz.engine.stats import PlayerRecord
from quiz.engine.views import AnswerValue, PlayerResult, QuestionView, RoundInfo


@dataclass(frozen=True)
class Answer:
    value: AnswerValue
    time: float
    share: float


@dataclass
class LiveQuestion:
    """Mutable state of one question from its start to its reveal."""

    prepared: Prepared
    limit: float | None  # None: no clock
    watch: Stopwatch
    facing: tuple[int, ...]  # the players this question is for
    buzz_watch: Stopwatch | None = None
    buzzed: int | None = None
    answers: dict[int, Answer] = field(default_factory=dict)
    buzz_times: dict[int, float] = field(default_factory=dict)
    locked_out: dict[int, AnswerValue | None] = field(default_factory=dict)  # and what they said
    penalties: dict[int, int] = field(default_factory=dict)
    removed: frozenset[int] = frozenset()

    @classmethod
    def start(
        cls,
        prepared: Prepared,
        seconds: float | None,
        facing: tuple[int, ...],
        clock: Clock,
        paused: bool,
    ) -> LiveQuestion:
        limit = None
        if seconds is not None:
            # A question's own time wins, but a relaxed game has no clock at all.
            limit = float(prepared.question.time or seconds)
        holds = frozenset({clocks.PAUSE}) if paused else frozenset()
        return cls(prepared, limit, Stopwatch(clock, holds), facing)

    def elapsed(self) -> float:
        """Answer time so far: from the start, paused and buzz-answering time excluded, clamped."""
        return clamp_time(self.watch.elapsed(), self.limit)

    def time_left(self) -> float | None:
        if self.limit is None:
            return None
        return max(0.0, self.limit - self.watch.elapsed())

    def timed_out(self) -> bool:
        return self.limit is not None and self.watch.elapsed() >= self.limit

    def everyone_answered(self) -> bool:
        return all(player in self.answers for player in self.facing)

    def hold(self, reason: str) -> None:
        self.watch.hold(reason)
        if self.buzz_watch is not None:
            self.buzz_watch.hold(reason)

    def release(self, reason: str) -> None:
        self.watch.release(reason)
        if self.buzz_watch is not None:
            self.buzz_watch.release(reason)

    def score(
        self, records: list[PlayerRecord], round_index: int, final: bool
    ) -> list[PlayerResult]:
        """Award points to everyone facing the question and record it in their totals."""
        open_time = self.elapsed()
        difficulty = self.prepared.question.difficulty
        results: list[PlayerResult] = []
        for player in self.facing:
            record = records[player]
            given: AnswerValue | None = None
            answer_time: float | None = None
            points, share, streak = 0, 0.0, 0
            if player in self.answers:
                answer = self.answers[player]
                given, answer_time, share = answer.value, answer.time, answer.share
                won = award(difficulty, answer_time, self.limit, share, record.streak, final)
                points, streak = won.points, won.streak
                record.add_points(round_index, points)
            elif player in self.penalties:
                # Already taken from the score when the buzz missed.
                given, points = self.locked_out[player], self.penalties[player]
                answer_time = self.buzz_times[player]
            correct = share >= 1
            record.record(
                answer_time=answer_time, open_time=open_time, correct=correct, streak=streak
            )
            results.append(
                PlayerResult(
                    player=player,
                    answer=given,
                    answered=answer_time is not None,
                    correct=correct,
                    share=share,
                    time=answer_time,
                    points=points,
                    streak=streak,
                    score=record.score,
                )
            )
        return results

    def view(
        self,
        info: RoundInfo,
        index: int,
        number: int,
        total: int,
        turn_player: int | None,
        revealed: bool,
    ) -> QuestionView:
        prepared = self.prepared
        question = prepared.question
        view = QuestionView(
            key=prepared.key,
            type=question.type,
            prompt=question.prompt,
            choices=prepared.choices,
            difficulty=question.difficulty,
            category=prepared.category,
            image=question.image,
            time_limit=self.limit,
            round_number=info.number,
            round_count=info.count,
            number_in_round=index + 1,
            round_size=info.size,
            number=number,
            total=total,
            final=info.final,
            turn_player=turn_player,
            buzzed_player=self.buzzed,
            locked_out=frozenset(self.locked_out),
            removed=self.removed,
            answered=frozenset(self.answers),
        )
        if not revealed:
            return view
        return replace(
            view,
            revealed=True,
            correct_index=prepared.correct_index,
            correct_order=prepared.correct_order,
            answer_text=prepared.answer_text,
            explain=question.explain,
            source=question.source,
        )
