"""Translatable words of the reform screens: statuses, hit kinds, roles, group names.

The core names statuses and kinds by stable values (`completed`, `status_event`) and names
its catch-all groups in English; every screen shows them through this one module, so
"Delayed" is the same word, বিলম্বিত in Bangla, on the committee table, the search results
and the drill-down lists. The five NSSS thematic clusters have no Bangla name in the demo data,
so their official English names are translated here as a fallback.
"""

from __future__ import annotations

from datetime import date

from nsss_desktop.services.reform_views import STATUS_ORDER, ActivityRow, Group
from ui import i18n
from ui.qt import QT_TRANSLATE_NOOP, translate

STATUSES = {
    "completed": QT_TRANSLATE_NOOP("Status", "Completed"),
    "in_progress": QT_TRANSLATE_NOOP("Status", "In progress"),
    "delayed": QT_TRANSLATE_NOOP("Status", "Delayed"),
    "not_started": QT_TRANSLATE_NOOP("Status", "Not started"),
    "dropped": QT_TRANSLATE_NOOP("Status", "Dropped"),
}
assert tuple(STATUSES) == STATUS_ORDER

STATUS_COLOURS = {  # one colour per status on every chart
    "completed": "#006a4e",
    "in_progress": "#2b7bba",
    "delayed": "#c8102e",
    "not_started": "#a0a0a0",
    "dropped": "#5b4a3f",
}

KINDS = {
    "objective": QT_TRANSLATE_NOOP("HitKind", "Objective"),
    "activity": QT_TRANSLATE_NOOP("HitKind", "Activity"),
    "indicator": QT_TRANSLATE_NOOP("HitKind", "Indicator"),
    "comment": QT_TRANSLATE_NOOP("HitKind", "Comment"),
    "status_event": QT_TRANSLATE_NOOP("HitKind", "Status note"),
    "evidence": QT_TRANSLATE_NOOP("HitKind", "Evidence"),
}

ROLES = {
    "lead": QT_TRANSLATE_NOOP("Role", "Lead"),
    "shared": QT_TRANSLATE_NOOP("Role", "Shared"),
}

BASES = {
    "objective": QT_TRANSLATE_NOOP("Basis", "Objective's cluster"),
    "ministry": QT_TRANSLATE_NOOP("Basis", "Ministry's membership"),
}

NO_GROUP = {
    "No responsible ministry": QT_TRANSLATE_NOOP("Groups", "No responsible ministry"),
    "No thematic cluster": QT_TRANSLATE_NOOP("Groups", "No thematic cluster"),
}

CLUSTERS = {
    "Social Allowance": QT_TRANSLATE_NOOP("Clusters", "Social Allowance"),
    "Food Security and Disaster Assistance": QT_TRANSLATE_NOOP(
        "Clusters", "Food Security and Disaster Assistance"),
    "Social Insurance": QT_TRANSLATE_NOOP("Clusters", "Social Insurance"),
    "Labour/Livelihood Interventions": QT_TRANSLATE_NOOP(
        "Clusters", "Labour/Livelihood Interventions"),
    "Human Development and Social Empowerment": QT_TRANSLATE_NOOP(
        "Clusters", "Human Development and Social Empowerment"),
}


def status(value: str | None) -> str:
    if not value:
        return ""
    return translate("Status", STATUSES[value]) if value in STATUSES else value


def kind(value: str) -> str:
    return translate("HitKind", KINDS[value]) if value in KINDS else value


def role(value: str | None) -> str:
    return translate("Role", ROLES[value]) if value in ROLES else ""


def basis(value: str | None) -> str:
    return translate("Basis", BASES[value]) if value in BASES else ""


def name(name_en: str, name_bn: str | None) -> str:
    """A ministry's or cluster's name in the interface language (English where no Bangla)."""
    if i18n.current_language() == "bn":
        if name_bn:
            return name_bn
        if name_en in CLUSTERS:
            return translate("Clusters", CLUSTERS[name_en])
    return name_en


def group_name(group: Group) -> str:
    if group.key is None and group.name_en in NO_GROUP:
        return translate("Groups", NO_GROUP[group.name_en])
    return name(group.name_en, group.name_bn)


def activity_text(row: ActivityRow) -> str:
    if i18n.current_language() == "bn" and row.text_bn:
        return row.text_bn
    return row.text_en


def activity_number(row: ActivityRow) -> str:
    """The printed number, with its plan's code ("AP2016 1.4"): numbers restart per plan."""
    number = i18n.digits(row.number or "–")
    return f"{row.plan_code} {number}" if row.plan_code else number


def status_text(row: ActivityRow) -> str:
    """The derived status, and the status waiting for approval when there is one."""
    shown = status(row.status)
    if row.current.pending_status:
        return translate("Status", "{status} (pending: {pending})").format(
            status=shown, pending=status(row.current.pending_status))
    return shown


def day(value: date | None) -> str:
    return i18n.digits(value.isoformat()) if value else "—"
