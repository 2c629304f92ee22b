from pytestqt.qtbot import QtBot

from recovery_app.ui.single_instance import SingleInstance


def test_second_launch_wakes_the_first(qtbot: QtBot, tmp_path) -> None:
    key = f"recovery-companion-test-{abs(hash(str(tmp_path)))}"
    first = SingleInstance(key)
    assert first.listen()
    try:
        second = SingleInstance(key)
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert second.notify_running()
    finally:
        first.close()
    # Once the first has gone, a new launch is the only one.
    assert not SingleInstance(key).notify_running(timeout_ms=200)


def test_stale_channel_is_taken_over(qtbot: QtBot, tmp_path) -> None:
    key = f"recovery-companion-stale-{abs(hash(str(tmp_path)))}"
    crashed = SingleInstance(key)
    assert crashed.listen()
    crashed.close()
    replacement = SingleInstance(key)
    assert replacement.listen()
    replacement.close()
