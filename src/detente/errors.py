"""Every exception detente raises on purpose, in one place.

Library code raises these; the CLI turns them into messages and exit codes.
"""
from __future__ import annotations


class DetenteError(Exception):
    """Base class of detente's own errors."""


class SettingsError(DetenteError):
    """A setting is missing, of the wrong type, or out of range."""


class InputError(DetenteError):
    """An input (file, line, record) cannot be read as an article. ``origin`` names it."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class FetchError(InputError):
    """A feed or page URL could not be fetched (robots.txt, HTTP status, timeout, bad URL)."""


class DataFileError(DetenteError):
    """A packaged or user-supplied data file (lexicon, ontology, knowledge base) is invalid."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelNotFound(DetenteError):
    """The spaCy model named in the settings is not installed."""


class ModelIntegrityError(DetenteError):
    """An installed spaCy model's files differ from the ones detente pins (data/models)."""


class StoreError(DetenteError):
    """The event store cannot be opened, migrated or written."""


class GoldFileError(DetenteError):
    """A gold-standard evaluation file cannot be read."""


class QueryError(DetenteError):
    """A query (dyad, filters, dates) is malformed."""


class EngineError(DetenteError):
    """A distributed engine (Ray) is not installed or cannot be started or reached."""


class DateError(InputError, QueryError, ValueError):
    """A date cannot be read (``detente.dates``): ``origin`` names what it was for, the message
    says the forms expected. It is an input error, a query error and a ValueError, so that every
    caller that handled one of those for its own date parser handles it."""

    def __init__(self, what: str, reason: str):
        super().__init__(what, reason)
        self.reason = f"{what}: {reason}"  # the whole message: the web API answers with the reason
