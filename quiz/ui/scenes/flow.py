"""Which scene shows which phase of the engine's game, and starting and leaving a game."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.engine import Event, GameConfig, GameEnded, Phase, Revealed, RoundEnded
from quiz.packs.model import QuestionType
from quiz.ui.scene import Scene
from quiz.ui.session import Session


def start_game(session: Session, config: GameConfig) -> bool:
    """Build the engine's game and show its first round; a refused config is shown, not raised."""
    try:
        session.new_game(config)
    except ValueError as error:
        from quiz.ui.scenes.confirm import ConfirmScene

        session.stack.push(ConfirmScene(session, str(error), yes=None, no="OK"))
        return False
    session.history.clear()
    if config.mode.is_party:
        from quiz.ui.scenes.party_flow import prepare_party

        prepare_party(session, config)
    from quiz.ui.scenes.title import TitleScene

    session.stack.reset(TitleScene(session))
    session.stack.push(scene_for(session))
    return True


def scene_for(session: Session, events: Sequence[Event] = ()) -> Scene:
    """The scene for the game's current phase; `events` carries what the last scene saw."""
    game = session.game
    assert game is not None
    if game.config.mode.is_party:
        from quiz.ui.scenes.party_flow import party_scene_for

        return party_scene_for(session, events)
    phase = game.phase
    if phase is Phase.ROUND_INTRO:
        from quiz.ui.scenes.round_intro import RoundIntroScene

        return RoundIntroScene(session)
    if phase is Phase.QUESTION:
        current = game.current
        assert current is not None
        if current.type is QuestionType.TEXT:
            from quiz.ui.scenes.text_answer import TextAnswerScene

            return TextAnswerScene(session)
        if current.type is QuestionType.ORDER:
            from quiz.ui.scenes.ordering import OrderingScene

            return OrderingScene(session)
        from quiz.ui.scenes.question import QuestionScene

        return QuestionScene(session)
    if phase is Phase.REVEAL:
        from quiz.ui.scenes.reveal import RevealScene

        revealed = next((e for e in reversed(events) if isinstance(e, Revealed)), None)
        return RevealScene(session, revealed or game.last_reveal)
    if phase is Phase.ROUND_END:
        from quiz.ui.scenes.standings import StandingsScene

        ended = next((e for e in reversed(events) if isinstance(e, RoundEnded)), None)
        return StandingsScene(session, ended)
    from quiz.ui.scenes.results import ResultsScene

    over = next((e for e in reversed(events) if isinstance(e, GameEnded)), None)
    return ResultsScene(session, over)


def quit_to_title(session: Session) -> None:
    from quiz.ui.scenes.title import TitleScene

    session.game = None
    session.stack.reset(TitleScene(session))
