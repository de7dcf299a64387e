"""Errors the documents package raises; their message is one French sentence for the user."""

from __future__ import annotations


class DocumentError(Exception):
    """A document cannot be produced for a reason the user can act on."""


class ExportFailed(DocumentError):
    """A file could not be written (unwritable folder, full disk); nothing half-written is left."""
