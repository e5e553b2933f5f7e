"""The podium's word on the high scores: tied winners both placed, as the saved table has them."""

from __future__ import annotations

import dataclasses

from party_helpers import device_keys, open_lobby, play_to_podium, right_index, right_order, zones

from quiz.engine import Mode
from quiz.storage import HighScores, ScoreEntry
from quiz.ui.driver import Driver
from quiz.ui.scenes.party.podium import places_line

NAMES = ("Vincent Hanna LA", "Vincent")  # the longer name sorts after the shorter


def tied_game_to_podium(drv: Driver, written_first: str = "") -> None:
    """Two players give the same answers in the same frames, so they tie for first."""
    from quiz.ui.scenes.flow import start_game

    open_lobby(drv)
    keys = zones(drv)
    drv.press(keys[0][0], keys[1][0])
    roster = drv.session.party
    assert roster is not None
    for slot, name in enumerate(NAMES):
        assert roster.rename(slot, name) is None
    config = dataclasses.replace(
        drv.scene.config(),  # type: ignore[attr-defined]
        mode=Mode.EVERYONE,
        rounds=1,
        per_round=2,
        seed=3,
    )
    start_game(drv.session, config)
    drv.step(2)

    def answer(d: Driver) -> None:
        first, second = device_keys(d, 0), device_keys(d, 1)
        if d.scene_name == "party_order":
            for item in right_order(d.game):
                d.press(first[item], second[item])
        else:
            right = right_index(d.game)
            d.press(first[right], second[right])

    written: list[str] = []

    def written_meanwhile(d: Driver) -> None:
        if written_first and not written:  # another game on this machine saves a better score
            written.append(written_first)
            config = d.game.config
            other = HighScores.load()
            other.add(
                ScoreEntry.create(written_first, 99_999, 1.0, config.mode.value, config.pack_ids,
                                  length=(config.rounds, config.per_round))
            )
            other.save()

    play_to_podium(drv, answer, written_meanwhile)


def saved_names(drv: Driver) -> list[str]:
    config = drv.game.config
    length = (config.rounds, config.per_round)
    return [e.name for e in HighScores.load().top(config.mode.value, config.pack_ids, length)]


def test_tied_winners_are_both_placed_in_table_order(driver: Driver) -> None:
    tied_game_to_podium(driver)
    standings = driver.game.standings()
    assert [s.rank for s in standings] == [1, 1] and standings[0].score > 0
    assert saved_names(driver) == ["Vincent", "Vincent Hanna LA"]
    line = driver.scene.places  # type: ignore[attr-defined]
    assert line == "Vincent is #1 and Vincent Hanna LA #2 in the Everyone answers high scores"


def test_places_count_scores_another_game_saved_meanwhile(driver: Driver) -> None:
    tied_game_to_podium(driver, written_first="Waingro")
    assert saved_names(driver) == ["Waingro", "Vincent", "Vincent Hanna LA"]
    line = driver.scene.places  # type: ignore[attr-defined]
    assert line == "Vincent is #2 and Vincent Hanna LA #3 in the Everyone answers high scores"


def test_the_places_line_reads_for_one_two_or_three() -> None:
    assert places_line([], "Buzz") == ""
    assert places_line([(4, "Al")], "Buzz") == "Al is #4 in the Buzz high scores"
    assert (
        places_line([(1, "Al"), (2, "Neil"), (3, "Chris")], "Take turns")
        == "Al is #1, Neil #2 and Chris #3 in the Take turns high scores"
    )
