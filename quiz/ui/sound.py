"""Sound effects that degrade to silence.

Without an audio device the mixer may fail at init, or init and fail later on
load or play; every such failure turns the board silent instead of raising.
"""

from __future__ import annotations

from pathlib import Path

import pygame

SOUNDS = ("select", "move", "right", "wrong", "tick", "fanfare", "buzz")


class SoundBoard:
    def __init__(self, folder: Path, volume: float = 0.8, muted: bool = False) -> None:
        self.folder = folder
        self._volume = max(0.0, min(1.0, volume))
        self.muted = muted
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self.available = self._open()
        self.played: list[str] = []  # what was asked for, so tests can check cues without audio

    def _open(self) -> bool:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=1, buffer=512)
            for name in SOUNDS:
                path = self.folder / f"{name}.wav"
                if path.exists():
                    self._sounds[name] = pygame.mixer.Sound(str(path))
        except (pygame.error, OSError):
            self._sounds.clear()
            return False
        self._apply_volume()
        return True

    @property
    def volume(self) -> float:
        return self._volume

    @volume.setter
    def volume(self, value: float) -> None:
        self._volume = max(0.0, min(1.0, value))
        self._apply_volume()

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        self._apply_volume()
        return self.muted

    def _apply_volume(self) -> None:
        level = 0.0 if self.muted else self._volume
        for sound in self._sounds.values():
            sound.set_volume(level)

    def play(self, name: str) -> None:
        self.played.append(name)
        del self.played[:-50]
        if self.muted or not self.available:
            return
        sound = self._sounds.get(name)
        if sound is None:
            return
        try:
            sound.play()
        except pygame.error:
            self.available = False
