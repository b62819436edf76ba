"""Reports: a Qt-free document model, the builders that fill it, and the Excel writer.

The PDF writer lives in `ui/pdf_render.py` (Qt shapes Bangla and embeds the font); the core
never imports Qt, so the CLI imports that module only when asked for a PDF.
"""

from nsss_desktop.reports.document import ReportDocument, Section
from nsss_desktop.reports.reform_report import GROUP_BYS, build_reform_report
from nsss_desktop.reports.xlsx import export_report_xlsx

__all__ = ["GROUP_BYS", "ReportDocument", "Section", "build_reform_report",
           "export_report_xlsx"]
