"""Recovery Companion: a private, offline desktop companion for recovery."""

__version__ = "0.1.0"
APP_NAME = "Recovery Companion"
# The desktop id: the .desktop file, the AppStream id, the icon and the autostart entry.
APP_ID = "org.recoverycompanion.RecoveryCompanion"
