"""Synthesise the game's sound effects into assets/sounds/*.wav.

Pure Python (wave, math, array): run `python tools/synth_sounds.py` to rebuild
them. The output is deterministic, so the committed files only change when this
script does.
"""

from __future__ import annotations

import math
import wave
from array import array
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def tone(
    freq: float,
    seconds: float,
    volume: float = 0.5,
    shape: str = "sine",
    attack: float = 0.005,
    release: float = 0.06,
    slide: float = 0.0,
) -> list[float]:
    """One note with a short attack and release; `slide` bends the pitch (Hz per second)."""
    count = int(RATE * seconds)
    samples = []
    phase = 0.0
    for i in range(count):
        t = i / RATE
        phase += 2 * math.pi * (freq + slide * t) / RATE
        if shape == "square":
            value = 1.0 if math.sin(phase) >= 0 else -1.0
            value *= 0.45
        elif shape == "triangle":
            value = 2 / math.pi * math.asin(math.sin(phase))
        else:
            value = math.sin(phase) + 0.25 * math.sin(2 * phase)
        envelope = min(1.0, t / attack) if attack else 1.0
        envelope *= min(1.0, (seconds - t) / release) if release else 1.0
        samples.append(value * volume * envelope)
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def mix(*tracks: list[float]) -> list[float]:
    length = max(len(t) for t in tracks)
    return [sum(t[i] for t in tracks if i < len(t)) for i in range(length)]


def write(name: str, samples: list[float], out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    peak = max(1.0, max(abs(s) for s in samples))
    data = array("h", (int(32767 * 0.9 * s / peak) for s in samples))
    with wave.open(str(out / f"{name}.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(data.tobytes())


def main(out: Path = OUT) -> None:
    write("move", tone(660, 0.045, 0.25, "triangle", release=0.03), out)
    write("select", tone(880, 0.05, 0.4, "triangle") + tone(1320, 0.07, 0.4, "triangle"), out)
    right = [tone(f, 0.09, 0.45, "triangle") for f in (659.3, 830.6, 987.8)]
    write("right", right[0] + right[1] + tone(1318.5, 0.28, 0.5, "triangle", release=0.2), out)
    write(
        "wrong",
        mix(
            tone(196, 0.38, 0.5, "square", slide=-120, release=0.12),
            tone(207.7, 0.38, 0.4, "square", slide=-120, release=0.12),
        ),
        out,
    )
    write("tick", tone(1760, 0.025, 0.5, "sine", attack=0.001, release=0.02), out)
    notes = [(523.3, 0.12), (659.3, 0.12), (784.0, 0.12), (1046.5, 0.42)]
    melody: list[float] = []
    for freq, length in notes:
        melody += tone(freq, length, 0.45, "square", release=0.05)
    bass = tone(130.8, 0.36, 0.35, "triangle") + tone(196.0, 0.42, 0.35, "triangle")
    write("fanfare", mix(melody, silence(0.0) + bass), out)
    # A game-show buzzer: two detuned low square waves, loud and short.
    write(
        "buzz",
        mix(
            tone(146.8, 0.42, 0.5, "square", attack=0.002, release=0.05),
            tone(155.6, 0.42, 0.5, "square", attack=0.002, release=0.05),
            tone(293.7, 0.42, 0.25, "square", attack=0.002, release=0.05),
        ),
        out,
    )


if __name__ == "__main__":
    main()
