"""French (or English) for argparse's own strings, which are otherwise English gettext msgids.

argparse looks up its module-level ``_`` and ``ngettext`` at call time, so replacing them is
enough; unknown msgids fall back to the original text.
"""

from __future__ import annotations

import argparse

from pixtui.i18n import t

_KEYS = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
}


class _Translated(str):
    """A msgid whose %-formatting yields the catalogue's sentence."""

    def __new__(cls, msgid: str) -> _Translated:
        return super().__new__(cls, msgid)

    def __mod__(self, args: object) -> str:  # type: ignore[override]
        msgid = str(self)
        if msgid == "%(prog)s: error: %(message)s\n" and isinstance(args, dict):
            return t("cli.argparse.error", prog=args["prog"], message=args["message"])
        if msgid.startswith("the following arguments are required"):
            return t("cli.argparse.required", names=args)
        if msgid.startswith("invalid choice") and isinstance(args, dict):
            return t("cli.argparse.invalid_choice", value=args["value"], choices=args["choices"])
        if msgid.startswith("unrecognized arguments"):
            return t("cli.argparse.unrecognized", names=args)
        if msgid == "expected one argument":
            return t("cli.argparse.expected_one")
        if msgid.startswith("invalid %(type)s value") and isinstance(args, dict):
            return t("cli.argparse.invalid_value", type=args["type"], value=args["value"])
        if msgid.startswith("argument %(argument_name)s") and isinstance(args, dict):
            return t("cli.argparse.argument", name=args["argument_name"], message=args["message"])
        if msgid.startswith("ambiguous option") and isinstance(args, dict):
            return t("cli.argparse.ambiguous", option=args["option"], matches=args["matches"])
        return str.__mod__(msgid, args)


def _gettext(msgid: str) -> str:
    if not isinstance(msgid, str):  # argparse passes a missing description (None) through
        return msgid
    key = _KEYS.get(msgid)
    return t(key) if key else _Translated(msgid)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _Translated(singular if n == 1 else plural)


class PixHelpFormatter(argparse.HelpFormatter):
    """Section headings with French typography: « options : » (a space before the colon)."""

    class _Section(argparse.HelpFormatter._Section):  # type: ignore[name-defined]
        def format_help(self) -> str:
            text = super().format_help()
            if self.heading and t("cli.argparse.colon") != ":":
                text = text.replace(
                    f"{self.heading}:\n", f"{self.heading}{t('cli.argparse.colon')}\n", 1
                )
            return text


class PixArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", PixHelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def install() -> None:
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
