"""The package builder's own logic (the build itself is its own step in .ci/run:
``python3 dev.py package`` builds, then starts the app from the unpacked .deb)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from devtools import package
from recovery_app import APP_ID, __version__


def test_every_library_left_to_the_system_becomes_a_debian_dependency() -> None:
    depends = package.debian_depends(
        ["libc.so.6", "libm.so.6", "libEGL.so.1", "libxcb.so.1", "libxcb-icccm.so.4"], (2, 36)
    )
    assert depends == ["libc6 (>= 2.36)", "libegl1", "libxcb-icccm4", "libxcb1"]


def test_a_library_of_unknown_package_stops_the_build_instead_of_a_broken_deb() -> None:
    with pytest.raises(package.PackageError, match=re.escape("libfoo.so.1, libgtk-3.so.0")):
        package.debian_depends(["libc.so.6", "libgtk-3.so.0", "libfoo.so.1"], (2, 31))


def test_the_control_file_has_what_dpkg_and_apt_need() -> None:
    text = package.control_text(["libc6 (>= 2.36)", "libxcb1"], 200_000)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "recovery-companion"
    assert fields["Version"] == __version__
    assert fields["Depends"] == "libc6 (>= 2.36), libxcb1"
    assert fields["Installed-Size"] == "200000"
    assert {"Architecture", "Maintainer", "Description"} <= fields.keys()
    assert text.endswith("\n") and "\n\n" not in text  # one paragraph


def _fake_elf(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x7fELF fake")
    return path


def test_a_left_out_plugin_takes_the_libraries_only_it_needed_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = tmp_path / "recovery-app"
    internal = app / "_internal"
    needs = {
        "recovery-app": [],
        "libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
        "libqxcb.so": ["libQt6Gui.so.6", "libxkbcommon.so.0"],
        "libQt6Gui.so.6": ["libfreetype.so.6"],
        "libgtk-3.so.0": ["libcairo.so.2", "libfreetype.so.6"],
        "libcairo.so.2": [],
        "libfreetype.so.6": [],
        "libxkbcommon.so.0": [],
        "libpython3.11.so.1.0": [],  # the bootloader loads it by name
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so": [],  # imported, not linked
    }
    _fake_elf(app / "recovery-app")
    _fake_elf(internal / "PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    _fake_elf(internal / "PySide6/Qt/plugins/platforms/libqxcb.so")
    gui = _fake_elf(internal / "PySide6/Qt/lib/libQt6Gui.so.6")
    (internal / "libQt6Gui.so.6").symlink_to(gui)
    for name in needs:
        if name.startswith(("libgtk", "libcairo", "libfree", "libxkb", "libpython", "_cffi")):
            _fake_elf(internal / name)
    (internal / "notes.txt").write_text("not a library")

    def dynamic(path: Path) -> str:
        return "".join(f" (NEEDED) Shared library: [{n}]\n" for n in needs[path.name])

    monkeypatch.setattr(package, "_dynamic", dynamic)
    gone = package.leave_out_plugins(app)
    assert sorted(gone) == ["libcairo.so.2", "libgtk-3.so.0", "libqgtk3.so"]
    left = {p.name for p in internal.rglob("*")}
    assert {"libfreetype.so.6", "libxkbcommon.so.0", "libpython3.11.so.1.0"} <= left
    assert "_cffi_backend.cpython-311-x86_64-linux-gnu.so" in left
    assert "notes.txt" in left


def test_the_icon_is_drawn_in_every_freedesktop_size(tmp_path: Path, qtbot: QtBot) -> None:
    package.render_icons(tmp_path)
    hicolor = tmp_path / "icons" / "hicolor"
    for size in package.ICON_SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        middle = image.pixelColor(size // 2, size // 2)
        assert middle.alpha() > 0, f"the {size} px icon is empty in the middle"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
