"""How fast does the engine play a whole game? (No pygame: the pure core alone.)

Plays complete games of every mode on the built-in pack with a fake clock,
every player answering every question, and prints the median time per game
and per question. The baseline, measured in the same run, is building the
same Game (configuration check and question planning) without playing it.

    python benchmarks/bench_engine.py [--games 50]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from quiz.engine import FakeClock, Game, GameConfig, Mode, Phase
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack, QuestionType
from quiz.paths import builtin_packs_dir

TABLE = ((Mode.SOLO, 1), (Mode.EVERYONE, 8), (Mode.BUZZ, 3), (Mode.TURNS, 4))


def answer_everything(game: Game, clock: FakeClock) -> None:
    current = game.current
    assert current is not None
    clock.advance(2)
    if game.config.mode is Mode.BUZZ and game.phase is Phase.QUESTION:
        game.buzz(0)
        return
    for slot in range(len(game.config.players)):
        if current.type is QuestionType.TEXT:
            game.answer(slot, "McCauley")
        elif current.type is QuestionType.ORDER:
            game.answer(slot, tuple(range(len(current.choices))))
        else:
            game.answer(slot, 0)
    game.tick()


def play(config: GameConfig) -> int:
    clock = FakeClock()
    game = Game(config, clock=clock)
    questions = 0
    while game.phase is not Phase.GAME_OVER:
        if game.phase in (Phase.QUESTION, Phase.BUZZED):
            answer_everything(game, clock)
        else:
            if game.phase is Phase.REVEAL:
                questions += 1
            game.advance()
        game.poll_events()
    return questions


def median_seconds(action: Callable[[GameConfig], object], configs: list[GameConfig]) -> float:
    times = []
    for config in configs:
        start = time.perf_counter()
        action(config)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=50)
    args = parser.parse_args()
    pack: Pack | None = load_pack(builtin_packs_dir() / "heat-1995.yaml").pack
    assert pack is not None
    print(f"{'mode':10} {'players':>7} {'questions':>9} {'game ms':>8} {'per q us':>9} "
          f"{'build ms':>9} {'ratio':>6}")
    for mode, count in TABLE:
        players = tuple(f"P{i + 1}" for i in range(count))
        configs = [GameConfig(mode=mode, players=players, packs=(pack,), seed=s)
                   for s in range(args.games)]
        questions = play(configs[0])
        whole = median_seconds(play, configs)
        build = median_seconds(lambda config: Game(config, clock=FakeClock()), configs)
        print(f"{mode.value:10} {count:>7} {questions:>9} {whole * 1e3:>8.2f} "
              f"{whole / questions * 1e6:>9.1f} {build * 1e3:>9.2f} {whole / build:>6.1f}")


if __name__ == "__main__":
    main()
