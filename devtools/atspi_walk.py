"""What a screen reader sees: walk the running app over AT-SPI, every page and the main
dialogs, and report every control a person can reach that has no name.

Run by devtools/atspi_session.py with the system's Python (Debian's python3-pyatspi);
it imports nothing of the app. Each page is reached with its Ctrl+number, each dialog
by pressing its button over AT-SPI, and closed again with Escape.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pyatspi

APP = "Recovery Companion"
# Buttons that open a dialog and change nothing by being pressed (their names, as read).
DIALOGS = {
    "Add a meeting", "Get help now", "Appearance", "Enter my prescriber's plan",
    "Note today's symptoms", "My own symptoms", "Write my plan", "Add a reason",
    "Take the PHQ-9 (mood)", "Make a report", "Reminders", "I'm having a craving",
    "Write a journal entry", "Log a craving", "Manage triggers and coping strategies",
    "Take the private self-check", "Set a passphrase",
}  # fmt: skip
REACHABLE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_LIST_ITEM,
}  # fmt: skip


def until(found: Callable[[], Any], seconds: float = 15.0) -> Any:
    """Poll another process's state (the app's tree) until it is there, or give up."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = found()
        if value:
            return value
        time.sleep(0.1)
    return None


def nodes(node: Any) -> Iterator[Any]:
    try:
        count = node.childCount
    except Exception:  # a node that went away while walking
        return
    yield node
    for i in range(count):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from nodes(child)


def showing(node: Any) -> bool:
    return bool(node.getState().contains(pyatspi.STATE_SHOWING))


def app_node() -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    children = (desktop.getChildAtIndex(i) for i in range(desktop.childCount))
    return next((a for a in children if a is not None and a.name == APP), None)


def unnamed(where: str, window: Any, buttons: list[Any] | None = None) -> tuple[int, list[str]]:
    """How many reachable controls, and the ones with no name; the buttons go to
    ``buttons`` on the way (one walk: each step is a call over D-Bus)."""
    count, found = 0, []
    for node in nodes(window):
        role = node.getRole()
        if role in REACHABLE and showing(node):
            if buttons is not None and role == pyatspi.ROLE_PUSH_BUTTON:
                buttons.append(node)
            count += 1
            if not (node.name or "").strip():
                parent = node.parent
                found.append(
                    f"{where}: an unnamed {node.getRoleName()} in "
                    f"{parent.getRoleName() if parent else '?'} “{parent.name if parent else ''}”"
                )
    return count, found


def selected(nav: Any, page: str) -> bool:
    return any(n.name == page and n.getState().contains(pyatspi.STATE_SELECTED) for n in nodes(nav))


def newer(app: Any) -> Any:
    """The window that opened: the active one that is not the main window (child 0; a
    dialog the app keeps hidden for next time stays in the tree, so counting won't do)."""
    for i in range(1, app.childCount):
        child = app.getChildAtIndex(i)
        if child is not None and showing(child) and child.getState().contains(pyatspi.STATE_ACTIVE):
            return child
    return None


def closed(window: Any) -> bool:
    """Gone, or hidden (a dialog the app keeps for next time stays in the tree)."""
    try:
        return not showing(window)
    except Exception:
        return True


def key(keys: str) -> None:
    subprocess.run(["xdotool", "key", keys], check=False)


def main() -> int:
    app = until(app_node, 60)
    if app is None:
        print(f"PROBLEM: no AT-SPI application is named “{APP}”")
        return 1
    frame = app.getChildAtIndex(0)
    nav = until(
        lambda: next(
            (n for n in nodes(frame) if n.getRole() == pyatspi.ROLE_LIST and n.name == "Pages"),
            None,
        ),
        60,
    )
    if nav is None:
        print("PROBLEM: the sidebar's list of pages is not named “Pages”")
        return 1
    pages = [nav.getChildAtIndex(i).name for i in range(nav.childCount)]
    problems: list[str] = []
    visited: list[str] = []
    total = 0
    opened: set[str] = set()
    for index, page in enumerate(pages):
        key(f"ctrl+{index + 1}")
        until(partial(selected, nav, page), 5)
        time.sleep(0.5)  # the page builds on first show
        buttons: list[Any] = []
        count, found = unnamed(page, frame, buttons)
        total, problems = total + count, problems + found
        visited.append(page)
        for node in buttons:
            name = (node.name or "").split(":")[0].rstrip("…")
            if name not in DIALOGS or name in opened:
                continue
            opened.add(name)
            try:
                node.queryAction().doAction(0)
            except Exception as exc:
                problems.append(f"{page}: “{name}” can't be pressed ({exc})")
                continue
            window = until(partial(newer, app), 5)
            if window is None:
                continue
            time.sleep(0.3)
            count, found = unnamed(f"{page} › {window.name}", window)
            total, problems = total + count, problems + found
            visited.append(window.name)
            key("Escape")
            if until(partial(closed, window), 5) is None:
                key("Escape")  # a second step (the craving flow asks first)
                until(partial(closed, window), 5)
    print("VISITED:", " | ".join(visited))
    print("REACHABLE CONTROLS:", total)
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
