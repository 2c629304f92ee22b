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
    assert fields["Architecture"] == package.architecture()
    assert {"Maintainer", "Description", "Recommends"} <= fields.keys()
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


def test_the_deb_leaves_to_the_system_what_its_packages_provide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: what PyInstaller carried, and so the Depends line, changed with
    what the build machine had installed."""
    internal = tmp_path / "_internal"
    for name in ("libxcb-image.so.0", "libbundled.so.2", "libpython3.11.so.1.0"):
        _fake_elf(internal / name)
    _fake_elf(internal / "_ssl.cpython-311-x86_64-linux-gnu.so")
    qt = _fake_elf(internal / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6")
    (internal / "libQt6Core.so.6").symlink_to(qt)
    system = {
        name: Path("/usr/lib/x86_64-linux-gnu") / name
        for name in ("libxcb-image.so.0", "libpython3.11.so.1.0", "libQt6Core.so.6")
    }
    monkeypatch.setattr(package, "_system_libraries", lambda: system)
    monkeypatch.setattr(package, "_package_of", lambda path: f"pkg-of-{path.name}")
    left = package.leave_to_system(internal)
    assert left == {"libxcb-image.so.0": "pkg-of-libxcb-image.so.0"}
    assert sorted(p.name for p in internal.iterdir()) == [
        "PySide6",
        "_ssl.cpython-311-x86_64-linux-gnu.so",
        "libQt6Core.so.6",
        "libbundled.so.2",
        "libpython3.11.so.1.0",
    ]
    # A library left to the system is a dependency even when nothing links it by name.
    depends = package.debian_depends(["libc.so.6"], (2, 35), left)
    assert depends == ["libc6 (>= 2.35)", "pkg-of-libxcb-image.so.0"]


def test_file_modes_are_the_packages_own_not_the_builders_umask(tmp_path: Path) -> None:
    """Found in review: with umask 077 dpkg-deb refused the build; with 027 the app
    installed so that only root could start it."""
    folder = tmp_path / "root"
    (folder / "DEBIAN").mkdir(parents=True)
    program = folder / "recovery-app"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o700)
    data = folder / "DEBIAN" / "control"
    data.write_text("Package: x\n")
    data.chmod(0o600)
    (folder / "DEBIAN").chmod(0o700)
    (folder / "link").symlink_to("recovery-app")
    package.normalise_modes(folder)
    modes = {p.name: p.stat().st_mode & 0o777 for p in (folder, folder / "DEBIAN", program, data)}
    assert modes == {"root": 0o755, "DEBIAN": 0o755, "recovery-app": 0o755, "control": 0o644}


def test_a_diverted_library_is_owned_by_its_package_not_by_the_diversion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Found in review: dpkg-query names a diversion first, and that line became a
    "package" in the Depends line."""
    import subprocess

    answer = (
        "diversion by glx-diversions from: /usr/lib/x86_64-linux-gnu/libGL.so.1\n"
        "diversion by glx-diversions to: /usr/lib/mesa-diverted/libGL.so.1\n"
        "libgl1:amd64, libgl1:i386: /usr/lib/x86_64-linux-gnu/libGL.so.1\n"
    )

    def query(command: list[str], **_kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 0, answer, "")

    monkeypatch.setattr(package.subprocess, "run", query)
    assert package._package_of(Path("/usr/lib/x86_64-linux-gnu/libGL.so.1")) == "libgl1"
    answer = "diversion by x from: /usr/lib/libodd.so.1\n"
    assert package._package_of(Path("/usr/lib/libodd.so.1")) is None  # stays bundled


def test_each_dependency_asks_for_the_oldest_version_with_the_symbols_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: with no versions, apt would accept a system whose libraries are
    older than the ones the bundle was built against, and the app would not start."""
    import subprocess

    said = (
        "shlibs:Depends=libc6 (>= 2.35), libsqlite3-0 (>= 3.36.0), libx11-6, "
        "libgl1 | libgl1-mesa-glx, libzstd1 (>= 1.5.2)\n"
    )
    calls: list[list[str]] = []

    def shlibdeps(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        control = Path(str(kwargs["cwd"])) / "debian" / "control"
        assert control.is_file()  # dpkg-shlibdeps reads it
        return subprocess.CompletedProcess(command, 0, said, "")

    monkeypatch.setattr(package.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(package.subprocess, "run", shlibdeps)
    versions = package.shlibs_versions([tmp_path / "libQt6Gui.so.6"], tmp_path)
    assert calls[0][0] == "dpkg-shlibdeps" and str(tmp_path / "libQt6Gui.so.6") in calls[0]
    assert versions == {
        "libc6": "(>= 2.35)",
        "libsqlite3-0": "(>= 3.36.0)",
        "libx11-6": "",
        "libzstd1": "(>= 1.5.2)",
    }
    left = {"libsqlite3.so.0": "libsqlite3-0", "libdbus-1.so.3": "libdbus-1-3"}
    depends = package.debian_depends(["libc.so.6", "libX11.so.6"], (2, 35), left, versions)
    assert depends == [
        "libc6 (>= 2.35)",
        "libdbus-1-3",
        "libsqlite3-0 (>= 3.36.0)",
        "libx11-6",
        "libzstd1 (>= 1.5.2)",
    ]
