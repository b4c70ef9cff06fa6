"""Reading document sets: files, directories and stdin into :class:`~claimcheck.model.Document`."""

from .datasets import DatasetSpec, read_dataset
from .readers import SUPPORTED_SUFFIXES, read_document, read_documents, read_text

__all__ = ["SUPPORTED_SUFFIXES", "DatasetSpec", "read_dataset", "read_document", "read_documents", "read_text"]
