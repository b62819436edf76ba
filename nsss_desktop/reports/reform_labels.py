"""English and Bangla texts of the reform tracking report.

A report is printed or written from the CLI as well as the GUI, where no Qt translator is
installed, so the report carries its own two-language texts here instead of the UI catalogs.
Status words are the ones the GED uses in its Bangla reports.
"""

from __future__ import annotations

from nsss_desktop.domain.enums import ActivityStatus
from nsss_desktop.domain.numbers import format_decimal

STATUS_BN = {
    ActivityStatus.COMPLETED.value: "সম্পন্ন",
    ActivityStatus.IN_PROGRESS.value: "চলমান",
    ActivityStatus.DELAYED.value: "বিলম্বিত",
    ActivityStatus.NOT_STARTED.value: "শুরু হয়নি",
    ActivityStatus.DROPPED.value: "বাদ দেওয়া হয়েছে",
}

TEXTS: dict[str, dict[str, str]] = {
    "title": {"en": "Reform tracking report", "bn": "সংস্কার অগ্রগতি প্রতিবেদন"},
    "subtitle": {"en": "NSSS Action Plan activities: status as of {date}",
                 "bn": "এনএসএসএস কর্মপরিকল্পনার কার্যক্রম: {date} তারিখ পর্যন্ত অবস্থা"},
    "summary.ministry": {"en": "Summary by ministry or division",
                         "bn": "মন্ত্রণালয়/বিভাগভিত্তিক সারসংক্ষেপ"},
    "summary.cluster": {"en": "Summary by thematic cluster",
                        "bn": "থিমেটিক ক্লাস্টারভিত্তিক সারসংক্ষেপ"},
    "summary.status": {"en": "Summary by status", "bn": "অবস্থাভিত্তিক সারসংক্ষেপ"},
    "summary.objective": {"en": "Summary by objective", "bn": "উদ্দেশ্যভিত্তিক সারসংক্ষেপ"},
    "summary.plan": {"en": "Summary by action plan", "bn": "কর্মপরিকল্পনাভিত্তিক সারসংক্ষেপ"},
    "group.ministry": {"en": "Ministry / division", "bn": "মন্ত্রণালয়/বিভাগ"},
    "group.cluster": {"en": "Thematic cluster", "bn": "থিমেটিক ক্লাস্টার"},
    "group.status": {"en": "Status", "bn": "অবস্থা"},
    "group.objective": {"en": "Objective", "bn": "উদ্দেশ্য"},
    "group.plan": {"en": "Action plan", "bn": "কর্মপরিকল্পনা"},
    "total": {"en": "Total", "bn": "মোট"},
    "total_row": {"en": "Total (each activity counted once)",
                  "bn": "মোট (প্রতিটি কার্যক্রম একবার গণনা)"},
    "percent_completed": {"en": "% completed", "bn": "% সম্পন্ন"},
    "no_ministry": {"en": "No responsible ministry", "bn": "দায়িত্বপ্রাপ্ত মন্ত্রণালয় উল্লেখ নেই"},
    "no_cluster": {"en": "No thematic cluster", "bn": "কোনো থিমেটিক ক্লাস্টারে নেই"},
    "details": {"en": "Activities", "bn": "কার্যক্রমের বিবরণ"},
    "overdue": {"en": "Overdue activities", "bn": "মেয়াদোত্তীর্ণ কার্যক্রম"},
    "col.number": {"en": "No.", "bn": "ক্রমিক"},
    "col.activity": {"en": "Activity", "bn": "কার্যক্রম"},
    "col.responsible": {"en": "Responsible ministry", "bn": "দায়িত্বপ্রাপ্ত মন্ত্রণালয়"},
    "col.shared": {"en": "Shared responsibility", "bn": "যৌথ দায়িত্ব"},
    "col.timeframe": {"en": "Timeframe", "bn": "সময়সীমা"},
    "col.status": {"en": "Current status", "bn": "বর্তমান অবস্থা"},
    "col.last_update": {"en": "Last update", "bn": "সর্বশেষ হালনাগাদ"},
    "col.evidence": {"en": "Evidence files", "bn": "প্রমাণক"},
    "col.due": {"en": "Due date", "bn": "নির্ধারিত তারিখ"},
    "col.days_overdue": {"en": "Days overdue", "bn": "বিলম্ব (দিন)"},
    "pending": {"en": "{status} (pending: {pending})",
                "bn": "{status} (অনুমোদনের অপেক্ষায়: {pending})"},
    "scope": {"en": "{count} activities in this report: {filters}.",
              "bn": "এই প্রতিবেদনে {count}টি কার্যক্রম: {filters}।"},
    "scope.one": {"en": "1 activity in this report: {filters}.",
                  "bn": "এই প্রতিবেদনে ১টি কার্যক্রম: {filters}।"},
    "scope.all": {"en": "all activities", "bn": "সব কার্যক্রম"},
    "filter.plan": {"en": "action plan {value}", "bn": "কর্মপরিকল্পনা {value}"},
    "filter.ministry": {"en": "led or shared by {value}",
                        "bn": "{value}-এর নেতৃত্বে বা যৌথ দায়িত্বে"},
    "filter.cluster": {"en": "thematic cluster {value}", "bn": "থিমেটিক ক্লাস্টার {value}"},
    "filter.status": {"en": "status {value}", "bn": "অবস্থা {value}"},
    "filter.due_from": {"en": "due on or after {value}",
                        "bn": "নির্ধারিত তারিখ {value} বা তার পরে"},
    "filter.due_to": {"en": "due on or before {value}",
                      "bn": "নির্ধারিত তারিখ {value} বা তার আগে"},
    "or": {"en": " or ", "bn": " বা "},
    "note.shared": {
        "en": "An activity led by one ministry and shared with others appears under each of "
              "them; the total row counts it once.",
        "bn": "একটি মন্ত্রণালয়ের নেতৃত্বে ও অন্য মন্ত্রণালয়ের যৌথ দায়িত্বে থাকা কার্যক্রম "
              "প্রত্যেক মন্ত্রণালয়ের অধীনে দেখানো হয়েছে; মোট সারিতে তা একবারই গণনা করা হয়েছে।"},
    "note.cluster": {
        "en": "An activity whose objective has no thematic cluster appears under every cluster "
              "its responsible ministry belongs to; the total row counts it once.",
        "bn": "যে কার্যক্রমের উদ্দেশ্যের কোনো থিমেটিক ক্লাস্টার নেই, তা দায়িত্বপ্রাপ্ত "
              "মন্ত্রণালয় যেসব ক্লাস্টারের সদস্য তার প্রতিটির অধীনে দেখানো হয়েছে; মোট সারিতে "
              "তা একবারই গণনা করা হয়েছে।"},
    "note.repeated": {"en": "Here {count} activities appear in more than one row.",
                      "bn": "এখানে {count}টি কার্যক্রম একাধিক সারিতে এসেছে।"},
    "note.repeated.one": {"en": "Here 1 activity appears in more than one row.",
                          "bn": "এখানে ১টি কার্যক্রম একাধিক সারিতে এসেছে।"},
    "note.percent": {"en": "% completed = completed ÷ total, rounded half up to one decimal.",
                     "bn": "% সম্পন্ন = সম্পন্ন ÷ মোট, এক দশমিক ঘর পর্যন্ত।"},
    "note.status": {
        "en": "The status is the latest approved status report dated on or before {date}; an "
              "activity past its due date that is neither completed nor dropped is shown as "
              "delayed. Reports awaiting approval are not counted; they are shown as pending.",
        "bn": "অবস্থা হলো {date} বা তার আগের তারিখের সর্বশেষ অনুমোদিত প্রতিবেদন; নির্ধারিত "
              "তারিখ পেরিয়ে যাওয়া যে কার্যক্রম সম্পন্ন বা বাদ দেওয়া হয়নি, তা বিলম্বিত "
              "দেখানো হয়েছে। অনুমোদনের অপেক্ষায় থাকা প্রতিবেদন গণনা করা হয়নি; সেগুলো "
              "'অনুমোদনের অপেক্ষায়' হিসেবে দেখানো হয়েছে।"},
    "none_overdue": {"en": "No activity in this report is overdue on {date}.",
                     "bn": "{date} তারিখে এই প্রতিবেদনের কোনো কার্যক্রম মেয়াদোত্তীর্ণ নয়।"},
    "provenance": {
        "en": "Data as of local change #{seq}, approval state: local (not yet synced), "
              "generated {time}",
        "bn": "তথ্য: স্থানীয় পরিবর্তন #{seq} পর্যন্ত, অনুমোদনের অবস্থা: স্থানীয় (এখনও সিঙ্ক "
              "হয়নি), তৈরি {time}"},
}


def text(key: str, lang: str, **values: str) -> str:
    """The text for `key` in `lang`, with `values` filled in."""
    return TEXTS[key][lang].format(**values)


def counted(key: str, count: int, lang: str, **values: str) -> str:
    """`key` for a count: English needs its own singular ('1 activity'), Bangla does not
    ('১টি কার্যক্রম'), so `key + '.one'` is used for 1 where it exists."""
    one = f"{key}.one"
    if count == 1 and one in TEXTS:
        return text(one, lang, **values)
    return text(key, lang, count=format_decimal(count, 0, lang), **values)


def status_label(status: str, lang: str) -> str:
    """'Delayed' / 'বিলম্বিত' for an ActivityStatus value."""
    return STATUS_BN[status] if lang == "bn" else ActivityStatus(status).label_en
