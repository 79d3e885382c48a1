"""Warehouse exposure scanner: finds sensitive tables stored unencrypted and readable too broadly."""

__version__ = "0.1.0"
