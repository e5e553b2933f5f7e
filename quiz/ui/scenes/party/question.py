"""A choice or true/false question for a party: everyone, buzz or turns.

Everyone: each player's first press locks in a secret answer; their card says
"LOCKED", never what. Buzz: any of a player's keys buzzes; the buzzer's
colour floods the screen and they have a few seconds to answer with their
keys; a wrong answer greys them out for the question. Turns: only the turn
player's keys count.
"""

from __future__ import annotations

import math

import pygame

from quiz.engine import Buzzed, BuzzMissed, Event, Mode, Phase
from quiz.ui import theme
from quiz.ui.roster import PAD_KEYS
from quiz.ui.scenes.party.question_base import PartyQuestionBase
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import cover, label, panel
from quiz.ui.widgets.names import draw_name
from quiz.ui.widgets.player_card import CardLook
from quiz.ui.widgets.tiles import Tile, TileState, draw_tile, layout, picked_index

TILE_AREA = pygame.Rect(48, 264, 1184, 240)
FLASH_SECONDS = 0.6


class PartyQuestionScene(PartyQuestionBase):
    name = "party_question"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        rects = layout(len(self.question.choices), TILE_AREA, gap=14, max_h=112)
        self.tiles = [
            Tile(i, text, rect) for i, (text, rect) in enumerate(zip(self.question.choices, rects))
        ]
        self.buzzed_at: float | None = None
        self.missed: dict[int, int] = {}  # slot -> points lost on a wrong buzz
        self.show_pad_keys = any(p.device.startswith("pad:") for p in self.roster.players)

    # Input ------------------------------------------------------------------------------------

    def press(self, slot: int, index: int, ago: float = 0.0) -> None:
        game = self.game
        if self.mode is Mode.BUZZ and game.phase is Phase.QUESTION:
            # Any of the player's keys buzzes; the engine says who was first.
            game.buzz(slot, ago=ago)
            return
        if index >= len(self.tiles):
            return
        if game.answer(slot, index, ago=ago) and self.mode is not Mode.BUZZ:
            self.session.sound.play("select")

    def on_event(self, event: Event) -> None:
        if isinstance(event, Buzzed):
            self.buzzed_at = self.age
            self.session.sound.play("buzz")
        elif isinstance(event, BuzzMissed):
            self.missed[event.player] = event.points
            self.buzzed_at = None
            self.session.sound.play("wrong")
            index = picked_index(event.answer)
            if index is not None and 0 <= index < len(self.tiles):
                self.tiles[index].state = TileState.WRONG

    # Drawing ----------------------------------------------------------------------------------

    @property
    def buzzer(self) -> int | None:
        if self.game.phase is Phase.BUZZED:
            return self.question.buzzed_player
        return None

    def card_look(self, slot: int) -> CardLook:
        if self.mode is not Mode.BUZZ:
            return super().card_look(slot)
        player = self.player(slot)
        score = f"{self.game.players[slot].score:,}"
        if slot in self.question.locked_out:
            return CardLook(f"OUT {self.missed.get(slot, 0):,}", theme.WRONG, theme.TEXT, dim=True)
        if self.buzzer == slot:
            return CardLook("BUZZED", player.rgb, theme.TEXT_DARK, highlight=True)
        if player.waiting:
            return CardLook(dim=True)
        return CardLook(score, None, theme.TEXT_DIM, dim=self.buzzer is not None)

    def hints(self) -> str:
        if self.mode is not Mode.BUZZ:
            return super().hints()
        seconds = int(self.game.config.buzz_seconds)
        return (
            f"Any of your keys buzzes; then answer with your keys within {seconds} s"
            "    A wrong answer costs points    Esc / Start: pause"
        )

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        self.draw_top(surface)
        for tile in self.tiles:
            appear = max(0.0, 1 - (self.age - tile.index * 0.05) / 0.2)
            draw_tile(surface, res, tile, False, lift=int(-18 * appear))
            if self.show_pad_keys and tile.state is TileState.NORMAL:
                chip = pygame.Rect(tile.rect.right - 40, tile.rect.y + 8, 30, 26)
                surface.blit(panel(res, chip.size, theme.NIGHT, None, 150, radius=8), chip)
                label(res, surface, PAD_KEYS[tile.index], theme.TINY_SIZE, theme.TEXT, chip.center)
        self.draw_strip(surface)
        self.draw_hints(surface)
        if self.buzzer is not None:
            self._draw_buzz(surface, self.buzzer)

    def _draw_buzz(self, surface: pygame.Surface, slot: int) -> None:
        """The buzzer's colour floods the screen, then frames it; their name and countdown."""
        res = self.session.resources
        player = self.player(slot)
        since = self.age - (self.buzzed_at if self.buzzed_at is not None else self.age)
        if since < FLASH_SECONDS:
            alpha = int(230 * (1 - since / FLASH_SECONDS) ** 2)
            flood = panel(res, (1280, 720), player.rgb, None, 255, radius=0)
            flood.set_alpha(alpha)
            surface.blit(flood, (0, 0))
        pygame.draw.rect(surface, player.rgb, pygame.Rect(0, 0, 1280, 720), 10)
        banner = pygame.Rect(0, 0, 760, 124)
        # Over the player strip, so the buzzer can still read the question and the answers.
        banner.center = (640, 592)
        surface.blit(panel(res, banner.size, theme.NIGHT, player.rgb, 245, width=4), banner)
        cover(res, surface, banner)
        surface.blit(avatar(res, player.icon_name, player.rgb, 92), (banner.x + 18, banner.y + 16))
        name_rect = pygame.Rect(banner.x + 128, banner.y + 12, 460, 62)
        draw_name(res, surface, player.name, name_rect, player.rgb, 60)
        label(
            res,
            surface,
            "buzzed! Answer with your keys now",
            theme.SMALL_SIZE,
            theme.TEXT,
            (banner.x + 128, banner.y + 92),
            "midleft",
        )
        left = self.game.time_left()
        if left is not None:
            centre = (banner.right - 66, banner.centery)
            limit = self.game.config.buzz_seconds
            pygame.draw.circle(surface, theme.PANEL, centre, 46)
            if left > 0:
                # A ring from twelve o'clock that drains as the answer window closes.
                ring = pygame.Rect(0, 0, 92, 92)
                ring.center = centre
                sweep = 2 * math.pi * min(1.0, left / limit)
                pygame.draw.arc(surface, player.rgb, ring, math.pi / 2, math.pi / 2 + sweep, 8)
            label(res, surface, str(math.ceil(left)), theme.BODY_SIZE + 8, theme.TEXT, centre)
