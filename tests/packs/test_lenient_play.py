"""Lenient play: a pack whose own parts are sound plays its sound questions; the strict
verdict (validate, import) still sees every error."""

from __future__ import annotations

import io
from pathlib import Path

from lenient_packs import ALL_BAD, ERRORS, MOSTLY_SOUND, SOUND_IDS

from quiz.cli import main
from quiz.packs.loader import load_bytes, load_pack
from quiz.packs.registry import PackNotFound, discover, playable, resolve
from quiz.paths import user_packs_dir


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_the_sound_questions_of_a_pack_are_played_and_the_rest_counted() -> None:
    # GIVEN a pack of six questions, three of them with an error each
    result = load_bytes(MOSTLY_SOUND.encode(), "getaway.yaml", base_dir=Path("/nonexistent"))
    # THEN it plays, with exactly the sound questions, and says how many it left out
    assert result.playable and result.pack is not None
    assert tuple(q.id for q in result.pack.questions) == SOUND_IDS
    assert result.left_out == 3
    # AND it is still not "ok": every error is reported, each at its place
    assert not result.ok
    assert [(e.line, e.column) for e in result.errors] == [(line, col) for line, col, _ in ERRORS]
    for error, (_, _, word) in zip(result.errors, ERRORS):
        assert word in error.message


def test_a_pack_whose_own_part_is_broken_is_not_played() -> None:
    text = MOSTLY_SOUND.replace("  id: getaway", "  id: Getaway Drivers")
    result = load_bytes(text.encode(), "getaway.yaml", base_dir=Path("/nonexistent"))
    assert result.pack is None and not result.playable
    assert result.left_out == 0  # the reason is the pack's id, not its questions
    assert result.why_not_playable().startswith("line 3, column 7: 'pack id' must use")


def test_a_pack_with_no_sound_question_is_not_played_and_says_why() -> None:
    result = load_bytes(ALL_BAD.encode(), "all-bad.yaml")
    assert result.pack is None and result.left_out == 2
    assert result.why_not_playable() == (
        "all 2 of its questions have errors; the first is at line 10, column 13: "
        "'answer' must be true or false; 'no' is ambiguous (YAML 1.1 reads it as a boolean, "
        "YAML 1.2 as text)")


def test_validate_stays_strict_about_a_pack_that_plays(tmp_path: Path) -> None:
    pack = tmp_path / "getaway.yaml"
    pack.write_text(MOSTLY_SOUND, encoding="utf-8")
    code, text = run("packs", "validate", str(pack))
    assert code == 1
    assert text.splitlines()[-1].startswith("FAILED: 1 file checked, 3 errors")


def test_packs_list_says_how_many_are_left_out_and_why_a_pack_cannot_play() -> None:
    folder = user_packs_dir()
    folder.mkdir(parents=True)
    (folder / "getaway.yaml").write_text(MOSTLY_SOUND, encoding="utf-8")
    (folder / "all-bad.yaml").write_text(ALL_BAD, encoding="utf-8")
    code, text = run("packs", "list")
    assert code == 0
    rows = text.splitlines()
    getaway = next(r for r in rows if r.startswith("getaway"))
    assert "3 questions, 3 left out" in getaway
    assert any(r.startswith("getaway: 3 questions with errors left out; `heat-quiz packs "
                            "validate") for r in rows)
    bad = next(r for r in rows if "all-bad.yaml" in r)
    assert "BROKEN: all 2 of its questions have errors; the first is at line 10, column 13" \
        in bad


def test_a_lenient_pack_is_dealt_by_name_and_a_hopeless_one_refused(tmp_path: Path) -> None:
    good, bad = tmp_path / "getaway.yaml", tmp_path / "all-bad.yaml"
    good.write_text(MOSTLY_SOUND, encoding="utf-8")
    bad.write_text(ALL_BAD, encoding="utf-8")
    (pack,) = resolve([str(good)])
    assert tuple(q.id for q in pack.questions) == SOUND_IDS
    assert "getaway" in {p.id for p in playable(discover([good]))}
    try:
        resolve([str(bad)])
    except PackNotFound as refused:
        assert "all 2 of its questions have errors" in str(refused)
    else:
        raise AssertionError("a pack with no sound question was resolved")


def test_a_pack_file_on_disk_plays_when_its_picture_is_missing(tmp_path: Path) -> None:
    pack = tmp_path / "getaway.yaml"
    pack.write_text(MOSTLY_SOUND, encoding="utf-8")
    result = load_pack(pack)
    assert result.pack is not None and result.left_out == 3
    assert any("images/diner.png" in e.message and "not found" in e.message
               for e in result.errors)


def test_play_says_on_the_terminal_how_many_questions_a_pack_left_out(
        tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import quiz.ui.app

    good = tmp_path / "getaway.yaml"
    good.write_text(MOSTLY_SOUND, encoding="utf-8")
    started = []
    monkeypatch.setattr(quiz.ui.app, "run", lambda config: started.append(config) or 0)
    code, _ = run("play", "--pack", str(good), "--rounds", "1", "--per-round", "2")
    assert code == 0 and len(started) == 1
    err = capsys.readouterr().err
    assert f"pack getaway: 3 questions play, 3 left out (heat-quiz packs validate {good} " \
           "says why)" in err
