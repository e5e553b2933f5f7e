"""Running `heat-quiz packs import` in-process and reading what it installed."""

from __future__ import annotations

import io
from pathlib import Path

from quiz.cli import main
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.paths import user_packs_dir


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def installed(pack_id: str) -> Pack:
    result = load_pack(user_packs_dir() / pack_id / f"{pack_id}.yaml")
    assert result.ok and result.pack is not None, result.diagnostics[:3]
    return result.pack


def nothing_installed() -> bool:
    folder = user_packs_dir()
    return not folder.exists() or not any(p for p in folder.rglob("*") if p.is_file())


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
