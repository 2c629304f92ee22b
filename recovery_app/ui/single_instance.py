"""One running app per data folder: a second launch brings the first window forward.

Uses a local socket (a Unix domain socket or a Windows named pipe), never a
network socket.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_WAKE = b"raise\n"


class SingleInstance(QObject):
    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None

    def notify_running(self, timeout_ms: int = 500) -> bool:
        """True if another instance is running (and has been asked to come forward)."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(_WAKE)
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # A stale socket left by a crash: nobody answered above, so remove it.
            QLocalServer.removeServer(self.key)
            if not server.listen(self.key):
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The message is a few bytes sent right after connecting; a short
            # wait here is simpler and safer than tracking each socket's lifetime.
            arrived = socket.bytesAvailable() or socket.waitForReadyRead(300)
            if arrived and bytes(socket.readAll().data()).startswith(_WAKE.strip()):
                self.activated.emit()
            socket.abort()
            socket.deleteLater()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
