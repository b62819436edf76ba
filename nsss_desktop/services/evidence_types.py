"""What an evidence file is (decided by its bytes) and what it may be called (a display name).

Two rules from the threat model (reliability test T20): the declared extension never decides
the type, because an `.exe` renamed `.pdf` is the classic way to smuggle a program onto an
office PC; and a file name from outside is only ever a *label*, never part of a path, because
`../../x.pdf`, `C:\\x\\y.pdf`, `CON.pdf` or an RTL override (which makes `exe.pdf` look like
`fdp.exe`) are how names attack a desktop. The checks are pure functions over bytes and text
so that they can be tested exhaustively without a database.
"""

from __future__ import annotations

import re
import struct
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

HEADER_BYTES = 64  # enough for every signature below


@dataclass(frozen=True)
class FileType:
    """An allowed type: its media type and the extensions a saved copy may carry."""

    label: str
    media_type: str
    extensions: tuple[str, ...]

    @property
    def extension(self) -> str:
        return self.extensions[0]


PDF = FileType("PDF", "application/pdf", (".pdf",))
PNG = FileType("PNG image", "image/png", (".png",))
JPEG = FileType("JPEG image", "image/jpeg", (".jpg", ".jpeg"))
GIF = FileType("GIF image", "image/gif", (".gif",))
WEBP = FileType("WebP image", "image/webp", (".webp",))
TIFF = FileType("TIFF image", "image/tiff", (".tif", ".tiff"))
_OOXML = "application/vnd.openxmlformats-officedocument."
DOCX = FileType("Word document", _OOXML + "wordprocessingml.document", (".docx",))
XLSX = FileType("Excel workbook", _OOXML + "spreadsheetml.sheet", (".xlsx",))
PPTX = FileType("PowerPoint presentation", _OOXML + "presentationml.presentation", (".pptx",))
DOC = FileType("Word 97-2003 document", "application/msword", (".doc",))
XLS = FileType("Excel 97-2003 workbook", "application/vnd.ms-excel", (".xls",))
PPT = FileType("PowerPoint 97-2003 presentation", "application/vnd.ms-powerpoint", (".ppt",))
ALLOWED = (PDF, PNG, JPEG, GIF, WEBP, TIFF, DOCX, XLSX, PPTX, DOC, XLS, PPT)
BY_MEDIA_TYPE = {t.media_type: t for t in ALLOWED}

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# (main part, content type of that part) -> type; macro-enabled variants are not listed.
_OOXML_MAIN = {
    ("/word/document.xml", _OOXML + "wordprocessingml.document.main+xml"): DOCX,
    ("/xl/workbook.xml", _OOXML + "spreadsheetml.sheet.main+xml"): XLSX,
    ("/ppt/presentation.xml", _OOXML + "presentationml.presentation.main+xml"): PPTX,
}
_CONTENT_TYPES_LIMIT = 256 * 1024  # a real [Content_Types].xml is a few KiB; never inflate more
_OLE_STREAMS = {"WordDocument": DOC, "Workbook": XLS, "Book": XLS, "PowerPoint Document": PPT}
_OLE_MACRO_ENTRIES = {"macros", "_vba_project_cur", "vba", "_vba_project"}


class NotAllowed(Exception):
    """Raised by `detect` with a sentence saying what the bytes look like instead."""


def detect(head: bytes, whole: BinaryIO | None) -> FileType:
    """The allowed type of a file from its first bytes (and, for ZIP/OLE2 containers, its
    directory, read through the seekable `whole`); raise `NotAllowed` otherwise."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head.startswith(ZIP_MAGIC):
        if whole is None:
            raise NotAllowed("a ZIP archive that could not be inspected")
        return _ooxml(whole)
    if head.startswith(OLE2_MAGIC):
        if whole is None:
            raise NotAllowed("an OLE2 compound file that could not be inspected")
        return _ole2(whole)
    raise NotAllowed(describe(head))


def describe(head: bytes) -> str:
    """A short, honest description of a refused file, for the error message."""
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"MZ"):
        return "a Windows program (EXE/DLL)"
    if head.startswith(b"\x7fELF"):
        return "a Linux program"
    if head.startswith(b"#!"):
        return "a script"
    if lowered.startswith((b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml")):
        return "a web page or XML/SVG document"
    if head.startswith((b"PK\x05\x06", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return "a compressed archive"
    if head.startswith(b"{\\rtf"):
        return "an RTF document (save it as PDF or DOCX)"
    return "a file type that is not on the allowed list"


def _ooxml(whole: BinaryIO) -> FileType:
    """A ZIP is allowed only as a Word/Excel/PowerPoint file without macros.

    The content types are matched with a bounded regular expression, not an XML parser, so a
    hostile archive cannot use entity expansion; at most 256 KiB is ever inflated.
    """
    try:
        whole.seek(0)
        with zipfile.ZipFile(whole) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names:
                raise NotAllowed("a ZIP archive that is not an Office document")
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise NotAllowed("an Office document with macros")
            with archive.open("[Content_Types].xml") as fh:
                text = fh.read(_CONTENT_TYPES_LIMIT).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            OSError, EOFError, ValueError) as exc:
        raise NotAllowed("a damaged or unreadable ZIP archive") from exc
    overrides = {}
    for tag in re.findall(r"<Override\b[^>]{0,2000}>", text):
        attrs = dict(re.findall(r"(\w+)\s*=\s*[\"']([^\"']*)[\"']", tag))
        overrides[attrs.get("PartName", "").lower()] = attrs.get("ContentType", "").lower()
    for (part, content_type), kind in _OOXML_MAIN.items():
        if overrides.get(part) == content_type and part.lstrip("/") in names:
            return kind
    if any("macroenabled" in v for v in overrides.values()):
        raise NotAllowed("an Office document with macros")
    raise NotAllowed("a ZIP archive that is not a Word, Excel or PowerPoint document")


def _ole2(whole: BinaryIO) -> FileType:
    """Legacy DOC/XLS/PPT are OLE2 compound files, as are MSI installers: look at the streams.

    Reads the header, the FAT and the directory chain (bounded, loop-safe), collects entry
    names, and accepts the file only by its main stream; VBA storages mean macros: refused.
    """
    try:
        names = _ole2_entry_names(whole)
    except (struct.error, ValueError, OSError) as exc:
        raise NotAllowed("a damaged OLE2 compound file") from exc
    if {n.lower() for n in names} & _OLE_MACRO_ENTRIES:
        raise NotAllowed("an Office document with macros")
    for stream, kind in _OLE_STREAMS.items():
        if stream in names:
            return kind
    raise NotAllowed("an OLE2 compound file that is not a Word, Excel or PowerPoint document "
                     "(for example an installer)")


_END_OF_CHAIN = 0xFFFFFFFE
_MAX_REGULAR_SECTOR = 0xFFFFFFFA


def _ole2_entry_names(f: BinaryIO) -> set[str]:
    f.seek(0, 2)
    size = f.tell()
    f.seek(0)
    header = f.read(512)
    if len(header) < 512:
        raise ValueError("short header")
    shift = struct.unpack_from("<H", header, 30)[0]
    if shift not in (9, 12):
        raise ValueError("bad sector size")
    sector = 1 << shift
    max_sectors = size // sector + 1
    n_fat, first_dir = struct.unpack_from("<II", header, 44)
    first_difat, n_difat = struct.unpack_from("<II", header, 68)

    def read_sector(number: int) -> bytes:
        if number >= max_sectors:
            raise ValueError("sector out of range")
        f.seek((number + 1) * sector)
        data = f.read(sector)
        if len(data) != sector:
            raise ValueError("short sector")
        return data

    fat_sectors = [s for s in struct.unpack_from("<109I", header, 76) if s <= _MAX_REGULAR_SECTOR]
    per = sector // 4
    difat, seen = first_difat, set()
    while difat <= _MAX_REGULAR_SECTOR and len(seen) < min(n_difat, max_sectors):
        if difat in seen:
            raise ValueError("DIFAT loop")
        seen.add(difat)
        values = struct.unpack(f"<{per}I", read_sector(difat))
        fat_sectors += [s for s in values[:-1] if s <= _MAX_REGULAR_SECTOR]
        difat = values[-1]
    fat_sectors = fat_sectors[:n_fat]
    fat_cache: dict[int, tuple[int, ...]] = {}

    def next_sector(number: int) -> int:
        index = number // per
        if index >= len(fat_sectors):
            raise ValueError("FAT too short")
        if index not in fat_cache:
            fat_cache[index] = struct.unpack(f"<{per}I", read_sector(fat_sectors[index]))
        return fat_cache[index][number % per]

    names: set[str] = set()
    current, visited = first_dir, set()
    while current <= _MAX_REGULAR_SECTOR:
        if current in visited or len(visited) > max_sectors:
            raise ValueError("directory loop")
        visited.add(current)
        data = read_sector(current)
        for offset in range(0, sector, 128):
            length = struct.unpack_from("<H", data, offset + 64)[0]
            kind = data[offset + 66]
            if kind in (1, 2, 5) and 2 <= length <= 64:
                names.add(data[offset:offset + length - 2].decode("utf-16-le", errors="replace"))
        current = next_sector(current)
    if current != _END_OF_CHAIN:
        raise ValueError("directory chain does not end")
    return names


# --- display names ------------------------------------------------------------------------------

MAX_NAME_CHARS = 120
# Linux and macOS limit a name to 255 bytes; Bangla letters take 3 bytes in UTF-8, so a name
# is also kept under this many bytes (room left for " (99)" when saving a second copy).
MAX_NAME_BYTES = 240
_KEEP_FORMAT = {"\u200c", "\u200d"}  # ZWNJ/ZWJ shape Bangla conjuncts: they stay
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.I)
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}$")


def safe_display_name(raw: str) -> str:
    """A file name that is safe to show and to save under on Windows, macOS and Linux.

    Keeps Bangla (and every other script's) letters in NFC; keeps only the last path part;
    drops control, format (bidi overrides, zero-width) and unassigned characters; replaces
    characters Windows forbids and reserved device names; trims leading dots and spaces; and
    caps the length, keeping the extension. Returns "" when nothing safe remains.
    """
    text = unicodedata.normalize("NFC", raw)
    text = re.sub(r"^[A-Za-z]:", "", text.strip())  # "C:\\x" and drive-relative "C:x"
    text = re.split(r"[\\/]", text)[-1]
    cleaned = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in _KEEP_FORMAT:
            cleaned.append(ch)
        elif ch.isspace() or category in ("Zl", "Zp"):
            cleaned.append(" ")
        elif category[0] == "C":  # Cc controls and NUL, Cf bidi/zero-width, Cs, Co, Cn
            continue
        else:
            cleaned.append(ch)
    # Removing a character can leave a composable pair side by side: normalise again.
    text = _WINDOWS_FORBIDDEN.sub("_", unicodedata.normalize("NFC", "".join(cleaned)))
    text = re.sub(r" {2,}", " ", text).strip(" .\u200c\u200d")
    if not any(unicodedata.category(c)[0] in "LN" for c in text):
        return ""
    if _RESERVED.match(text.split(".")[0].rstrip(" ")):  # Windows: "CON.tar.gz" too
        text = "_" + text
    return _cap(*_split_extension(text))


def with_type_extension(name: str, kind: FileType) -> str:
    """Append the type's extension when the name lacks a right one, so that a saved copy opens
    in the program its bytes are for ("report.exe" holding a PDF becomes "report.exe.pdf")."""
    stem, ext = _split_extension(name)
    if ext.lower() in kind.extensions:
        return name
    return _cap(name, kind.extension)


def numbered(name: str, n: int) -> str:
    """'report.pdf', 2 -> 'report (2).pdf': for saving beside an existing file."""
    stem, ext = _split_extension(name)
    return f"{stem} ({n}){ext}"


def _split_extension(name: str) -> tuple[str, str]:
    m = _EXTENSION.search(name)
    if m and m.start() > 0:
        return name[:m.start()], m.group(0)
    return name, ""


def _cap(stem: str, ext: str) -> str:
    """Shorten the stem so that stem + ext fits both limits, never splitting a letter from its
    vowel sign or hasanta (a cut before a combining mark moves back to the base letter)."""
    n = min(len(stem), max(MAX_NAME_CHARS - len(ext), 1))
    while n > 1 and len((stem[:n] + ext).encode("utf-8")) > MAX_NAME_BYTES:
        n -= 1
    while 0 < n < len(stem) and (unicodedata.category(stem[n])[0] == "M"
                                 or stem[n] in _KEEP_FORMAT):
        n -= 1
    stem = stem[:n].rstrip(" .\u200c\u200d")
    return (stem or "_") + ext
