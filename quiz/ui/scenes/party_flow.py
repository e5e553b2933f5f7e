"""Which party scene shows which phase of the engine's game, and seating a party for a game."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.engine import Event, GameConfig, GameEnded, Phase, Revealed, RoundEnded
from quiz.packs.model import QuestionType
from quiz.ui.roster import Roster
from quiz.ui.scene import Scene
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


def party_scene_for(session: Session, events: Sequence[Event] = ()) -> Scene:
    game = session.game
    assert game is not None
    phase = game.phase
    if phase is Phase.ROUND_INTRO:
        from quiz.ui.scenes.party_intro import PartyRoundIntroScene

        return PartyRoundIntroScene(session)
    if phase in (Phase.QUESTION, Phase.BUZZED):
        current = game.current
        assert current is not None
        if current.type is QuestionType.TEXT:
            from quiz.ui.scenes.party_text import PartyTextScene

            return PartyTextScene(session)
        if current.type is QuestionType.ORDER:
            from quiz.ui.scenes.party_order import PartyOrderScene

            return PartyOrderScene(session)
        from quiz.ui.scenes.party_question import PartyQuestionScene

        return PartyQuestionScene(session)
    if phase is Phase.REVEAL:
        from quiz.ui.scenes.party_reveal import PartyRevealScene

        revealed = next((e for e in reversed(events) if isinstance(e, Revealed)), None)
        return PartyRevealScene(session, revealed or game.last_reveal)
    if phase is Phase.ROUND_END:
        from quiz.ui.scenes.party_standings import PartyStandingsScene

        ended = next((e for e in reversed(events) if isinstance(e, RoundEnded)), None)
        return PartyStandingsScene(session, ended)
    from quiz.ui.scenes.podium import PodiumScene

    over = next((e for e in reversed(events) if isinstance(e, GameEnded)), None)
    return PodiumScene(session, over)
