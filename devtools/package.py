"""Build the app as a desktop package, then prove the package starts: ``python3 dev.py package``.

    python -m devtools.package [--out DIR]

1. PyInstaller makes a one-folder build (the app, Python and Qt in one folder).
2. That folder goes into a ``.deb`` (under /opt, with /usr/bin/recovery-app, the
   desktop entry, the AppStream metadata and the icons in the freedesktop sizes)
   and into a ``.tar.gz`` with the same files, for any other Linux.
3. The smoke test unpacks the ``.deb`` into a fresh folder and starts the app from
   there with ``self-test``: offscreen, and on a virtual X screen when Xvfb is here.

PyInstaller carries every library the build machine has that a bundled file
needs, which would bring GTK in for Qt's GTK theme plugin. The app draws its own
look, so that plugin is left out, and with it each library only it needed.

What else PyInstaller carries depends on what the build machine has installed.
The ``.tar.gz`` keeps all of it, so it starts on other Linux systems too. The
``.deb`` does not: each library a Debian package of the build machine provides
goes, and that package becomes a dependency (``dpkg-query -S``), so the ``.deb``
is the same whichever libraries happened to be there. Every other library a
bundled file needs and the bundle doesn't carry (the C library and the graphics
stack, which PyInstaller leaves to the system, and any the build machine lacks)
must be named in ``SYSTEM_LIBRARIES``; a new one stops the build instead of
making a package that fails on someone's computer. Where ``dpkg-shlibdeps`` is
here, each dependency asks for the oldest version that has every symbol the
bundle uses. File modes are set here, not left to the builder's umask.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from recovery_app import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "recovery-companion"
INSTALL_DIR = Path("opt") / PACKAGE
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

# Plugins left out of the bundle (see above), by file name.
LEFT_OUT_PLUGINS = ("libqgtk3.so",)

# The Debian (12 and later) and Ubuntu package of each library the build leaves to
# the system.
SYSTEM_LIBRARIES: dict[str, str] = {
    **dict.fromkeys(
        (
            "libc.so.6",
            "libm.so.6",
            "libdl.so.2",
            "libpthread.so.0",
            "libresolv.so.2",
            "librt.so.1",
            "libutil.so.1",
            "ld-linux-x86-64.so.2",
            "ld-linux-aarch64.so.1",
        ),
        "libc6",
    ),
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libdrm.so.2": "libdrm2",
    "libxcb.so.1": "libxcb1",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    # Qt's X11 needs (doc.qt.io, "Qt for X11 Requirements"), for a builder without them.
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


class PackageError(Exception):
    """The build or its smoke test failed; the message says how."""


def architecture() -> str:
    """Debian's name for this machine's architecture (dpkg's own answer when it is here)."""
    if shutil.which("dpkg") is not None:
        answer = subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=False
        )
        if answer.returncode == 0 and answer.stdout.strip():
            return answer.stdout.strip()
    machine = platform.machine().lower()
    return {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(
        machine, machine
    )


def _elf_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def _dynamic(path: Path) -> str:
    result = subprocess.run(
        ["readelf", "--dynamic", "--version-info", "--wide", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout


def _needed_in(dynamic: str) -> list[str]:
    """The libraries a file links by name, from its ``readelf --dynamic`` text."""
    return re.findall(r"\(NEEDED\)\s.*\[(.+?)\]", dynamic)


def _loaded_by_name(path: Path) -> bool:
    """Python's own library and its extension modules: loaded by name, never NEEDED,
    and never a library of the system's."""
    return ".cpython-" in path.name or path.name.startswith("libpython")


def leave_out_plugins(app: Path) -> list[str]:
    """Remove LEFT_OUT_PLUGINS, then each library of the build machine's that only they
    needed (PyInstaller puts those at the top of ``_internal``). Returns what went."""
    internal = app / "_internal"
    gone = [p for p in internal.rglob("*") if p.name in LEFT_OUT_PLUGINS]
    for plugin in gone:
        plugin.unlink()
    elves = list(_elf_files(app))
    needs = {path: _needed_in(_dynamic(path)) for path in elves}
    by_name = {path.name: path for path in elves}
    by_name.update((p.name, p.resolve()) for p in internal.iterdir() if p.is_symlink())
    candidates = {p for p in elves if p.parent == internal and not _loaded_by_name(p)}
    reached: set[Path] = set()
    todo = [p for p in elves if p not in candidates]
    while todo:
        path = todo.pop()
        if path not in reached:
            reached.add(path)
            todo.extend(by_name[n] for n in needs.get(path, []) if n in by_name)
    unused = sorted(candidates - reached)
    for library in unused:
        library.unlink()
    return [p.name for p in gone + unused]


def _system_libraries() -> dict[str, Path]:
    """Each shared library the dynamic linker knows here, by name (``ldconfig -p``)."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=False)
    found: dict[str, Path] = {}
    for line in listing.stdout.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        soname = name.split(" (", 1)[0]
        if path and soname not in found:  # the first is the one this architecture uses
            found[soname] = Path(path)
    return found


def _package_of(path: Path) -> str | None:
    """The Debian package that installed ``path`` (with /usr merged or not)."""
    text = str(path)
    for candidate in dict.fromkeys(
        (text, str(path.resolve()), "/usr" + text if text.startswith("/lib") else text)
    ):
        answer = subprocess.run(
            ["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False
        )
        for line in answer.stdout.splitlines() if answer.returncode == 0 else []:
            if line.startswith("diversion by ") or ": " not in line:
                continue  # "diversion by PKG from: PATH" comes before the owner's line
            name = line.split(": ", 1)[0].split(",", 1)[0].split(":", 1)[0].strip()
            if re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", name):
                return name
    return None


def leave_to_system(internal: Path) -> dict[str, str]:
    """Take out of the bundle each library a package of this machine provides (the
    ``.deb`` depends on those packages instead); returns library name → package."""
    system = _system_libraries()
    left: dict[str, str] = {}
    for path in sorted(internal.iterdir()):
        if (
            path.is_symlink()  # a link to a library of a wheel inside the bundle
            or not path.is_file()
            or _loaded_by_name(path)
            or path.name not in system
        ):
            continue
        package = _package_of(system[path.name])
        if package is not None:
            path.unlink()
            left[path.name] = package
    return left


def needed_from_system(folder: Path) -> tuple[set[str], tuple[int, int]]:
    """The libraries the bundle needs but doesn't carry, and the newest glibc it asks for."""
    elves = list(_elf_files(folder))
    carried = {path.name for path in folder.rglob("*")}
    outside: set[str] = set()
    glibc = (2, 17)
    for path in elves:
        text = _dynamic(path)
        outside.update(n for n in _needed_in(text) if n not in carried)
        for major, minor in re.findall(r"Name: GLIBC_(\d+)\.(\d+)", text):
            glibc = max(glibc, (int(major), int(minor)))
    return outside, glibc


def shlibs_versions(files: list[Path], internal: Path) -> dict[str, str]:
    """Package → the oldest version that has every symbol the bundle uses, e.g.
    ``libsqlite3-0`` → ``(>= 3.36.0)``, as ``dpkg-shlibdeps`` (Debian's dpkg-dev) works
    it out; {} when it isn't here or can't (a library the builder lacks)."""
    if shutil.which("dpkg-shlibdeps") is None:
        return {}
    with tempfile.TemporaryDirectory(prefix="recovery-shlibs-") as tmp:
        (Path(tmp) / "debian").mkdir()
        (Path(tmp) / "debian" / "control").write_text(
            "Source: recovery-companion\n\nPackage: recovery-companion\nArchitecture: any\n"
        )
        result = subprocess.run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", f"-l{internal}"]
            + [str(path) for path in files],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
    line = result.stdout.strip()
    if result.returncode != 0 or not line.startswith("shlibs:Depends="):
        return {}
    versions: dict[str, str] = {}
    for item in line.removeprefix("shlibs:Depends=").split(", "):
        name, _, constraint = item.partition(" ")
        if "|" not in item:  # an alternative is left to the names worked out here
            versions[name] = constraint
    return versions


def debian_depends(
    libraries: Iterable[str],
    glibc: tuple[int, int],
    left: dict[str, str] | None = None,
    versions: dict[str, str] | None = None,
) -> list[str]:
    """The Depends line: the packages of the libraries ``left`` to the system, and of
    the others these need, each with its oldest usable version where ``versions`` has
    it; a library with no known package is an error."""
    known = {**SYSTEM_LIBRARIES, **(left or {})}
    unknown = sorted(set(libraries) - known.keys())
    if unknown:
        raise PackageError(
            "The build needs libraries it doesn't carry and devtools/package.py doesn't "
            f"know the package of: {', '.join(unknown)}. Add them to SYSTEM_LIBRARIES."
        )
    versions = versions or {}
    packages = {known[name] for name in libraries} | set((left or {}).values()) | set(versions)
    libc = f"libc6 (>= {glibc[0]}.{glibc[1]})"
    return [libc] + [
        f"{name} {versions[name]}" if versions.get(name) else name
        for name in sorted(packages - {"libc6"})
    ]


def control_text(depends: list[str], installed_kib: int) -> str:
    lines = [
        f"Package: {PACKAGE}",
        f"Version: {__version__}",
        f"Architecture: {architecture()}",
        f"Maintainer: {APP_NAME} team <team@recoverycompanion.org>",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(depends)}",
        "Recommends: fonts-dejavu-core",
        "Section: utils",
        "Priority: optional",
        f"Description: {APP_NAME}: a private, offline recovery companion",
        " A desktop companion for recovery from benzodiazepine and other substance use:",
        " a daily check-in, cravings and what set them off, support-group meeting",
        " reminders, a taper diary for the plan a prescriber set, information to read",
        " offline, and help one key away. Nothing leaves the computer.",
    ]
    return "\n".join(lines) + "\n"


def render_icons(share: Path) -> None:
    """The app icon in each freedesktop size, drawn from resources/icons/app.svg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    source = ROOT / "resources" / "icons" / "app.svg"
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise PackageError(f"{source} is not a valid SVG")
    hicolor = share / "icons" / "hicolor"
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise PackageError(f"could not write {target}")
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)


def desktop_files(share: Path) -> None:
    """The desktop entry, the AppStream metadata and the icons, under ``share``."""
    desktop = ROOT / "resources" / "desktop"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(desktop / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(
        desktop / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml"
    )
    render_icons(share)


def run_pyinstaller(work: Path) -> Path:
    """The one-folder build; returns its folder (``recovery-app`` and ``_internal``)."""
    entry = work / "entry.py"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text("from recovery_app.cli import main\n\nraise SystemExit(main())\n")
    sep = os.pathsep
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--onedir",
        "--name",
        "recovery-app",
        "--distpath",
        str(work / "dist"),
        "--workpath",
        str(work / "build"),
        "--specpath",
        str(work),
        # The resources sit where an installed wheel has them (recovery_app/resources.py).
        "--add-data",
        f"{ROOT / 'resources'}{sep}recovery_app/_resources",
        # Alembic reads the migration scripts as files.
        "--add-data",
        f"{ROOT / 'recovery_app' / 'storage' / 'migrations'}{sep}recovery_app/storage/migrations",
        str(entry),
    ]
    if subprocess.call(command, cwd=ROOT) != 0:
        raise PackageError("PyInstaller failed (its messages are above)")
    return work / "dist" / "recovery-app"


def normalise_modes(folder: Path) -> None:
    """0755 for folders and programs, 0644 for the rest, whatever the builder's umask
    (an 077 one made dpkg-deb refuse, an 027 one a package others couldn't start)."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)


def _size_kib(folder: Path) -> int:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) // 1024 + 1


def build_deb(app: Path, share: Path, out: Path, stage: Path) -> tuple[Path, dict[str, str]]:
    root = stage / "deb"
    shutil.copytree(app, root / INSTALL_DIR, symlinks=True)
    left = leave_to_system(root / INSTALL_DIR / "_internal")
    shutil.copytree(share, root / "usr" / "share")
    (root / "usr" / "bin").mkdir(parents=True)
    # Relative, so it also works in a folder the package is unpacked into.
    (root / "usr" / "bin" / "recovery-app").symlink_to(
        Path("..", "..", INSTALL_DIR, "recovery-app")
    )
    libraries, glibc = needed_from_system(root / INSTALL_DIR)
    internal = root / INSTALL_DIR / "_internal"
    versions = shlibs_versions(list(_elf_files(root / INSTALL_DIR)), internal)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        control_text(debian_depends(libraries, glibc, left, versions), _size_kib(root))
    )
    normalise_modes(root)
    deb = out / f"{PACKAGE}_{__version__}_{architecture()}.deb"
    built = subprocess.run(
        [
            "dpkg-deb",
            "--root-owner-group",
            # zstd: every dpkg that has the glibc this build needs (Debian 12, Ubuntu
            # 22.04 and later) reads it; 3 s here against 57 s for xz, 73 MB against 60.
            "-Zzstd",
            "-z9",
            "--build",
            str(root),
            str(deb),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:
        raise PackageError(f"dpkg-deb failed: {built.stderr.strip()}")
    return deb, left


def build_tarball(app: Path, share: Path, out: Path) -> Path:
    """The same folder for any Linux: unpack anywhere, run ./recovery-app."""
    name = f"{PACKAGE}-{__version__}-linux-{platform.machine().lower()}"
    tarball = out / f"{name}.tar.gz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        archive.add(app, arcname=name, filter=owned_by_root)
        archive.add(share, arcname=f"{name}/share", filter=owned_by_root)
    return tarball


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A person's environment, not this developer's: no virtual env, no Python path."""
    keep = ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR", "DISPLAY", "XAUTHORITY")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    return {**env, "HOME": str(home), **extra}


def _run_app(command: list[str], env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=180, check=False
    )
    if result.returncode != 0:
        raise PackageError(
            f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return result.stdout


def _self_test(command: list[str], env: dict[str, str], cwd: Path) -> str:
    """Run ``recovery-app self-test`` as ``command`` does; what it checked, in a line."""
    out = _run_app([*command, "self-test"], env, cwd)
    if "works on this computer" not in out:
        raise PackageError(f"{' '.join(command)} self-test printed:\n{out}")
    return "; ".join(line[4:] for line in out.splitlines() if line.startswith("ok  "))


def smoke_test(deb: Path, tarball: Path) -> list[str]:
    """Unpack both into fresh folders and start the app from each; what was checked."""
    checked: list[str] = []
    with tempfile.TemporaryDirectory(prefix="recovery-package-smoke-") as tmp:
        fresh = Path(tmp)
        unpacked = fresh / "deb"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
        expected = [
            Path("usr/share/applications") / f"{APP_ID}.desktop",
            Path("usr/share/metainfo") / f"{APP_ID}.metainfo.xml",
            Path("usr/share/icons/hicolor/scalable/apps") / f"{APP_ID}.svg",
            *(Path(f"usr/share/icons/hicolor/{s}x{s}/apps") / f"{APP_ID}.png" for s in ICON_SIZES),
        ]
        missing = [str(p) for p in expected if not (unpacked / p).is_file()]
        if missing:
            raise PackageError(f"the .deb lacks {', '.join(missing)}")
        home = fresh / "home"
        home.mkdir()
        binary = unpacked / "usr" / "bin" / "recovery-app"
        version = _run_app([str(binary), "--version"], _clean_env(home), fresh).strip()
        if version != f"recovery-app {__version__}":
            raise PackageError(f"--version printed {version!r}")
        checked.append(f"the .deb unpacks and /usr/bin/recovery-app says {version!r}")
        offscreen = _clean_env(home, QT_QPA_PLATFORM="offscreen")
        done = _self_test([str(binary)], offscreen, fresh)
        checked.append("self-test passes offscreen: " + done)
        xvfb = shutil.which("xvfb-run")
        if xvfb is not None:
            on_x = _clean_env(home, QT_QPA_PLATFORM="xcb")
            done = _self_test([xvfb, "-a", str(binary)], on_x, fresh)
            checked.append("self-test passes on a virtual X screen: " + done)
        else:
            checked.append("not tried on X: xvfb-run is not installed")
        with tarfile.open(tarball) as archive:
            archive.extractall(fresh / "tar", filter="data")
        (folder,) = (fresh / "tar").iterdir()
        _self_test([str(folder / "recovery-app")], offscreen, fresh)
        checked.append("the .tar.gz unpacks, and self-test passes from it offscreen")
        if any(home.iterdir()):  # after every start, the .tar.gz's too
            raise PackageError(f"the self-test wrote into the home folder: {list(home.iterdir())}")
    return checked


def build(out: Path) -> list[str]:
    """Everything: the build, both packages, the smoke test. Returns a report's lines."""
    for tool in ("readelf", "dpkg-deb"):
        if shutil.which(tool) is None:
            raise PackageError(f"{tool} is needed (Debian: binutils, dpkg)")
    os.umask(0o022)
    out.mkdir(parents=True, exist_ok=True)
    work = ROOT / "build" / "package"
    shutil.rmtree(work, ignore_errors=True)
    started = time.perf_counter()
    app = run_pyinstaller(work)
    left_out = leave_out_plugins(app)
    built = time.perf_counter()
    share = work / "share"
    desktop_files(share)
    normalise_modes(app)
    normalise_modes(share)
    deb, left = build_deb(app, share, out, work)
    tarball = build_tarball(app, share, out)
    packed = time.perf_counter()
    lines = [
        f"PyInstaller: {built - started:.0f} s, a folder of {_size_kib(app) / 1024:.0f} MB",
        f"left out: {', '.join(left_out)}",
        f"the .deb depends on {len(set(left.values()))} packages for {len(left)} libraries "
        "the .tar.gz carries",
        f"{deb.name}: {deb.stat().st_size / 2**20:.0f} MB, "
        f"{tarball.name}: {tarball.stat().st_size / 2**20:.0f} MB ({packed - built:.0f} s)",
    ]
    lines += smoke_test(deb, tarball)
    lines.append(f"smoke test: {time.perf_counter() - packed:.0f} s")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the packages go")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("The packages are built on Linux (a .deb and a .tar.gz).", file=sys.stderr)
        return 2
    try:
        for line in build(args.out):
            print(line, flush=True)
    except PackageError as exc:
        print(f"package: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
