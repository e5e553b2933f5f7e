"""Which scene shows which phase of the engine's game, and starting and leaving a game.

`SceneRoutes` is the session's `routes`: the one place that knows every scene. Scenes
ask it where to go next instead of importing this module, so nothing imports it but
the app, the tours and tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from quiz.engine import Event, GameConfig, GameEnded, Phase, Revealed, RoundEnded
from quiz.packs.model import QuestionType
from quiz.ui.scene import Scene
from quiz.ui.scenes.menus.confirm import ConfirmScene
from quiz.ui.scenes.menus.title import TitleScene
from quiz.ui.scenes.party.lobby import LobbyScene
from quiz.ui.scenes.party.phases import PARTY_SCENES, prepare_party
from quiz.ui.scenes.solo.phases import SOLO_SCENES
from quiz.ui.session import Session

E = TypeVar("E", bound=Event)


class SceneRoutes:
    """Where scenes go next, for one session (see `quiz.ui.routes.Routes`)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def title(self) -> Scene:
        return TitleScene(self.session)

    def lobby(self) -> Scene:
        return LobbyScene(self.session)

    def for_phase(self, events: Sequence[Event] = ()) -> Scene:
        return scene_for(self.session, events)

    def start_game(self, config: GameConfig) -> bool:
        return start_game(self.session, config)

    def quit_to_title(self) -> None:
        quit_to_title(self.session)


def start_game(session: Session, config: GameConfig) -> bool:
    """Build the engine's game and show its first round; a refused config is shown, not raised."""
    try:
        session.new_game(config)
    except ValueError as error:
        session.stack.push(ConfirmScene(session, str(error), yes=None, no="OK"))
        return False
    session.history.clear()
    if config.mode.is_party:
        prepare_party(session, config)
    session.stack.reset(TitleScene(session))
    session.stack.push(scene_for(session))
    return True


def last_event(events: Sequence[Event], kind: type[E]) -> E | None:
    """The latest event of `kind` in `events`, if any."""
    return next((e for e in reversed(events) if isinstance(e, kind)), None)


def scene_for(session: Session, events: Sequence[Event] = ()) -> Scene:
    """The scene for the game's current phase; `events` carries what the last scene saw."""
    game = session.game
    assert game is not None
    scenes = PARTY_SCENES if game.config.mode.is_party else SOLO_SCENES
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
    session.record_played()  # the questions met before quitting count as met
    session.stop_phones()  # the party is over
    session.game = None
    session.stack.reset(TitleScene(session))
