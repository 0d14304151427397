"""Tables find the hub on the network (mDNS, zeroconf) without typing its address. On loopback here:
a hub bound to 127.0.0.1 announces itself there, and a table browsing there finds it."""

import signal
import subprocess
import sys

from game.room.discovery import find_rooms
from tests.room.helpers import ROOT, call, child_env


def test_a_table_finds_the_running_hub_and_no_longer_after_it_stopped(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "game", "host", "--bind", "127.0.0.1", "--port", "0",
                             "--data-dir", str(tmp_path)], cwd=ROOT, env=child_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines = []
    try:
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("Ctrl+C"):
                break
        assert any(line.startswith("announced on the local network") for line in lines), lines
        base = lines[0].rsplit("/wall", 1)[0]
        found = find_rooms(3.0, interfaces=["127.0.0.1"])
        assert base in [room.url for room in found], (found, base)
        assert call(base, "GET", lines[0][len(base):]).status == 200
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert base not in [room.url for room in find_rooms(2.0, interfaces=["127.0.0.1"])]
