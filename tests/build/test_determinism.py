"""The same input builds byte-identical output."""

from __future__ import annotations

import hashlib
from pathlib import Path

from helpers import REPO

from sitebuild import build_site


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_two_builds_of_the_site_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    first = tree_digest(build_site(REPO / "pelicanconf.py", tmp_path / "first"))
    second = tree_digest(build_site(REPO / "pelicanconf.py", tmp_path / "second"))
    assert first == second
    assert any(name.endswith("index.html") for name in first)
    assert len(first) >= 4
