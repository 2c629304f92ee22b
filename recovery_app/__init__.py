"""Recovery Companion: a private, offline desktop companion for recovery."""

__version__ = "0.1.0"
APP_NAME = "Recovery Companion"
