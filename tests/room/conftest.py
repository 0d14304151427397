"""A hub that a failing test left running is stopped after that test, so no test leaves a server behind."""

import pytest

from tests.room.helpers import HubProcess


@pytest.fixture(autouse=True)
def no_hub_left_behind():
    yield
    for hub in HubProcess.running:
        if hub.proc is not None and hub.proc.poll() is None and not hub.module_scoped:
            hub.proc.kill()
            hub.proc.wait()
    HubProcess.running[:] = [h for h in HubProcess.running if h.proc is not None and h.proc.poll() is None]
