"""My reasons, favourite skills and plan versions in the export (version 6)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from recovery_app.core.i18n import translate
from recovery_app.core.toolkit.plan import PlanVersion, validate_plan
from recovery_app.core.toolkit.reasons import Reason, validate_reason
from recovery_app.core.toolkit.skills import BY_KEY
from recovery_app.storage.exchange.fields import Fields, add_missing, unique
from recovery_app.storage.exchange.rules import records
from recovery_app.storage.toolkit.plan import Plans
from recovery_app.storage.toolkit.reasons import Favourites, Reasons


def toolkit_document(conn: Connection) -> dict[str, Any]:
    return {
        "reasons": [{"uid": r.uid, "text": r.text} for r in Reasons(conn).all()],
        "favourite_skills": Favourites(conn).keys(),
        "plan_versions": [
            {"uid": v.uid, "saved_at": v.saved_at.isoformat(), "sections": v.sections}
            for v in Plans(conn).versions()
        ],
    }


def read_plans(raw: dict[str, Any]) -> tuple[PlanVersion, ...]:
    found = []
    for i, r in enumerate(records(raw, "plan_versions")):
        f = Fields(
            r,
            translate("storage.exchange.toolkit", "plan version number {value}").format(
                value=i + 1
            ),
        )
        sections = r.get("sections")
        if not isinstance(sections, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in sections.items()
        ):
            raise f.fail(translate("storage.exchange.toolkit", "has sections that are not text"))
        with f.checking():
            kept = validate_plan(sections)
        found.append(PlanVersion(kept, f.instant("saved_at"), f.uid()))
    unique(
        translate("storage.exchange.toolkit", "the file"),
        translate("storage.exchange.toolkit", "plan versions with the same id"),
        [v.uid for v in found],
    )
    return tuple(found)


def read_reasons(raw: dict[str, Any]) -> tuple[Reason, ...]:
    found = []
    for i, r in enumerate(records(raw, "reasons")):
        f = Fields(
            r, translate("storage.exchange.toolkit", "reason number {value}").format(value=i + 1)
        )
        item = Reason(f.text("text"), f.uid())
        with f.checking():
            found.append(validate_reason(item))
    unique(
        translate("storage.exchange.toolkit", "the file"),
        translate("storage.exchange.toolkit", "reasons with the same id"),
        [r.uid for r in found],
    )
    return tuple(found)


def read_favourites(raw: dict[str, Any]) -> tuple[str, ...]:
    """Skill keys; one this version doesn't have (from a newer app) is left out."""
    keys = Fields(raw, translate("storage.exchange.toolkit", "the file")).texts(
        "favourite_skills", most=100
    )
    return tuple(dict.fromkeys(key for key in keys if key in BY_KEY))


def merge_toolkit(
    conn: Connection,
    reasons: tuple[Reason, ...],
    favourites: tuple[str, ...],
    plans: tuple[PlanVersion, ...],
    now: datetime,
) -> int:
    repo = Reasons(conn)
    added = add_missing(reasons, repo.uids(), lambda item: repo.save(item, now))
    marked = Favourites(conn)
    already = set(marked.keys())
    for key in favourites:
        if key not in already:
            marked.mark(key, True, now)
            added += 1
    versions = Plans(conn)
    # Each keeps its own date, so the newest stays the plan; never one in the future,
    # which would stay "the plan" for good.
    return added + add_missing(
        plans,
        versions.uids(),
        lambda version: versions.add(replace(version, saved_at=min(version.saved_at, now))),
    )
