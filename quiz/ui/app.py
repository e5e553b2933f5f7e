"""Start the game: `run()` opens the window on the title screen, or straight into a game.

pygame is imported here and in the rest of quiz.ui only; nothing happens at
import time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.engine import GameConfig
    from quiz.packs.model import LoadResult
    from quiz.play import PhonePlan
    from quiz.ui.clock import FrameClock
    from quiz.ui.session import Session


def _discover() -> list[LoadResult]:
    from quiz.packs.registry import discover

    return list(discover())


def build_session(
    clock: FrameClock | None = None,
    discover: Callable[[], list[LoadResult]] | None = None,
) -> Session:
    """Initialise pygame, open the window and gather everything scenes need."""
    import pygame

    from quiz.paths import assets_dir
    from quiz.storage import HighScores, load_settings, save_settings
    from quiz.storage.history import GameHistory
    from quiz.ui.clock import RealClock
    from quiz.ui.display import Display
    from quiz.ui.input import InputMapper
    from quiz.ui.resources import Resources
    from quiz.ui.scenes.flow import SceneRoutes
    from quiz.ui.session import Session
    from quiz.ui.sound import SoundBoard

    os.environ.setdefault("SDL_VIDEO_ALLOW_SCREENSAVER", "1")
    pygame.display.init()
    pygame.font.init()
    pygame.joystick.init()
    settings, warnings = load_settings()
    scores = HighScores.load()
    played = GameHistory.load()
    display = Display(fullscreen=settings.fullscreen)
    display.open()
    sound = SoundBoard(assets_dir() / "sounds", settings.volume, settings.muted)
    session = Session(
        display=display,
        resources=Resources(assets_dir()),
        sound=sound,
        input=InputMapper(to_logical=display.to_logical),
        clock=clock or RealClock(),
        settings=settings,
        scores=scores,
        discover=discover or _discover,
        save_settings=save_settings,
        warnings=[*warnings, *scores.warnings, *played.warnings],
        played=played,
    )
    session.input.set_bindings(session.bindings())
    session.routes = SceneRoutes(session)
    return session


def open_scenes(session: Session, config: GameConfig | None = None) -> None:
    """Put the title screen on the stack, and a game over it when a config is given."""
    session.stack.reset(session.routes.title())
    if config is not None:
        session.stack.apply()
        session.routes.start_game(config)


def run_phone_lobby(plan: PhonePlan) -> int:
    """`play --phones N`: the party lobby with phones on, starting once everyone is in."""
    from quiz.ui.scenes.party.lobby import LobbyPlan, LobbyScene

    def lobby(session: Session) -> None:
        session.phone_address = plan.address
        session.phone_port = plan.port
        session.stack.push(
            LobbyScene(
                session,
                LobbyPlan(
                    plan.mode,
                    plan.phones,
                    plan.keyboard,
                    plan.rounds,
                    plan.per_round,
                    plan.seconds,
                    relaxed=plan.seconds is None,
                    packs=plan.packs,
                    difficulty=plan.difficulty,
                    seed=plan.seed,
                ),
            )
        )

    return run(None, lobby)


def run(start: GameConfig | None = None, then: Callable[[Session], None] | None = None) -> int:
    """Run the game until the player quits; returns the process exit code."""
    import pygame

    from quiz.ui.control import Control

    try:
        session = build_session()
    except pygame.error as error:
        print(f"heat-quiz: cannot open a window: {error}")
        return 1
    try:
        open_scenes(session, start)
        if then is not None:
            then(session)
        return Control(session).run()
    finally:
        session.record_played()  # a game left by closing the window still counts as met
        session.stop_phones()  # the phone server never outlives the window
        pygame.quit()
