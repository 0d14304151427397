"""`bbb host` as a facilitator meets it: the wall's address first, Ctrl+C without a traceback, one
sentence for a port in use or a wrong option, and a hub that still starts without a network."""

import re
import shutil
import signal
import subprocess
import sys

import pytest

from tests.room.helpers import ROOT, HubProcess, call, child_env


def run_host(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "game", "host", *args], cwd=ROOT, env=child_env(),
                          capture_output=True, text=True, timeout=timeout)


def test_the_first_line_is_the_wall_and_ctrl_c_stops_the_hub_cleanly(tmp_path):
    hub = HubProcess(tmp_path).start()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/wall\?key=[\w-]+", hub.lines[0])
    assert any(hub.code in line for line in hub.lines[1:])
    assert call(hub.base, "GET", hub.lines[0][len(hub.base):]).status == 200
    assert hub.stop() == 0
    rest = hub.proc.stdout.read() if hub.proc.stdout and not hub.proc.stdout.closed else ""
    text = "\n".join(hub.lines) + rest
    assert "Traceback" not in text and "KeyboardInterrupt" not in text
    assert re.search(r"hub stopped; \d+ result\(s\) kept in", text)


def test_a_port_in_use_is_one_sentence_and_exit_1(tmp_path):
    hub = HubProcess(tmp_path / "first").start()
    try:
        out = run_host("--bind", "127.0.0.1", "--port", str(hub.port), "--data-dir", str(tmp_path / "second"),
                       "--no-announce")
        assert out.returncode == 1
        assert out.stdout == ""
        assert out.stderr.count("\n") == 1 and f"port {hub.port} is already in use" in out.stderr
    finally:
        assert hub.stop() == 0


@pytest.mark.parametrize("args,words", [
    (["--code", "a!"], "a room code is 3 to 12 letters or digits"),
    (["--port", "70000"], "a port is a number"),
    (["--bind", "not-an-address"], "give an IP address of this computer"),
])
def test_a_wrong_option_is_one_sentence(tmp_path, args, words):
    out = run_host(*args, "--data-dir", str(tmp_path))
    assert out.returncode == 2 and words in out.stderr and "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1


def test_the_code_given_is_used_and_kept_for_the_next_start(tmp_path):
    hub = HubProcess(tmp_path, extra=["--code", "kas-42"]).start()
    assert hub.stop() == 0
    again = HubProcess(tmp_path).start()
    try:
        assert hub.code == "KAS42"
        assert (again.code, again.pin, again.wall_key) == (hub.code, hub.pin, hub.wall_key)  # tables and wall go on
    finally:
        assert again.stop() == 0


def test_by_default_the_hub_listens_on_the_local_network_only(monkeypatch):
    from game.room import command, network

    monkeypatch.setattr(network, "local_network_addresses",
                        lambda: [network.LocalAddress("192.168.1.20", "wlan0"), network.LocalAddress("10.0.0.5", "eth0")])
    addresses, notes = command._listen_addresses(None)
    assert addresses == ["192.168.1.20", "10.0.0.5", "127.0.0.1"]
    assert "local network only" in notes[0]
    _, notes = command._listen_addresses("8.8.8.8")
    assert "not a local-network address" in notes[0]


def test_without_a_network_the_hub_serves_this_computer_and_says_so(monkeypatch):
    from game.room import command, network

    monkeypatch.setattr(network, "local_network_addresses", lambda: [])
    addresses, notes = command._listen_addresses(None)
    assert addresses == ["127.0.0.1"]
    assert notes == ["no local network found: only this computer can reach the hub; connect to the Wi-Fi and "
                     "start again to let tables join"]


def namespaces_allowed() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not namespaces_allowed(), reason="needs `unshare -n` (root, Linux) for a computer without a network")
def test_bbb_host_on_a_computer_without_any_network_starts_and_says_so(tmp_path):
    proc = subprocess.Popen(["unshare", "-n", sys.executable, "-m", "game", "host", "--port", "0",
                             "--data-dir", str(tmp_path)], cwd=ROOT, env=child_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in proc.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("Ctrl+C"):
            break
    proc.send_signal(signal.SIGINT)
    rest = proc.communicate(timeout=30)[0]
    assert proc.returncode == 0, lines + [rest]
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/wall\?key=[\w-]+", lines[0])
    assert any(line.startswith("no local network found") for line in lines)
    assert "Traceback" not in rest


def test_play_with_a_room_needs_both_address_and_code():
    from game.__main__ import main

    assert main(["play", "--room", "http://127.0.0.1:9"]) == 2
    assert main(["play", "--room", "ftp://x", "--room-code", "ABC"]) == 2
