"""One running app per data folder: a second launch brings the first window forward.

A lock file in the data folder decides who runs (Qt removes it if its owner
crashed). The second launch then wakes the first through a local socket (a
Unix domain socket or a Windows named pipe), never a network socket. The
first instance starts listening after its window has painted, so QtNetwork
stays off the launch path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, QThread, Signal

_WAKE = b"raise\n"


class SingleInstance(QObject):
    activated = Signal()

    def __init__(self, key: str, lock_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._lock = QLockFile(str(lock_path))
        self._lock.setStaleLockTime(0)  # only a dead owner makes a lock stale
        self._server: QObject | None = None
        self._clients: set[QObject] = set()

    def acquire(self) -> bool:
        """True if this is the only instance for the data folder."""
        return self._lock.tryLock(0)

    def wake_running(self, timeout_ms: int = 3000) -> bool:
        """Ask the running instance to come forward; it may still be starting up."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(timeout_ms)
        while not deadline.hasExpired():
            socket = QLocalSocket()
            socket.connectToServer(self.key)
            if socket.waitForConnected(200):
                socket.write(_WAKE)
                socket.waitForBytesWritten(1000)
                socket.disconnectFromServer()
                if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                    socket.waitForDisconnected(1000)
                return True
            QThread.msleep(100)  # the first instance has not started listening yet
        return False

    def listen(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # We hold the lock, so a socket left behind is from a crash: remove it.
            QLocalServer.removeServer(self.key)
            if not server.listen(self.key):
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _on_connection(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = self._server
        assert isinstance(server, QLocalServer)
        while (socket := server.nextPendingConnection()) is not None:
            # Kept here until it disconnects; read whenever its bytes arrive.
            self._clients.add(socket)
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._forget)
            if socket.bytesAvailable():
                self._read_from(socket)

    def _read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read_from(socket)

    def _read_from(self, socket: object) -> None:
        from PySide6.QtNetwork import QLocalSocket

        assert isinstance(socket, QLocalSocket)
        if bytes(socket.readAll().data()).startswith(_WAKE.strip()):
            self.activated.emit()

    def _forget(self) -> None:
        socket = self.sender()
        if socket in self._clients:
            self._clients.discard(socket)
            socket.deleteLater()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()  # type: ignore[attr-defined]
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
