"""The `bbb host` command: this laptop becomes the room's hub until Ctrl+C."""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import signal
import sys

from .protocol import DEFAULT_PORT


def add_parser(sub) -> None:
    p = sub.add_parser(
        "host", help="be the room's hub: every table's results on one wall (local network only)",
        description="Run the room's hub on this computer: tables join with `bbb play --room URL --room-code "
                    "CODE` (or find it on the network), their results appear live on the wall (the first "
                    "line of output is its address), and the facilitator page (PIN below) runs the round "
                    "timer, the reveal, the report and 'Sessie wissen'. Listens on the local network only "
                    "(private addresses) unless --bind says otherwise. Results are kept in one file in the "
                    "data folder until the session is wiped. Stop with Ctrl+C.")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N",
                   help=f"port to listen on (default {DEFAULT_PORT}; 0 picks a free one)")
    p.add_argument("--bind", metavar="ADDR",
                   help="listen on this address only (default: every local-network address and 127.0.0.1)")
    p.add_argument("--code", metavar="CODE", help="the room code tables type (default: kept from the last run, or new)")
    p.add_argument("--data-dir", metavar="DIR", help="keep the room's file (room.sqlite3) in DIR")
    p.add_argument("--no-announce", action="store_true", help="do not announce the hub on the network (mDNS)")


def run(args) -> int:
    from ..paths import user_data_dir
    from .protocol import new_code, new_pin, new_wall_key, normalize_code, valid_code

    if not 0 <= args.port <= 65535:
        print(f"--port {args.port}: a port is a number from 1 to 65535 (or 0 for a free one)", file=sys.stderr)
        return 2
    if args.code is not None and not valid_code(args.code):
        print(f"--code {args.code!r}: a room code is 3 to 12 letters or digits", file=sys.stderr)
        return 2
    if args.bind is not None:
        try:
            ipaddress.ip_address(args.bind)
        except ValueError:
            print(f"--bind {args.bind!r}: give an IP address of this computer, e.g. 192.168.1.20", file=sys.stderr)
            return 2
    try:
        from .validation import SchemaMissing, result_validator

        result_validator()
    except SchemaMissing as exc:
        print(f"cannot start the hub: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:
        print(f"cannot start the hub: a part of the program is missing ({exc.name}); reinstall it", file=sys.stderr)
        return 1
    from .storage import RoomStore

    folder = user_data_dir(args.data_dir)
    try:
        store = RoomStore(folder)
    except Exception as exc:  # sqlite3 or OS errors: one sentence, nothing else
        print(f"cannot open the room's file in {folder}: {exc}", file=sys.stderr)
        return 1
    try:
        code = normalize_code(args.code) if args.code else (store.get("code") or new_code())
        pin = store.get("pin") or new_pin()
        wall_key = store.get("wall_key") or new_wall_key()
        store.put("code", code)
        store.put("pin", pin)
        store.put("wall_key", wall_key)
        try:
            return asyncio.run(_serve(args, store, code, pin, wall_key))
        except KeyboardInterrupt:  # Ctrl+C before the signal handlers were in place
            print("hub stopped", flush=True)
            return 0
    finally:
        store.close()


def _listen_addresses(bind: str | None) -> tuple[list[str], list[str]]:
    """(addresses to listen on, lines to say about them)."""
    from .network import LOOPBACK, is_local_network, local_network_addresses

    if bind:
        if bind in ("0.0.0.0", "::"):
            return [bind], ["listening on every address of this computer (--bind): if it has a public "
                            "address, the hub is reachable from outside the local network too"]
        if not is_local_network(bind):
            return [bind], [f"{bind} is not a local-network address: the hub may be reachable from the internet"]
        return [bind], []
    lan = [a.address for a in local_network_addresses()]
    if not lan:
        return [LOOPBACK], ["no local network found: only this computer can reach the hub; connect to the "
                            "Wi-Fi and start again to let tables join"]
    return [*lan, LOOPBACK], [f"listening on the local network only ({', '.join(lan)}) and on this computer"]


async def _serve(args, store, code: str, pin: str, wall_key: str) -> int:
    from aiohttp import web

    from .network import LOOPBACK, url_host
    from .server import Hub, HubConfig, build_app

    addresses, notes = _listen_addresses(args.bind)
    public = next((a for a in addresses if a not in (LOOPBACK, "0.0.0.0", "::")), addresses[0])
    if public in ("0.0.0.0", "::"):
        public = LOOPBACK
    hub = Hub(store, HubConfig(code=code, pin=pin, public_url="", wall_key=wall_key))
    runner = web.AppRunner(build_app(hub), access_log=None, handle_signals=False, shutdown_timeout=2.0)
    await runner.setup()
    port = args.port
    try:
        for address in addresses:
            site = web.TCPSite(runner, address, port, reuse_address=True)
            await site.start()
            if port == 0:
                server = site._server
                assert server is not None and hasattr(server, "sockets")  # a started TCP site listens
                port = server.sockets[0].getsockname()[1]
    except OSError as exc:
        await runner.cleanup()
        if exc.errno == errno.EADDRINUSE:
            print(f"port {port} is already in use (is a hub running already?): choose another with --port",
                  file=sys.stderr)
        else:
            print(f"cannot listen on {address} port {port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    base = f"http://{url_host(public)}:{port}"
    hub.config.public_url = base
    print(hub.wall_url(), flush=True)
    print(f"room code: {code}    (tables: bbb play --room {base} --room-code {code})", flush=True)
    print(f"facilitator: {base}/facilitator    PIN {pin}    (the PIN is shown here only)", flush=True)
    for note in notes:
        print(note, flush=True)
    kept = len(hub.results)
    print(f"results are kept in {store.path}" + (f" ({kept} from earlier in this session; "
                                                  "'Sessie wissen' on the facilitator page deletes them)" if kept else ""),
          flush=True)
    announcement = None
    lan = [a for a in addresses if a not in (LOOPBACK, "0.0.0.0", "::") and ":" not in a]
    if not lan and args.bind == LOOPBACK:
        lan = [LOOPBACK]  # a hub for this computer only: a table on the same laptop can still find it
    if not args.no_announce and lan:
        try:
            from .discovery import announce

            announcement = await asyncio.wait_for(announce(lan, port), 10)
            print("announced on the local network: tables can find the hub in the game's setup", flush=True)
        except Exception as exc:  # no multicast on this network: tables type the address instead
            print(f"tables cannot find the hub by themselves ({type(exc).__name__}); they type its address",
                  flush=True)
    print("Ctrl+C stops the hub", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C arrives as KeyboardInterrupt
            pass
    try:
        await stop.wait()
    finally:
        if announcement is not None:
            try:
                await asyncio.wait_for(announcement.close(), 3)
            except Exception:
                pass
        await runner.cleanup()
    print(f"hub stopped; {len(hub.results)} result(s) kept in {store.path}", flush=True)
    return 0
