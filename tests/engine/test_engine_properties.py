"""Invariants over random packs, configurations and input sequences."""

from __future__ import annotations

from collections import Counter

from engine_helpers import choice, make_pack, order, right_value, text, truefalse, wrong_value
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.engine import (
    FakeClock,
    Game,
    GameConfig,
    GameEnded,
    Mode,
    Phase,
    QuestionStarted,
    Revealed,
)
from quiz.engine.planner import eligible as _eligible
from quiz.packs.model import Difficulty, Pack, Question, QuestionType

Action = tuple[object, ...]


def eligible(config: GameConfig) -> bool:
    """Whether the packs can give this game at least one question (one lap in turns)."""
    needed = len(config.players) if config.mode is Mode.TURNS else 1
    return len(_eligible(config)) >= needed


@st.composite
def packs(draw: st.DrawFn) -> Pack:
    questions: list[Question] = []
    for i in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from([QuestionType.CHOICE, *QuestionType]))
        category = draw(st.sampled_from(["heist", "cast", "music"]))
        difficulty = draw(st.sampled_from(list(Difficulty)))
        if kind is QuestionType.CHOICE:
            time = draw(st.none() | st.integers(5, 30))
            questions.append(choice(f"q{i}", category, difficulty, draw(st.integers(1, 5)), time))
        elif kind is QuestionType.TRUEFALSE:
            questions.append(truefalse(f"q{i}", category, difficulty))
        elif kind is QuestionType.TEXT:
            questions.append(text(f"q{i}", category, difficulty))
        else:
            questions.append(order(f"q{i}", category, difficulty, draw(st.integers(3, 6))))
    return make_pack(questions)


@st.composite
def configs(draw: st.DrawFn) -> GameConfig:
    mode = draw(st.sampled_from(list(Mode)))
    count = 1 if mode is Mode.SOLO else draw(st.integers(2, 8))
    return GameConfig(
        mode=mode,
        players=tuple(f"P{i}" for i in range(count)),
        packs=(draw(packs()),),
        rounds=draw(st.integers(1, 4)),
        per_round=draw(st.integers(1, 4)),
        seconds=draw(st.sampled_from([None, 5, 20])),
        difficulty=draw(st.none() | st.sampled_from(list(Difficulty))),
        seed=draw(st.integers(0, 2**32)),
    )


ACTIONS = st.lists(
    st.one_of(
        st.tuples(
            st.just("answer"), st.integers(0, 7), st.sampled_from(["right", "wrong", "junk"])
        ),
        st.tuples(st.just("answer"), st.integers(0, 7), st.sampled_from(["right", "wrong"])),
        st.tuples(st.just("buzz"), st.integers(0, 7)),
        st.tuples(st.just("wait"), st.sampled_from([0.0, 0.5, 1.0, 3.0, 4.99, 7.25, 19.99, 25.0])),
        st.sampled_from(
            [("advance",), ("pause",), ("resume",), ("fifty",), ("reveal_now",), ("tick",)]
        ),
    ),
    min_size=5,
    max_size=150,
)


def play(config: GameConfig, actions: list[Action]) -> tuple[Game, list[object]]:
    """Apply the actions, then see the game through to its end; return it and every event."""
    clock = FakeClock()
    game = Game(config, clock=clock)
    questions = {f"{p.id}/{q.id}": q for p in config.packs for q in p.questions}
    players = len(config.players)
    events: list[object] = []
    for action in actions:
        name = action[0]
        if name == "answer":
            seat, how = int(action[1]), action[2]  # type: ignore[call-overload]
            view = game.current
            player = seat % players
            if view is not None and seat % 2 == 0:
                # Half the time the one whose turn it is, or who buzzed, answers.
                player = next(
                    (p for p in (view.turn_player, view.buzzed_player) if p is not None), player
                )
            if view is None or game.phase not in (Phase.QUESTION, Phase.BUZZED):
                assert not game.answer(player, 0)
                game.advance()  # keep the game moving so answers land on questions
            elif how == "right":
                game.answer(player, right_value(view, questions))
            elif how == "wrong":
                game.answer(player, wrong_value(view, questions))
            elif view.type is QuestionType.CHOICE:
                game.answer(player, 5)  # maybe no such choice
        elif name == "buzz":
            if not game.buzz(int(action[1]) % players) and game.phase is not Phase.QUESTION:  # type: ignore[call-overload]
                game.advance()
        elif name == "wait":
            clock.advance(float(action[1]))  # type: ignore[arg-type]
            game.tick()
        elif name == "fifty":
            game.use_fifty_fifty(0)
        else:
            getattr(game, str(name))()
        events.extend(game.poll_events())
    # Finish: the clock (or a skip, with no clock) closes every question; advance does the rest.
    for _ in range(20 * game.total_questions + 20):
        if game.phase is Phase.GAME_OVER:
            break
        game.resume()
        if game.phase in (Phase.QUESTION, Phase.BUZZED):
            clock.advance(200)
            game.tick()
            if game.phase in (Phase.QUESTION, Phase.BUZZED):
                assert config.seconds is None
                game.reveal_now()
        else:
            game.advance()
        events.extend(game.poll_events())
    return game, events


COMMON = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(configs(), ACTIONS)
def test_every_game_ends_and_totals_add_up(config: GameConfig, actions: list[Action]) -> None:
    if not eligible(config):
        return  # covered below: such a config is refused at construction
    game, events = play(config, actions)
    assert game.phase is Phase.GAME_OVER

    reveals = [e for e in events if isinstance(e, Revealed)]
    started = [e for e in events if isinstance(e, QuestionStarted)]
    assert len(reveals) == len(started) == game.total_questions > 0
    keys = [e.question.key for e in started]
    assert len(keys) == len(set(keys))  # no question repeats

    for player in game.players:
        from_reveals = sum(r.points for e in reveals for r in e.results if r.player == player.slot)
        assert player.score == from_reveals
    for stats in game.stats():
        assert sum(stats.round_points) == stats.score
        assert 0 <= stats.correct <= stats.answered <= stats.questions
        assert stats.longest_streak <= stats.correct

    ended = events[-1]
    assert isinstance(ended, GameEnded)
    assert [s.score for s in ended.standings] == sorted(
        (p.score for p in game.players), reverse=True
    )
    for better, worse in zip(ended.standings, ended.standings[1:]):
        assert (better.score, -better.total_time) >= (worse.score, -worse.total_time)

    if config.mode is Mode.TURNS:
        faced = Counter(r.player for e in reveals for r in e.results)
        assert len(set(faced.values())) == 1 and len(faced) == len(config.players)


@COMMON
@given(configs(), ACTIONS)
def test_replaying_a_seed_is_identical(config: GameConfig, actions: list[Action]) -> None:
    if not eligible(config):
        return
    _, first = play(config, actions)
    _, second = play(config, actions)
    assert first == second


@COMMON
@given(configs())
def test_only_an_empty_pool_is_refused(config: GameConfig) -> None:
    try:
        Game(config, clock=FakeClock())
    except ValueError as error:
        assert not eligible(config)
        assert "No questions to play" in str(error)
    else:
        assert eligible(config)


@given(configs())
@settings(max_examples=50, deadline=None)
def test_choices_fit_the_mode(config: GameConfig) -> None:
    if not eligible(config):
        return
    _, events = play(config, [])
    for event in events:
        if isinstance(event, QuestionStarted):
            assert len(event.question.choices) <= config.max_choices
