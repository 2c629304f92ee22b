"""Time zones: the IANA zones of the tz database the app ships (the ``tzdata`` package).

Only real, named zones count. Links and oddities a system may also list
(``localtime``, ``Factory``, ``posix/...``, ``right/...``) are not zones a
meeting can be in: a calendar file written with them would be unreadable elsewhere.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_NOT_ZONES = frozenset({"Factory", "localtime"})


@cache
def zone_names() -> frozenset[str]:
    listed = (resources.files("tzdata") / "zones").read_text(encoding="utf-8").split()
    return frozenset(
        name
        for name in listed
        if name not in _NOT_ZONES and not name.startswith(("posix/", "right/"))
    )


def known_zone(name: object) -> bool:
    """Whether ``name`` is one of those zones, and loads."""
    if not isinstance(name, str) or name not in zone_names():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
