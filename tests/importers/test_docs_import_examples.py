"""Each import format's example in docs/pack-format.md imports with no errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from import_helpers import installed, run

DOC = Path(__file__).resolve().parents[2] / "docs" / "pack-format.md"
SECTIONS = {"CSV: Kahoot!'s quiz template": ".csv", "CSV with a header row": ".csv",
            "Moodle GIFT": ".gift", "Open Trivia Database JSON": ".json"}


def example(heading: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
    block = re.search(r"```(?:text|json)\n(.*?)```", section, re.DOTALL)
    assert block is not None, heading
    return block.group(1)


@pytest.mark.parametrize("heading", sorted(SECTIONS))
def test_documented_import_example_imports(tmp_path: Path, heading: str) -> None:
    source = tmp_path / f"example{SECTIONS[heading]}"
    source.write_text(example(heading), encoding="utf-8")
    code, out = run("packs", "import", str(source))
    assert code == 0, out
    assert " error: " not in out
    assert installed("example").questions
