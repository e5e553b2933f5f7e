"""Per-player running totals, standings and end-of-game statistics."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.engine.views import PlayerStats, Standing


@dataclass
class PlayerRecord:
    """What the engine remembers about one player as the game goes."""

    name: str
    rounds: int
    score: int = 0
    streak: int = 0
    longest_streak: int = 0
    questions: int = 0
    answered: int = 0
    correct: int = 0
    total_time: float = 0.0
    answer_times: list[float] = field(default_factory=list)
    fastest_right: float | None = None
    round_points: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.round_points = [0] * self.rounds

    def add_points(self, round_index: int, points: int) -> None:
        self.score += points
        self.round_points[round_index] += points

    def record(
        self, *, answer_time: float | None, open_time: float, correct: bool, streak: int
    ) -> None:
        """One faced question: the answer time (None if none) and how long it stayed open."""
        self.questions += 1
        self.streak = streak
        self.longest_streak = max(self.longest_streak, streak)
        if answer_time is None:
            # Not answering must not look fast in a tie-break.
            self.total_time += open_time
            return
        self.answered += 1
        self.total_time += answer_time
        self.answer_times.append(answer_time)
        if correct:
            self.correct += 1
            if self.fastest_right is None or answer_time < self.fastest_right:
                self.fastest_right = answer_time

    def stats(self, slot: int) -> PlayerStats:
        return PlayerStats(
            slot=slot,
            name=self.name,
            score=self.score,
            questions=self.questions,
            answered=self.answered,
            correct=self.correct,
            accuracy=self.correct / self.questions if self.questions else 0.0,
            mean_time=(
                sum(self.answer_times) / len(self.answer_times) if self.answer_times else None
            ),
            longest_streak=self.longest_streak,
            fastest_right=self.fastest_right,
            round_points=tuple(self.round_points),
        )


def standings(records: list[PlayerRecord]) -> tuple[Standing, ...]:
    """Best first: higher score, then lower total answer time; a full tie shares the rank."""
    # Microsecond rounding keeps float noise in summed times from splitting a real tie.
    times = [round(record.total_time, 6) for record in records]
    order = sorted(range(len(records)), key=lambda i: (-records[i].score, times[i], i))
    result: list[Standing] = []
    for position, slot in enumerate(order):
        record = records[slot]
        rank = position + 1
        if result:
            previous = result[-1]
            if previous.score == record.score and previous.total_time == times[slot]:
                rank = previous.rank
        result.append(Standing(rank, slot, record.name, record.score, times[slot]))
    return tuple(result)
