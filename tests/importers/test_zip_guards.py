"""A shared pack zip is held to the same path and size guards as a folder, and more."""

from __future__ import annotations

import io
import stat
import struct
import zipfile
from pathlib import Path

import pytest
from import_helpers import nothing_installed, run

from quiz.importers import archive

PACK = b"""format: 1
pack: {id: zipped, title: "Zipped"}
questions:
  - id: q1
    category: general
    prompt: "Who plays Neil McCauley?"
    answer: "Robert De Niro"
    wrong: ["Al Pacino"]
    explain: "De Niro plays the thief."
"""


def make_zip(path: Path, entries: dict[str, bytes],
             compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as made:
        for name, data in entries.items():
            made.writestr(name, data)
    return path


def refused(source: Path, capsys: pytest.CaptureFixture[str], words: str) -> None:
    code, _ = run("packs", "import", str(source))
    err = capsys.readouterr().err
    assert code == 1, err
    assert words in err, err
    assert "Traceback" not in err
    assert nothing_installed()


def test_a_good_zip_installs(tmp_path: Path) -> None:
    source = make_zip(tmp_path / "ok.zip", {"zipped/zipped.yaml": PACK, "__MACOSX/._x": b"x"})
    code, out = run("packs", "import", str(source))
    assert code == 0, out


@pytest.mark.parametrize("name, words", [
    ("../evil.yaml", "points outside the pack ('..')"),
    ("zipped/../../evil.png", "points outside the pack ('..')"),
    ("/etc/evil.png", "absolute path"),
    ("C:/Windows/evil.png", "absolute path"),
    ("..\\..\\evil.png", "points outside the pack ('..')"),
])
def test_entries_that_leave_the_folder_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, words: str) -> None:
    source = make_zip(tmp_path / "evil.zip", {"zipped/zipped.yaml": PACK, name: b"x"})
    refused(source, capsys, words)
    assert not (tmp_path / "evil.yaml").exists() and not (tmp_path.parent / "evil.png").exists()


def test_a_symlink_entry_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "link.zip"
    with zipfile.ZipFile(source, "w") as made:
        made.writestr("zipped/zipped.yaml", PACK)
        link = zipfile.ZipInfo("zipped/images/pic.png")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        made.writestr(link, "/etc/passwd")
    refused(source, capsys, "is a link")


def test_a_zip_bomb_is_refused_from_its_headers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = make_zip(tmp_path / "bomb.zip", {"zipped/zipped.yaml": PACK,
                                              "zipped/images/big.png": bytes(12 * 2**20)})
    assert source.stat().st_size < 100_000
    refused(source, capsys, "a zip bomb, not a pack")


def test_too_many_entries_or_bytes_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    many = {f"zipped/n{i}.txt": b"" for i in range(archive.MAX_ENTRIES + 1)}
    refused(make_zip(tmp_path / "many.zip", {"zipped/zipped.yaml": PACK, **many}), capsys,
            "entries; at most")
    noise = {f"zipped/p{i}.png": bytes(range(256)) * 400 for i in range(5)}  # 100 KiB each
    with zipfile.ZipFile(make_zip(tmp_path / "big.zip", noise, zipfile.ZIP_STORED)) as big:
        with pytest.raises(archive.ArchiveProblem, match="unpacks to more than 0 MiB"):
            archive.check_members(big, archive.Limits(total=300_000))
        with pytest.raises(archive.ArchiveProblem, match="at most 0 MiB per file"):
            archive.check_members(big, archive.Limits(entry=50_000))


def _lie_about_size(data: bytes, name: bytes, claimed: int) -> bytes:
    """Rewrite the uncompressed size of entry `name` in both its headers."""
    patched = bytearray(data)
    local = patched.find(b"PK\x03\x04" + b"")
    while local >= 0:
        length = struct.unpack_from("<H", patched, local + 26)[0]
        if patched[local + 30:local + 30 + length] == name:
            struct.pack_into("<I", patched, local + 22, claimed)
        local = patched.find(b"PK\x03\x04", local + 4)
    central = patched.find(b"PK\x01\x02")
    while central >= 0:
        length = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46:central + 46 + length] == name:
            struct.pack_into("<I", patched, central + 24, claimed)
        central = patched.find(b"PK\x01\x02", central + 4)
    return bytes(patched)


def test_a_header_that_lies_about_its_size_is_caught_while_streaming(
        tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    honest = io.BytesIO()
    with zipfile.ZipFile(honest, "w", zipfile.ZIP_DEFLATED) as made:
        made.writestr("zipped/zipped.yaml", PACK)
        made.writestr("zipped/images/big.png", bytes(40 * 2**20))
    source = tmp_path / "liar.zip"
    source.write_bytes(_lie_about_size(honest.getvalue(), b"zipped/images/big.png", 1000))
    with zipfile.ZipFile(source) as check:  # the headers now pass: 1000 bytes, ratio fine
        assert check.getinfo("zipped/images/big.png").file_size == 1000
        archive.check_members(check)
    refused(source, capsys, "not imported")
    # Looked for where this test could have left it (other tests' files sit beside these).
    assert not [p for where in (tmp_path, isolated_home) for p in where.rglob("big.png")]


def test_a_zip_with_no_or_two_packs_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused(make_zip(tmp_path / "two.zip", {"a.yaml": PACK, "b.yml": PACK}), capsys,
            "exactly one pack file")


def test_a_zip_whose_pack_has_errors_names_the_entry(tmp_path: Path) -> None:
    source = make_zip(tmp_path / "bad.zip", {"zipped/zipped.yaml": PACK.replace(
        b"id: q1", b"id: Q1")})
    code, out = run("packs", "import", str(source))
    assert code == 1 and f"{source}/zipped/zipped.yaml:4:9: error:" in out, out
    assert nothing_installed()
