"""Reading the CSV files school staff download or save: shared by every importer.

What real files look like (reference ``peers.md`` §9.6): Pix writes UTF-8 with a BOM and ``;``;
Excel FR saves Windows-1252 (or UTF-16 for "Texte Unicode", tab-separated); LibreOffice may use
``,``; headers drift in accents, case, spacing and apostrophes (``l’organisation``); Pix
prefixes text cells starting with ``= + - @`` with ``'`` against formula injection; numbers use a
decimal comma. This module turns bytes into a :class:`Table` (header + rows with their physical
line numbers) and offers the cell parsers every importer needs. It never raises on bad input
except :class:`CellError` from the cell parsers, whose message is one French sentence ready for
a refused-line report.

Typical use::

    table = read_table(data)            # never raises
    if table.error: ...                 # a file-level problem, already a sentence
    cols = table.columns({"last": ("Nom", "Nom de famille"), "birth": ("Date de naissance",)})
    for row in table.rows:
        name = row.cell(cols["last"])
        born = parse_date(row.cell(cols["birth"]))   # CellError on a bad date
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from pixtui.domain.sessions import parse_date as parse_day
from pixtui.domain.text import has_controls, safe_text
from pixtui.i18n import t

Progress = Callable[[int, int], None]
"""``progress(line, total)``: called while reading so a UI can show a progress bar."""

SEPARATORS: tuple[str, ...] = (";", "\t", ",")
"""Accepted separators, in order of preference when a header line is ambiguous."""

PROGRESS_EVERY = 250
"""Lines between two progress callbacks (enough for a smooth bar, cheap on big files)."""

PARIS = ZoneInfo("Europe/Paris")

MAX_LINE_CHARS = 20_000
"""The longest physical line read: a school's widest export (a profile collection with every
competence) stays under 2,000 characters; a longer line is a wrong file, refused before the
csv module spends seconds and memory on it."""

# Excel's "CSV UTF-8" and Pix write a BOM; Excel's "Texte Unicode" writes UTF-16 with a BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class CellError(ValueError):
    """A cell that cannot be read; ``str(error)`` is the French reason for the report."""


# --- Decoding ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"


def decode(data: bytes) -> Decoded:
    """Decode file bytes, saying which encoding was used. Never fails.

    Order: a BOM decides (UTF-8, UTF-16, UTF-32); then strict UTF-8 (Pix without BOM,
    LibreOffice); then UTF-16 without BOM when every other byte is NUL (rare Excel output);
    then Windows-1252 (Excel FR "CSV (séparateur: point-virgule)"); Latin-1 last, since it
    accepts any byte (the five bytes Windows-1252 leaves undefined would otherwise fail).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: fall through to the byte-level guesses
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    bom_less = _utf16_without_bom(data)
    if bom_less:
        try:
            return Decoded(data.decode(bom_less), bom_less)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


# --- Header names -----------------------------------------------------------------------

_QUOTES = "\"'`´‘’‚‛“”„‟«»‹›"
_APOSTROPHES = re.compile(r"[’‘‛`´ʼ′]")
_SPACES = re.compile(r"[\s_\u00a0\u202f]+")
_TRAILING_PARENS = re.compile(r"\s*\([^()]*\)\s*$")


def header_key(text: str) -> str:
    """The comparison key of a header: accents, case, spaces, quotes, apostrophes, ``*`` folded.

    ``" Date et heure de l’envoi (Europe/Paris) "`` and ``"date et heure de l'envoi
    (europe/paris)"`` give the same key; ``"Nom de famille*"`` (Pix's agricultural template
    marks mandatory columns) gives ``"nom de famille"``.
    """
    text = text.replace("\ufeff", "").strip().strip(_QUOTES).strip()
    text = _APOSTROPHES.sub("'", text)
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    text = text.replace("*", " ")
    return _SPACES.sub(" ", text).strip()


def _short_key(key: str) -> str:
    """The key without a trailing parenthesis: ``date de naissance (jj/mm/aaaa)`` -> ``...naissance``."""
    return _TRAILING_PARENS.sub("", key).strip()


def find_column(keys: Sequence[str], aliases: Iterable[str]) -> int | None:
    """Index of the first header matching one of ``aliases`` (by name, never by position).

    An exact key match wins over a match that ignores a trailing parenthesis, so the alias
    ``"Certifiable (O/N)"`` and the alias ``"Date de naissance"`` both work as expected.
    """
    wanted = [header_key(alias) for alias in aliases]
    for alias in wanted:
        if alias in keys:
            return keys.index(alias)
    short = [_short_key(key) for key in keys]
    for alias in wanted:
        alias_short = _short_key(alias)
        if alias_short and alias_short in short:
            return short.index(alias_short)
    return None


def has_columns(keys: Sequence[str], *alias_groups: Iterable[str]) -> bool:
    """True when every group of aliases matches some header (used to detect a file's kind)."""
    return all(find_column(keys, group) is not None for group in alias_groups)


# --- Cells ------------------------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@")


def clean_cell(text: str) -> str:
    """Trim a cell and remove Pix's anti-formula ``'`` (``'=Bono`` -> ``=Bono``).

    Control and bidi characters are removed (:func:`safe_text`): nothing raw from a file ever
    travels further, even in a refused line's content shown to the person reading the report.
    """
    text = text.replace("\ufeff", "").replace("\x00", "")  # stray NULs: copy-paste debris
    text = safe_text(text, multiline=True).strip()
    if len(text) >= 2 and text[0] == "'" and text[1] in _FORMULA_STARTS:
        text = text[1:]
    return text


# --- Tables -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One CSV record: ``line`` is the physical line where it starts (1-based, as an editor)."""

    line: int
    cells: tuple[str, ...]
    raw_count: int  # number of cells before trailing empty cells were dropped
    problem: str | None = None  # why the line cannot be trusted (controls, unmatched quote)

    def cell(self, index: int | None) -> str:
        """The cleaned cell at ``index``; empty when the column is absent or the row short."""
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]

    @property
    def is_blank(self) -> bool:
        return not any(self.cells)


@dataclass
class Table:
    encoding: str
    separator: str
    header: list[str] = field(default_factory=list)  # cleaned header cells, as written
    keys: list[str] = field(default_factory=list)  # header_key() of each header cell
    header_line: int = 0
    rows: list[Row] = field(default_factory=list)  # blank lines are kept out
    blank_lines: int = 0
    total_lines: int = 0  # physical lines of the file
    error: str | None = None  # a file-level problem (French sentence); rows may be partial
    error_line: int | None = None

    def column(self, *aliases: str) -> int | None:
        return find_column(self.keys, aliases)

    def columns(self, spec: Mapping[str, Iterable[str]]) -> dict[str, int | None]:
        """``{"name": ("Nom", "Nom de famille")}`` -> ``{"name": 0}`` (None when absent)."""
        return {name: find_column(self.keys, aliases) for name, aliases in spec.items()}

    def width_problem(self, row: Row) -> str | None:
        """A French reason when ``row`` cannot be read as a line of this table, else None.

        Its own problem first (control characters, an unmatched quote: see
        :func:`record_problem`), then another number of cells than the header; trailing empty
        cells (a separator left at the end of a line) are tolerated.
        """
        if row.problem:
            return row.problem
        expected = len(self.header)
        if len(row.cells) > expected:
            return t("imports.row.width", found=len(row.cells), expected=expected)
        if row.raw_count < expected:
            return t("imports.row.width", found=row.raw_count, expected=expected)
        return None


def read_table(data: bytes, *, progress: Progress | None = None) -> Table:
    """Decode ``data``, find its header line and separator, and split it into rows. Never raises.

    The header is the first non-blank line, except an Excel ``sep=;`` hint line, which is
    honoured and skipped. Cells are cleaned with :func:`clean_cell`. Quoted cells may hold
    separators, doubled quotes and line breaks; a record's ``line`` is where it starts.
    """
    decoded = decode(data)
    # a second BOM (file saved twice) would glue itself to the first header cell
    text = decoded.text.lstrip("\ufeff")
    lines = io.StringIO(text, newline="").readlines()  # splits on \n, \r\n and \r only
    total = len(lines)
    table = Table(encoding=decoded.encoding, separator=";", total_lines=total)
    too_long = next((i for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS), None)
    if too_long is not None:
        table.error_line = too_long + 1
        table.error = t("imports.file.line_too_long", line=too_long + 1, limit=MAX_LINE_CHARS)
        return table
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    nuls = text.count("\x00")
    if nuls and (
        (nuls >= 8 and nuls * 20 > len(text)) or (first is not None and "\x00" in lines[first])
    ):
        # many NULs, or NULs in the header: a workbook, an image, a wrong encoding
        table.error = t("imports.file.binary")
        return table
    hint = lines[first].strip().lower() if first is not None else ""
    if first is not None and hint.startswith("sep=") and len(hint) == 5:
        table.separator = lines[first].strip()[4]
        first = next((i for i in range(first + 1, total) if lines[i].strip()), None)
    elif first is not None:
        table.separator = detect_separator(lines[first])
    if first is None:
        table.error = t("imports.file.empty")
        return table

    reader = csv.reader(iter(lines[first:]), delimiter=table.separator, quotechar='"', strict=False)
    previous_end = first  # physical line number of the last line consumed so far
    try:
        for cells in reader:
            start = previous_end + 1
            previous_end = first + reader.line_num
            problem = record_problem(cells, lines[start - 1 : previous_end], start, table.separator)
            cleaned = [clean_cell(cell) for cell in cells]
            raw_count = len(cleaned)
            while cleaned and not cleaned[-1]:
                cleaned.pop()
            if not table.header_line:
                table.header = [cell.strip(_QUOTES).strip() for cell in cleaned]
                table.keys = [header_key(cell) for cell in cleaned]
                table.header_line = start
            elif not cleaned:
                table.blank_lines += 1
            else:
                table.rows.append(Row(start, tuple(cleaned), raw_count, problem))
                if progress is not None and len(table.rows) % PROGRESS_EVERY == 0:
                    progress(previous_end, total)
    except csv.Error:
        # e.g. a cell beyond the csv module's size limit: stop here and say where
        table.error_line = previous_end + 1
        table.error = t("imports.file.unreadable", line=table.error_line)
    if progress is not None:
        progress(total, total)
    return table


def record_problem(
    cells: Sequence[str], raw_lines: Sequence[str], start: int, sep: str
) -> str | None:
    """Why one CSV record cannot be trusted, as a French sentence, or None.

    - control or bidi characters (ESC, ENQ, C1, U+202E…) in a cell: a hostile or broken file;
    - an unmatched quote: an odd number of ``"`` on the record's lines (``DU"PONT``), or a
      quoted cell that swallowed whole lines (``"DUPONT;Jean`` never closed), which would
      otherwise lose every line it swallowed without a word.
    """
    if any(has_controls(cell.replace("\x00", "")) for cell in cells):
        return t("imports.row.controls")
    end = start + len(raw_lines) - 1
    if sum(line.count('"') for line in raw_lines) % 2 or (
        end > start and any("\n" in cell and sep in cell for cell in cells)
    ):
        if end > start:
            return t("imports.row.unmatched_quote_lines", first=start, last=end)
        return t("imports.row.unmatched_quote")
    return None


def detect_separator(header_line: str) -> str:
    """The separator of a file, judged on its header line: the most frequent outside quotes.

    Ties prefer ``;`` (Pix and Excel FR), then tab, then ``,``. A one-column file gives ``;``.
    """
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(SEPARATORS, key=lambda sep: (counts[sep], -SEPARATORS.index(sep)))
    return best if counts[best] else ";"


# --- Typed cell parsers -----------------------------------------------------------------

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_HM = re.compile(r"^(\d{1,2})[:hH](\d{2})(?::(\d{2})(?:[.,]\d+)?)?$")


def parse_date(text: str) -> date:
    """``JJ/MM/AAAA`` (also ``-`` or ``.``, one-digit day/month) or ISO ``AAAA-MM-JJ``.

    An ISO date-time is accepted too and gives its date. Raises :class:`CellError`.
    """
    value = text.strip()
    if len(value) > 10 and value[10] in "T " and _ISO_DAY.match(value[:10]):
        value = value[:10]  # an ISO date-time: its day
    day = parse_day(value)  # the one date parser (pixtui.domain.sessions)
    if day is None:
        raise CellError(t("imports.cell.date", value=_show(text.strip())))
    return day


def parse_datetime(text: str, zone: ZoneInfo = PARIS) -> datetime:
    """``JJ/MM/AAAA HH:MM[:SS]``, ISO with or without offset, or a bare date (midnight).

    Times without an offset are wall-clock times in ``zone`` (Pix writes Europe/Paris); the
    result is aware. Raises :class:`CellError`.
    """
    value = text.strip()
    if not value:
        raise CellError(t("imports.cell.datetime", value=_show(value)))
    try:
        iso = (
            datetime.fromisoformat(value.replace("Z", "+00:00"))
            if _ISO_DAY.match(value[:10])
            else None
        )
    except ValueError:
        iso = None
    if iso is not None:
        return iso if iso.tzinfo else iso.replace(tzinfo=zone)
    day_part, _, time_part = value.partition(" ")
    try:
        day = parse_date(day_part)
    except CellError:
        raise CellError(t("imports.cell.datetime", value=_show(value))) from None
    time_part = time_part.strip().removeprefix("à ").strip()
    if not time_part:
        return datetime.combine(day, time(0, 0), tzinfo=zone)
    match = _HM.match(time_part)
    if not match:
        raise CellError(t("imports.cell.datetime", value=_show(value)))
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise CellError(t("imports.cell.datetime", value=_show(value)))
    return datetime.combine(day, time(hour, minute, second), tzinfo=zone)


_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_decimal(text: str) -> float:
    """``0,75``, ``1 234,5``, ``12.5`` or ``75 %`` (as 75.0). Raises :class:`CellError`."""
    value = _NUMBER_SPACES.sub("", text.strip()).removesuffix("%")
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        raise CellError(t("imports.cell.number", value=_show(text))) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise CellError(t("imports.cell.number", value=_show(text)))
    return number


def parse_int(text: str) -> int:
    """A whole number written by a spreadsheet (``12``, ``12,0``). Raises :class:`CellError`."""
    number = parse_decimal(text)
    if number != int(number):
        raise CellError(t("imports.cell.integer", value=_show(text)))
    return int(number)


_TRUE = frozenset({"oui", "o", "true", "vrai", "yes", "y", "1", "x"})
_FALSE = frozenset({"non", "n", "false", "faux", "no", "0", ""})


def parse_bool(text: str) -> bool:
    """``Oui``/``Non``, ``O``/``N``, ``true``/``false``, ``1``/``0``; empty is False."""
    value = header_key(text)
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellError(t("imports.cell.boolean", value=_show(text)))


def _show(value: str, limit: int = 40) -> str:
    """A cell as quoted in an error message: short, on one line."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
