"""Small real files of every allowed type (and some hostile ones), made in the test itself.

Each is a genuine file of its kind, not a stub with the right first bytes: the PDF has a
correct cross-reference table, the PNG valid CRCs, the XLSX comes from openpyxl, the DOCX is a
minimal WordprocessingML package, and the DOC a minimal OLE2 compound file with a
`WordDocument` stream (what Word 97-2003 writes), so the content checks see real structure.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

PLAINTEXT_MARKER = b"NSSS-AT-REST-MARKER-3c9d1e7a-plaintext-must-never-hit-disk"


def pdf(text: bytes = b"Circular: age threshold 60") -> bytes:
    """A one-page PDF 1.4 with a correct xref table; `text` appears literally in the bytes."""
    content = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
              "%%EOF\n".encode())
    return out.getvalue()


def png(width: int = 4, height: int = 3) -> bytes:
    """An RGB PNG with valid chunk CRCs."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + bytes([10, 120, 200]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def xlsx(tmp: Path) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "Old Age Allowance beneficiaries"
    wb.active["B1"] = 5_800_000
    path = tmp / "made.xlsx"
    wb.save(path)
    return path.read_bytes()


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_DOCX_BODY = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:body><w:p><w:r><w:t>Meeting minutes</w:t></w:r></w:p></w:body></w:document>')


def docx(*, macro: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        z.writestr("word/document.xml", _DOCX_BODY)
        if macro:
            z.writestr("word/vbaProject.bin", b"\x00" * 64)
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "not an office file")
        z.writestr("run.bat", "@echo off")
    return out.getvalue()


def ole2(stream_name: str = "WordDocument") -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors): header, one FAT sector,
    one directory sector holding the root entry and one empty stream called `stream_name`."""
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 76, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_sect, end, *([free] * 126))

    def entry(name: str, kind: int, child: int = free) -> bytes:
        raw = bytearray(128)
        encoded = (name + "\x00").encode("utf-16-le")
        raw[:len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, free, free, child)
        struct.pack_into("<II", raw, 116, end, 0)
        return bytes(raw)

    directory = entry("Root Entry", 5, child=1) + entry(stream_name, 2) + bytes(256)
    return bytes(header) + fat + directory


def exe() -> bytes:
    """The start of a Windows PE program: 'MZ', a DOS stub, the PE header offset."""
    stub = bytearray(b"MZ" + b"\x90\x00" * 29 + b"\x80\x00\x00\x00")
    stub += b"\x00" * (0x80 - len(stub)) + b"PE\x00\x00" + b"\x00" * 64
    return bytes(stub) + b"This program cannot be run in DOS mode.\r\n" * 4
