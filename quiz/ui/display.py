"""The window: a fixed 1280x720 canvas scaled into a resizable window with letterboxing."""

from __future__ import annotations

import pygame

from quiz.ui.theme import LOGICAL_SIZE


def letterbox(window: tuple[int, int], logical: tuple[int, int] = LOGICAL_SIZE) -> pygame.Rect:
    """The largest rect of the logical aspect ratio centred in the window."""
    scale = min(window[0] / logical[0], window[1] / logical[1])
    width, height = max(1, round(logical[0] * scale)), max(1, round(logical[1] * scale))
    return pygame.Rect((window[0] - width) // 2, (window[1] - height) // 2, width, height)


def to_logical(
    pos: tuple[int, int], window: tuple[int, int], logical: tuple[int, int] = LOGICAL_SIZE
) -> tuple[int, int] | None:
    """Map a window pixel to the canvas; None on the black bars."""
    view = letterbox(window, logical)
    if not view.collidepoint(pos):
        return None
    x = (pos[0] - view.x) * logical[0] // view.width
    y = (pos[1] - view.y) * logical[1] // view.height
    return (x, y)


class Display:
    def __init__(self, fullscreen: bool = False) -> None:
        self.fullscreen = fullscreen
        self.window_size = LOGICAL_SIZE
        self.window: pygame.Surface | None = None
        self._canvas: pygame.Surface | None = None
        self._scaled: pygame.Surface | None = None

    def open(self) -> None:
        pygame.display.set_caption("Heat Quiz")
        self._set_mode()

    def _set_mode(self) -> None:
        if self.fullscreen:
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.window = pygame.display.set_mode(self.window_size, pygame.RESIZABLE)
        self._canvas = None

    def set_fullscreen(self, on: bool) -> None:
        if on != self.fullscreen:
            if not self.fullscreen and self.window is not None:
                self.window_size = self.window.get_size()
            self.fullscreen = on
            self._set_mode()

    def toggle_fullscreen(self) -> bool:
        self.set_fullscreen(not self.fullscreen)
        return self.fullscreen

    def _window(self) -> pygame.Surface:
        window = pygame.display.get_surface()
        assert window is not None, "Display.open() first"
        self.window = window
        return window

    @property
    def canvas(self) -> pygame.Surface:
        """Where scenes draw: the window itself when it is exactly 1280x720."""
        window = self._window()
        if window.get_size() == LOGICAL_SIZE:
            return window
        if self._canvas is None:
            self._canvas = pygame.Surface(LOGICAL_SIZE).convert()
        return self._canvas

    def present(self) -> None:
        window = self._window()
        if window.get_size() != LOGICAL_SIZE and self._canvas is not None:
            view = letterbox(window.get_size())
            if self._scaled is None or self._scaled.get_size() != view.size:
                self._scaled = pygame.Surface(view.size).convert()
            # Scale into a kept surface: no new allocation per frame.
            pygame.transform.smoothscale(self._canvas, view.size, self._scaled)
            window.fill((0, 0, 0))
            window.blit(self._scaled, view)
        pygame.display.flip()

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int] | None:
        window = pygame.display.get_surface()
        size = window.get_size() if window is not None else LOGICAL_SIZE
        return to_logical(pos, size)
