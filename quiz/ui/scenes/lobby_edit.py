"""A lobby overlay for one player: type a new name, move them earlier or later, or remove them.

Typing goes straight into the name (the keyboard zones are quiet while it is
open). Hands back the player's slot afterwards (None once removed).
"""

from __future__ import annotations

import pygame

from quiz.engine.config import MAX_NAME_LENGTH
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.roster import Roster
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import menu_event
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.menu import Menu, MenuItem

BOX = pygame.Rect(340, 90, 600, 540)
FIELD = pygame.Rect(BOX.x + 130, BOX.y + 90, BOX.width - 170, 64)


class PlayerEditScene(Scene):
    opaque = False
    name = "lobby_edit"
    wants_text = True

    def __init__(self, session: Session, slot: int) -> None:
        super().__init__(session)
        assert session.party is not None
        self.roster: Roster = session.party
        self.slot = slot
        self.text = self.roster.players[slot].name
        self.message = ""
        self.menu = Menu(
            [
                MenuItem("done", "Done"),
                MenuItem("earlier", "Move earlier"),
                MenuItem("later", "Move later"),
                MenuItem("look", "Next colour and icon"),
                MenuItem("remove", "Remove player"),
            ],
            (BOX.x + 110, BOX.y + 180),
            item_size=(380, 50),
            gap=10,
            text_size=theme.SMALL_SIZE + 4,
        )

    def _done(self) -> None:
        problem = self.roster.rename(self.slot, self.text)
        if problem:
            self.message = problem
            self.session.sound.play("wrong")
            return
        self.session.sound.play("select")
        self.session.stack.pop(self.slot)

    def handle(self, action: PlayerAction) -> None:
        kind = action.action
        if kind is Action.TEXT:
            self.text = (self.text + action.text)[:MAX_NAME_LENGTH]
            self.message = ""
            return
        if kind is Action.ERASE:
            self.text = self.text[:-1]
            return
        if kind in (Action.BACK, Action.PAUSE):
            self.session.stack.pop(self.slot)  # the name typed is dropped
            return
        event = menu_event(self.session, self.menu, action)
        if event is None or event.kind != "activate":
            return
        if event.key == "done":
            self._done()
        elif event.key in ("earlier", "later"):
            self.slot = self.roster.move(self.slot, -1 if event.key == "earlier" else 1)
            self.session.sound.play("move")
        elif event.key == "look":
            self.roster.next_colour(self.slot)
            self.roster.next_icon(self.slot)
            self.session.sound.play("move")
        elif event.key == "remove":
            self.roster.leave(self.slot)
            self.session.sound.play("wrong")
            self.session.stack.pop(None)

    def animating(self) -> bool:
        return True  # the text cursor blinks

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        player = self.roster.players[self.slot]
        surface.blit(panel(res, (1280, 720), theme.NIGHT, None, 180, radius=0), (0, 0))
        surface.blit(panel(res, BOX.size, theme.PANEL, player.rgb, 250, width=3), BOX)
        label(
            res,
            surface,
            f"Player {self.slot + 1}",
            theme.SMALL_SIZE,
            theme.STEEL_LIGHT,
            (BOX.centerx, BOX.y + 38),
        )
        surface.blit(avatar(res, player.icon_name, player.rgb, 88), (BOX.x + 30, FIELD.y - 12))
        surface.blit(panel(res, FIELD.size, theme.NIGHT, theme.AMBER, 250, width=3), FIELD)
        inner = FIELD.inflate(-28, -12)
        size = fitted(res, surface, self.text or " ", inner, theme.TEXT, 44, "left")
        if int(self.age * 2) % 2 == 0:
            x = min(inner.right, inner.x + res.font(size).size(self.text)[0] + 4)
            pygame.draw.line(surface, theme.AMBER, (x, inner.y + 8), (x, inner.bottom - 8), 3)
        self.menu.draw(surface, res)
        hint = (
            self.message or f"Type a name (up to {MAX_NAME_LENGTH} letters); Enter on Done keeps it"
        )
        colour = theme.AMBER if self.message else theme.TEXT_DIM
        fitted(
            res,
            surface,
            hint,
            pygame.Rect(BOX.x + 30, BOX.bottom - 54, BOX.width - 60, 40),
            colour,
            theme.TINY_SIZE + 2,
        )
