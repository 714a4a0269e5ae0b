"""The export registry; importing this package registers every export."""

from . import attendance, coverage, learning  # noqa: F401 (registers the exporters)
from .base import Column, Exporter, QueryExporter, registry

__all__ = ["Column", "Exporter", "QueryExporter", "registry"]
