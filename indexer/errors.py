"""Errors raised while loading, indexing and searching the corpus.

The whole tree, in one place (the API layer maps each to a stable ``code``):

    IndexerError                     base class; never raised itself
    ├── DocumentError                one file cannot be used; the build reports it and goes on
    │   ├── UnsupportedFormat        extension we have no loader for
    │   ├── EmptyDocument            no usable text (empty file, scanned PDF with no text layer)
    │   ├── CorruptDocument          the file cannot be parsed (broken PDF/DOCX, binary named .txt)
    │   ├── EncryptedDocument        a password-protected PDF
    │   ├── DocumentTooLarge         over the configured size limit
    │   └── NotUtf8Text              text that is not valid UTF-8 (or a known fallback encoding)
    ├── ManifestError                corpus/manifest.yaml is missing, malformed or inconsistent
    ├── IndexNotReady                no built index to search yet
    ├── BuildFailed                  a build could not finish; the previous index stays active
    └── UnknownAuthority             a filter names an authority the corpus does not have
"""

from __future__ import annotations


class IndexerError(Exception):
    code = "indexer_error"


class DocumentError(IndexerError):
    code = "document_error"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormat(DocumentError):
    code = "unsupported_format"


class EmptyDocument(DocumentError):
    code = "empty_document"


class CorruptDocument(DocumentError):
    code = "corrupt_document"


class EncryptedDocument(DocumentError):
    code = "encrypted_document"


class DocumentTooLarge(DocumentError):
    code = "document_too_large"


class NotUtf8Text(DocumentError):
    code = "not_utf8_text"


class ManifestError(IndexerError):
    code = "manifest_error"


class IndexNotReady(IndexerError):
    code = "index_not_ready"


class BuildFailed(IndexerError):
    code = "build_failed"


class UnknownAuthority(IndexerError):
    code = "unknown_authority"

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"Unknown authority {name!r}. Known authorities: {', '.join(known)}.")
        self.name = name
        self.known = known
