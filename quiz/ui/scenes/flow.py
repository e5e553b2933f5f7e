"""Which scene shows which phase of the engine's game, and starting and leaving a game."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from quiz.engine import Event, GameConfig, GameEnded, Phase, Revealed, RoundEnded
from quiz.packs.model import QuestionType
from quiz.ui.scene import Scene
from quiz.ui.session import Session

E = TypeVar("E", bound=Event)


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


@dataclass(frozen=True)
class PhaseScenes:
    """The scenes that show each phase of a game: one set for solo, one for a party."""

    question_phases: tuple[Phase, ...]
    intro: Callable[[Session], Scene]
    choice: Callable[[Session], Scene]  # multiple choice and true/false
    text: Callable[[Session], Scene]
    order: Callable[[Session], Scene]
    reveal: Callable[[Session, Revealed | None], Scene]
    standings: Callable[[Session, RoundEnded | None], Scene]
    end: Callable[[Session, GameEnded | None], Scene]


def solo_scenes() -> PhaseScenes:
    from quiz.ui.scenes.ordering import OrderingScene
    from quiz.ui.scenes.question import QuestionScene
    from quiz.ui.scenes.results import ResultsScene
    from quiz.ui.scenes.reveal import RevealScene
    from quiz.ui.scenes.round_intro import RoundIntroScene
    from quiz.ui.scenes.standings import StandingsScene
    from quiz.ui.scenes.text_answer import TextAnswerScene

    return PhaseScenes(
        question_phases=(Phase.QUESTION,),
        intro=RoundIntroScene,
        choice=QuestionScene,
        text=TextAnswerScene,
        order=OrderingScene,
        reveal=RevealScene,
        standings=StandingsScene,
        end=ResultsScene,
    )


def last_event(events: Sequence[Event], kind: type[E]) -> E | None:
    """The latest event of `kind` in `events`, if any."""
    return next((e for e in reversed(events) if isinstance(e, kind)), None)


def scene_for(session: Session, events: Sequence[Event] = ()) -> Scene:
    """The scene for the game's current phase; `events` carries what the last scene saw."""
    game = session.game
    assert game is not None
    if game.config.mode.is_party:
        from quiz.ui.scenes.party_flow import party_scenes

        scenes = party_scenes()
    else:
        scenes = solo_scenes()
    phase = game.phase
    if phase is Phase.ROUND_INTRO:
        return scenes.intro(session)
    if phase in scenes.question_phases:
        current = game.current
        assert current is not None
        if current.type is QuestionType.TEXT:
            return scenes.text(session)
        if current.type is QuestionType.ORDER:
            return scenes.order(session)
        return scenes.choice(session)
    if phase is Phase.REVEAL:
        return scenes.reveal(session, last_event(events, Revealed) or game.last_reveal)
    if phase is Phase.ROUND_END:
        return scenes.standings(session, last_event(events, RoundEnded))
    return scenes.end(session, last_event(events, GameEnded))


def quit_to_title(session: Session) -> None:
    from quiz.ui.scenes.title import TitleScene

    session.stop_phones()  # the party is over
    session.game = None
    session.stack.reset(TitleScene(session))
