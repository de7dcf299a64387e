"""pixtui's store: one TinyDB JSON file shared by every pixtui process, safely.

No other module opens the file or imports TinyDB: they use :class:`Store`, its transactions'
repositories and its snapshots.
"""

from pixtui.store.backups import BackupEntry, list_backups
from pixtui.store.errors import (
    RecordNotFound,
    StaleRevision,
    StoreBusy,
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreMissing,
    StoreTooNew,
    StoreWriteFailed,
)
from pixtui.store.paths import default_store_path
from pixtui.store.repository import Repository, SnapshotRepository
from pixtui.store.schema import SCHEMA_VERSION
from pixtui.store.snapshot import Snapshot
from pixtui.store.store import Store
from pixtui.store.transaction import Transaction

__all__ = [
    "SCHEMA_VERSION",
    "BackupEntry",
    "RecordNotFound",
    "Repository",
    "SnapshotRepository",
    "Snapshot",
    "StaleRevision",
    "Store",
    "StoreBusy",
    "StoreDamaged",
    "StoreError",
    "StoreExists",
    "StoreMissing",
    "StoreTooNew",
    "StoreWriteFailed",
    "Transaction",
    "default_store_path",
    "list_backups",
]
