"""The surfaces made once per key are kept in a bounded cache: a long session cannot fill memory."""

from __future__ import annotations

import pygame

from quiz.paths import assets_dir
from quiz.ui.resources import MEMO_LIMIT, Resources


def test_memo_keeps_at_most_its_limit_and_the_surfaces_in_use() -> None:
    pygame.init()
    res = Resources(assets_dir())
    made: list[int] = []

    def make(height: int) -> pygame.Surface:
        made.append(height)
        return pygame.Surface((8, height))

    backdrop = res.memo("backdrop", lambda: make(720))
    for height in range(1, MEMO_LIMIT + 200):  # a panel animated through many heights
        res.memo(("block", height), lambda h=height: make(h))
        assert res.memo("backdrop", lambda: make(720)) is backdrop  # used every frame: kept
    count, _ = res.cache_sizes()["memo"]
    assert count == MEMO_LIMIT
    assert made.count(720) == 1
    before = len(made)
    res.memo(("block", MEMO_LIMIT + 199), lambda: make(0))  # the newest is still there
    assert len(made) == before
    res.memo(("block", 1), lambda: make(1))  # the oldest was let go, and is made again
    assert len(made) == before + 1
