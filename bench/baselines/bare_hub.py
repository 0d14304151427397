"""Baseline beside the room benchmark: the least an aiohttp hub can do with a posted result.

POST /api/results reads the body, parses the JSON and answers 201 with a number; every open
GET /api/wall/stream (server-sent events) then gets the list of numbers at once. No code check,
no schema, no storage, no wall to compute: what is left is aiohttp, JSON and the event stream.
Prints its wall address on the first line, like `bbb host`, and serves until SIGINT/SIGTERM.
"""

import asyncio
import json
import signal
import sys

from aiohttp import web


async def main(port: int) -> None:
    ids: list[int] = []
    changed = asyncio.Event()

    async def post(request):
        json.loads(await request.read())
        ids.append(len(ids) + 1)
        nonlocal changed
        old, changed = changed, asyncio.Event()
        old.set()
        return web.json_response({"wall_id": ids[-1]}, status=201)

    async def stream(request):
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await resp.prepare(request)
        while True:
            event = changed
            players = [{"id": f"{i}-0"} for i in ids]
            await resp.write(b"event: wall\ndata: " + json.dumps({"players": players}).encode() + b"\n\n")
            await event.wait()

    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_post("/api/results", post)
    app.router.add_get("/api/wall/stream", stream)
    runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    print(f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/wall", flush=True)
    print("Ctrl+C stops the hub", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
