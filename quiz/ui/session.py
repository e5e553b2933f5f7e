"""The session: what every scene is given in its constructor.

Resources, sound, input, the scene stack, the clock, the player's settings and
high scores, and pack discovery. There is no global state: a test builds its
own session with a manual clock and a temporary data folder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from quiz.ui.clock import FrameClock
from quiz.ui.display import Display
from quiz.ui.input import Bindings, InputMapper, PlayerAction
from quiz.ui.resources import Resources
from quiz.ui.sound import SoundBoard
from quiz.ui.stack import SceneStack

if TYPE_CHECKING:
    from quiz.engine import Game, GameConfig, Revealed
    from quiz.packs.model import LoadResult, Pack
    from quiz.storage import HighScores, Settings
    from quiz.storage.history import GameHistory
    from quiz.ui.roster import Roster
    from quiz.ui.routes import Routes


TOAST_SECONDS = 6.0


@dataclass(frozen=True)
class Toast:
    text: str
    until: float  # session time at which it goes


def save_problem(error: OSError) -> str:
    """Why a save failed, in the player's words."""
    from quiz.storage import SaveFailed

    if isinstance(error, SaveFailed):
        return error.reason
    return (error.strerror or str(error) or "the disk refused the file").lower()


class PhoneSource(Protocol):
    """The phones of a party (quiz.ui.phone_link.PhoneLink): read and told once a frame."""

    @property
    def url(self) -> str: ...

    @property
    def code(self) -> str: ...

    def poll(self, session: Session) -> list[PlayerAction]: ...

    def publish(self, session: Session) -> None: ...

    def close(self) -> None: ...


@dataclass
class Session:
    display: Display
    resources: Resources
    sound: SoundBoard
    input: InputMapper
    clock: FrameClock
    settings: Settings
    scores: HighScores
    discover: Callable[[], list[LoadResult]]
    save_settings: Callable[[Settings], Any]
    stack: SceneStack = field(default_factory=SceneStack)
    warnings: list[str] = field(default_factory=list)
    last_config: GameConfig | None = None
    game: Game | None = None
    played: GameHistory | None = None  # recent games' questions, so new games deal fresh ones
    _recorded: Game | None = None  # the last game added to `played`, so none is added twice

    history: list[Revealed] = field(default_factory=list)  # this game's reveals, oldest first
    chosen_packs: set[str] | None = None  # pack ids for the next game; None: built-in ones
    party: Roster | None = None  # the party's players and their devices; None before a party
    phones: PhoneSource | None = None  # the phone server, while a party with phones is on
    phone_address: str | None = None  # --address: where to serve phones (else the best LAN one)
    phone_port: int = 8765  # --port; 0 for any free port
    toast: Toast | None = None  # a message over every scene, for a few seconds
    settings_problem: str | None = None  # why settings are not on disk; None once a save works
    _packs: list[LoadResult] | None = None
    # Where scenes go next (title, lobby, the phase's scene); wired in by quiz.ui.app.
    routes: Routes = field(init=False, repr=False)

    def playable_packs(self) -> list[Pack]:
        ok = [r.pack for r in self.packs() if r.pack is not None]  # lenient: sound questions
        if self.chosen_packs is None:
            chosen = [p for p in ok if p.builtin] or ok
        else:
            chosen = [p for p in ok if p.id in self.chosen_packs]
        return chosen

    def packs(self, refresh: bool = False) -> list[LoadResult]:
        """Built-in then user packs, loaded once and again on request."""
        if self._packs is None or refresh:
            self._packs = list(self.discover())
        return self._packs

    def stop_phones(self) -> None:
        """The party is over: the phone server stops and phone seats go."""
        if self.phones is not None:
            self.phones.close()
            self.phones = None
        if self.party is not None:
            self.party.players = [
                p for p in self.party.players if not p.device.startswith("phone:")
            ]

    def now(self) -> float:
        return self.clock.now()

    def new_game(self, config: GameConfig) -> Game:
        from quiz.engine import Game

        self.record_played()  # the game before this one (a rematch's) counts as met
        dealt = config
        if self.played is not None and not config.history:
            dealt = dataclasses.replace(config, history=self.played.recent(config))
        # The engine reads time through this callable, so a test's manual clock drives it.
        self.game = Game(dealt, clock=self.now)
        self.last_config = config  # without the history: a rematch reads it afresh
        return self.game

    def record_played(self) -> None:
        """Add the current game's questions so far to the history (once per game)."""
        game = self.game
        if game is None or self.played is None or game is self._recorded:
            return
        self._recorded = game
        self.played.record(game.config, game.asked_keys)

    def change_settings(self, report: bool = True, **changes: Any) -> str | None:
        """Apply and save settings; returns why the save failed, or None.

        A failed save is told at once over the current screen (unless `report` is False, for a
        caller that tells the player itself); the changed settings stay in use meanwhile.
        """
        self.settings = dataclasses.replace(self.settings, **changes)
        self.sound.volume = self.settings.volume
        self.sound.muted = self.settings.muted
        self.sound.volume = self.settings.volume  # re-applies the level after a mute change
        if self.settings.fullscreen != self.display.fullscreen:
            self.display.set_fullscreen(self.settings.fullscreen)
        try:
            self.save_settings(self.settings)
        except OSError as error:
            self.settings_problem = save_problem(error)
            if report:
                self.tell(f"Settings could not be saved: {self.settings_problem}.")
            return self.settings_problem
        self.settings_problem = None
        return None

    def tell(self, text: str, seconds: float = TOAST_SECONDS) -> None:
        """Show `text` over whatever scene is on screen for a few seconds."""
        self.toast = Toast(text, self.now() + seconds)

    def toggle_mute(self) -> None:
        self.change_settings(muted=not self.settings.muted)

    def toggle_fullscreen(self) -> None:
        self.change_settings(fullscreen=not self.display.fullscreen)

    def bindings(self) -> Bindings:
        zones = getattr(self.settings, "key_zones", None) or {}
        return Bindings.from_settings({"zones": [list(keys) for keys in zones.values()]})
