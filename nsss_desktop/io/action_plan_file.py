"""Open an uploaded workbook defensively: read it once, refuse what we must not parse.

The file is read from disk exactly once, into memory (it is at most 30 MiB), and every check
and the parse work on those bytes, so the file cannot change between a check and the read.
Nothing in it is ever executed: macro-enabled workbooks are refused outright (not merely
ignored), formulas are read as text and reported by the importer, and external links are not
followed. The checks name the problem the user can act on: an encrypted workbook needs its
password removed in Excel; an .xls or .xlsb, or a macro workbook, needs saving as .xlsx.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from nsss_desktop.errors import ImportRefused, Problem, UsageError

__all__ = ["MAX_FILE_BYTES", "MAX_UNZIPPED_BYTES", "OpenedWorkbook", "open_workbook"]

MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024  # a zip bomb expands far past what 20,000 rows need
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_MERGE_TAG = re.compile(rb'<(?:[A-Za-z0-9_]+:)?mergeCell\s[^>]*?\bref\s*=\s*["\']'
                        rb'([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)["\']')
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass
class OpenedWorkbook:
    """A workbook parsed read-only from memory, plus its zip for the parts openpyxl's
    read-only mode does not expose (merged cells)."""

    name: str
    workbook: Workbook
    archive: zipfile.ZipFile

    def close(self) -> None:
        self.workbook.close()
        self.archive.close()

    def merged_ranges(self, sheet_title: str) -> list[str]:
        """The merged ranges ("B2:B6") of a sheet.

        openpyxl's read-only mode does not read them, and parsing the whole sheet XML again
        would double the import time, so the part is streamed in 1 MiB pieces and only the
        `<mergeCell ref=...>` tags are picked out (a '<' inside cell text is always escaped,
        so the pattern cannot match text).
        """
        part = self._sheet_parts().get(sheet_title)
        if part is None:
            return []
        ranges: list[str] = []
        tail = b""
        with self.archive.open(part) as src:
            while chunk := src.read(1 << 20):
                window = tail + chunk
                cut = window.rfind(b"<")  # a tag may straddle the chunk boundary
                cut = len(window) if cut < 0 else cut
                ranges.extend(m.decode("ascii") for m in _MERGE_TAG.findall(window, 0, cut))
                tail = window[cut:]
            ranges.extend(m.decode("ascii") for m in _MERGE_TAG.findall(tail))
        return ranges

    def _sheet_parts(self) -> dict[str, str]:
        targets = {}
        with self.archive.open("xl/_rels/workbook.xml.rels") as src:
            for _, element in iterparse(src):
                if element.tag.endswith("}Relationship"):
                    target = element.get("Target", "")
                    path = target.lstrip("/") if target.startswith("/") else \
                        str(PurePosixPath("xl") / target)
                    targets[element.get("Id", "")] = path
        parts = {}
        with self.archive.open("xl/workbook.xml") as src:
            for _, element in iterparse(src):
                if element.tag.endswith("}sheet"):
                    rid = element.get(f"{_NS_REL}id", "")
                    if rid in targets:
                        parts[element.get("name", "")] = targets[rid]
        return parts


def _refuse(name: str, code: str, message: str, hint: str = "") -> ImportRefused:
    return ImportRefused([Problem(name, None, None, code, message)], hint=hint)


def open_workbook(path: Path) -> OpenedWorkbook:
    """Read and check the file; raise `ImportRefused` with the one reason it cannot be read."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UsageError(f"{path} is not a file.", hint="Choose an .xlsx workbook.")
        if size > MAX_FILE_BYTES:
            raise _refuse(name, "too_large", f"The file is {size / 2**20:.1f} MiB; the limit is "
                          f"{MAX_FILE_BYTES // 2**20} MiB.",
                          "Split the plan into several workbooks, or remove pictures.")
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise UsageError(f"No file at {path}.", hint="Check the file name.") from exc
    except OSError as exc:
        raise UsageError(f"Cannot read {path}: {exc.strerror}.",
                         hint="Close the file in Excel and check it can be opened.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(name, "too_large", "The file grew past the limit while being read.")
    if path.suffix.lower() == ".xlsb":
        raise _refuse(name, "unsupported_format", "A binary workbook (.xlsb) cannot be read.",
                      "In Excel: File > Save As > Excel Workbook (*.xlsx).")
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise _refuse(name, "macro", f"A macro-enabled workbook ({path.suffix}) is not "
                      "accepted.", "In Excel: File > Save As > Excel Workbook (*.xlsx).")
    if data.startswith(OLE2_SIGNATURE):
        if _ENCRYPTED_STREAM in data:
            raise _refuse(name, "encrypted", "The workbook is password-protected (encrypted).",
                          "Open it in Excel, remove the password (File > Info > Protect "
                          "Workbook) and save it again.")
        raise _refuse(name, "unsupported_format", "This is an Excel 97-2003 (.xls) workbook.",
                      "In Excel: File > Save As > Excel Workbook (*.xlsx).")
    return _open_zip(name, data)


def _open_zip(name: str, data: bytes) -> OpenedWorkbook:
    corrupt_hint = "Open the file in Excel, save it as .xlsx and try again."
    if not data.startswith(ZIP_SIGNATURE):
        raise _refuse(name, "corrupt", "The file is not an Excel workbook (.xlsx).", corrupt_hint)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _refuse(name, "corrupt", f"The workbook is damaged ({exc}).", corrupt_hint) from exc
    lowered = [n.lower() for n in names]
    if any(n.endswith("vbaproject.bin") or n.startswith("xl/macrosheets/") for n in lowered):
        archive.close()
        raise _refuse(name, "macro", "The workbook contains macros (a VBA project).",
                      "In Excel: File > Save As > Excel Workbook (*.xlsx), which drops them.")
    if "xl/workbook.xml" not in lowered or "[content_types].xml" not in lowered:
        archive.close()
        raise _refuse(name, "corrupt", "The file is a zip archive but not an Excel workbook.",
                      corrupt_hint)
    expanded = sum(info.file_size for info in archive.infolist())
    if expanded > MAX_UNZIPPED_BYTES:
        archive.close()
        raise _refuse(name, "too_large", f"The workbook expands to {expanded / 2**20:.0f} MiB; "
                      f"the limit is {MAX_UNZIPPED_BYTES // 2**20} MiB.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles/extensions it skips
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False,
                                     keep_links=False, keep_vba=False)
    except Exception as exc:  # openpyxl raises many types for damaged parts
        archive.close()
        raise _refuse(name, "corrupt", f"The workbook could not be read ({type(exc).__name__}).",
                      corrupt_hint) from exc
    return OpenedWorkbook(name, workbook, archive)
