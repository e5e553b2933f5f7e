"""The host puts a phone player out of a running party: pick who, then confirm. The seat keeps
its score on the board, never answers again, and the phone's resume token is revoked, so a
troublesome phone cannot rejoin by reloading. Hands back the slot, or None."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.roster import Roster
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import menu_pick
from quiz.ui.session import Session
from quiz.ui.widgets.draw import label, panel
from quiz.ui.widgets.menu import Menu, MenuItem

ITEM = (400, 50)
GAP = 10
TOP = 110  # heading and note above the list


def removable(roster: Roster) -> list[int]:
    """Slots of the phone players the host may still remove."""
    return [slot for slot, p in enumerate(roster.players)
            if p.device.startswith("phone:") and not p.removed]


class RemovePlayerScene(Scene):
    opaque = False
    name = "remove_player"

    def __init__(self, session: Session, roster: Roster) -> None:
        super().__init__(session)
        items = [MenuItem(str(slot), roster.players[slot].name) for slot in removable(roster)]
        items.append(MenuItem("back", "Back"))
        # Eight phones and Back fit on the 720-pixel screen; fewer make a smaller box.
        self.box = pygame.Rect(0, 0, 500, TOP + len(items) * (ITEM[1] + GAP) + 20)
        self.box.center = (640, 360)
        self.menu = Menu(items, (self.box.x + 50, self.box.y + TOP), item_size=ITEM, gap=GAP)

    def handle(self, action: PlayerAction) -> None:
        if action.action in (Action.BACK, Action.PAUSE):
            self.session.stack.pop(None)
            return
        key = menu_pick(self.session, self.menu, action)
        if key is not None:
            self.session.stack.pop(None if key == "back" else int(key))

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        surface.blit(panel(res, (1280, 720), theme.NIGHT, None, 190, radius=0), (0, 0))
        surface.blit(panel(res, self.box.size, theme.PANEL, theme.AMBER, 250), self.box)
        label(res, surface, "Remove a player", theme.HEADING_SIZE, theme.AMBER,
              (self.box.centerx, self.box.y + 50))
        label(res, surface, "Their phone is signed out; their score stays.", theme.TINY_SIZE,
              theme.STEEL_LIGHT, (self.box.centerx, self.box.y + 88))
        self.menu.draw(surface, res)
