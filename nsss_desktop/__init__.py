"""NSSS M&E Desktop: the Qt-free core (domain, encrypted store, services, import/export)."""

__version__ = "0.1.0"
