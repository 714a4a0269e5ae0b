"""The export registry; importing this package registers every export."""

from . import attendance, coverage, learning  # noqa: F401 (registers the exporters)
from .base import Column, Exporter, QueryExporter, neutralise, registry

__all__ = ["Column", "Exporter", "QueryExporter", "neutralise", "registry"]
