"""Which party scene shows which phase of the engine's game, and seating a party for a game."""

from __future__ import annotations

from quiz.engine import GameConfig, Phase
from quiz.ui.roster import Roster, is_phone
from quiz.ui.scene import Scene
from quiz.ui.scenes.party.intro import PartyRoundIntroScene
from quiz.ui.scenes.party.order import PartyOrderScene
from quiz.ui.scenes.party.podium import PodiumScene
from quiz.ui.scenes.party.question import PartyQuestionScene
from quiz.ui.scenes.party.reveal import PartyRevealScene
from quiz.ui.scenes.party.standings import PartyStandingsScene
from quiz.ui.scenes.party.text import PartyTextScene
from quiz.ui.scenes.party.typed import PhoneTypedScene
from quiz.ui.scenes.phases import PhaseScenes
from quiz.ui.session import Session


def prepare_party(session: Session, config: GameConfig) -> Roster:
    """Keep the lobby's roster when it matches the config; else seat the players in order.

    `heat-quiz play --players N` comes here without a lobby: players sit at the keyboard
    zones in order, then at the pads already connected; anyone left waits for a pad.
    """
    roster = session.party
    if roster is None or not roster.matches(config):
        zones = len(session.input.bindings.party_zones)
        roster = Roster.from_config(config, zones, sorted(session.input.pads))
    roster.mode = config.mode
    roster.excused.clear()
    roster.board = roster.round_board = None
    session.party = roster
    return roster


def party_text(session: Session) -> Scene:
    """A typed answer: on the phones when everyone facing it has one, else on the keyboard."""
    game, roster = session.game, session.party
    assert game is not None and roster is not None and game.current is not None
    turn = game.current.turn_player
    facing = [turn] if turn is not None else range(len(roster))
    if all(is_phone(roster.players[slot].device) for slot in facing):
        return PhoneTypedScene(session)
    return PartyTextScene(session)


PARTY_SCENES = PhaseScenes(
    question_phases=(Phase.QUESTION, Phase.BUZZED),
    intro=PartyRoundIntroScene,
    choice=PartyQuestionScene,
    text=party_text,
    order=PartyOrderScene,
    reveal=PartyRevealScene,
    standings=PartyStandingsScene,
    end=PodiumScene,
)
