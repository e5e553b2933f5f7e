"""The example in docs/pack-format.md must be a pack the loader accepts."""

from __future__ import annotations

import re
from pathlib import Path

from quiz.packs.loader import load_bytes

DOC = Path(__file__).resolve().parents[2] / "docs" / "pack-format.md"


def test_documented_example_pack_loads() -> None:
    block = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    result = load_bytes(block.group(1).encode(), "example.yaml")
    assert result.ok and result.pack is not None, result.diagnostics
    question = result.pack.questions[0]
    assert (question.answer, question.time, question.wrong) == ("1989", 15,
                                                                ("1986", "1991", "1993"))
