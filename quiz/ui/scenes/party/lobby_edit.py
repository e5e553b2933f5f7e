"""A lobby overlay for one player: rename them, move them earlier or later, or remove them.

"Rename" opens the name entry (keyboard, or on-screen keys from a pad or a
mouse); typing straight away opens it too, with what was typed. Hands back the
player's slot afterwards (None once removed).
"""

from __future__ import annotations

import pygame

from quiz.engine.config import MAX_NAME_LENGTH
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.roster import PartyPlayer, Roster
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import menu_event
from quiz.ui.scenes.menus.name_entry import NameEntryScene, NamePrompt
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import cover, fitted, label, panel
from quiz.ui.widgets.menu import Menu, MenuItem
from quiz.ui.widgets.names import draw_name

BOX = pygame.Rect(340, 60, 600, 600)
NAME = pygame.Rect(BOX.x + 136, BOX.y + 76, BOX.width - 166, 64)
RENAME_HINTS = (
    "Type, or pick keys with the d-pad / mouse    Enter / Start / DONE: keep it"
    "    Backspace / B: rub out    Esc: cancel"
)


class PlayerEditScene(Scene):
    opaque = False
    name = "lobby_edit"
    wants_text = True  # typing starts a new name

    def __init__(self, session: Session, slot: int) -> None:
        super().__init__(session)
        assert session.party is not None
        self.roster: Roster = session.party
        self.player: PartyPlayer = self.roster.players[slot]
        self.menu = Menu(
            [
                MenuItem("rename", "Rename"),
                MenuItem("earlier", "Move earlier"),
                MenuItem("later", "Move later"),
                MenuItem("look", "Next colour and icon"),
                MenuItem("remove", "Remove player"),
                MenuItem("done", "Done"),
            ],
            (BOX.x + 110, BOX.y + 170),
            item_size=(380, 46),
            gap=10,
            text_size=theme.SMALL_SIZE + 4,
        )

    @property
    def seated(self) -> bool:
        return any(p is self.player for p in self.roster.players)

    @property
    def slot(self) -> int:
        # Found again each time: moving players, or a pad leaving, shifts the slots.
        return next(i for i, p in enumerate(self.roster.players) if p is self.player)

    def _rename(self, typed: str | None = None) -> None:
        player = self.player
        prompt = NamePrompt(
            heading=f"Rename player {self.slot + 1}",
            subtitle=f"Up to {MAX_NAME_LENGTH} letters; an empty name keeps {player.name}",
            hints=RENAME_HINTS,
            initial=player.name if typed is None else typed,
            check=self._name_problem,
            back_when_empty=True,
            done_label="DONE",
            player=player,
            select_initial=typed is None,  # a name begun by typing is kept, not replaced
        )

        def entered(name: object) -> None:
            if isinstance(name, str) and name and self.seated:
                self.roster.rename(self.slot, name)
            self.menu.select("done")

        self.session.sound.play("select")
        self.session.stack.push(NameEntryScene(self.session, prompt), entered)

    def _name_problem(self, name: str) -> str | None:
        if not name or not self.seated:
            return None  # an empty name keeps the old one
        return self.roster.name_problem(self.slot, name)

    def update(self, dt: float) -> None:
        if not self.seated:  # their pad went away while this was open
            self.session.stack.pop(None)

    def handle(self, action: PlayerAction) -> None:
        kind = action.action
        if kind is Action.TEXT:
            self._rename(action.text)
            return
        if kind in (Action.BACK, Action.PAUSE):
            self.session.stack.pop(self.slot)
            return
        event = menu_event(self.session, self.menu, action)
        if event is None or event.kind != "activate":
            return
        if event.key == "rename":
            self._rename()
        elif event.key == "done":
            self.session.sound.play("select")
            self.session.stack.pop(self.slot)
        elif event.key in ("earlier", "later"):
            self.roster.move(self.slot, -1 if event.key == "earlier" else 1)
            self.session.sound.play("move")
        elif event.key == "look":
            self.roster.next_colour(self.slot)
            self.roster.next_icon(self.slot)
            self.session.sound.play("move")
        elif event.key == "remove":
            self.roster.leave(self.slot)
            self.session.sound.play("wrong")
            self.session.stack.pop(None)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.seated:
            return
        res = self.session.resources
        player = self.player
        surface.blit(panel(res, (1280, 720), theme.NIGHT, None, 180, radius=0), (0, 0))
        surface.blit(panel(res, BOX.size, theme.PANEL, player.rgb, 250, width=3), BOX)
        cover(res, surface, BOX)
        label(
            res,
            surface,
            f"Player {self.slot + 1}",
            theme.SMALL_SIZE,
            theme.STEEL_LIGHT,
            (BOX.centerx, BOX.y + 38),
        )
        surface.blit(avatar(res, player.icon_name, player.rgb, 88), (BOX.x + 30, NAME.y - 12))
        draw_name(res, surface, player.name, NAME, theme.TEXT, 44)
        self.menu.draw(surface, res)
        hint = "Rename: type, or pick on-screen keys with a pad or the mouse"
        fitted(
            res,
            surface,
            hint,
            pygame.Rect(BOX.x + 30, BOX.bottom - 54, BOX.width - 60, 40),
            theme.TEXT_DIM,
            theme.TINY_SIZE + 2,
        )
