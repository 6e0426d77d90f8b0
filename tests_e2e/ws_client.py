"""A synchronous websocket client for Home Assistant's API, and waiting.

The e2e tests drive a real Home Assistant from plain (synchronous) pytest
tests; the client runs aiohttp in a thread of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import contextlib
import json
import queue
import threading
import time
from typing import Any

import aiohttp


def wait_for[T](
    check: Callable[[], T | None], timeout: float, what: str, interval: float = 0.25
) -> T:
    """Poll ``check`` until it returns something truthy; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        if result := check():
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


class EventLog:
    """Every event of a subscription (``subscribe_events``) since it began."""

    def __init__(self, events: queue.Queue[dict[str, Any]]) -> None:
        """Read from the subscription's queue."""
        self._queue = events
        self.seen: list[dict[str, Any]] = []

    def _drain(self) -> None:
        while True:
            try:
                self.seen.append(self._queue.get_nowait())
            except queue.Empty:
                return

    def mark(self) -> int:
        """The position after every event received so far."""
        self._drain()
        return len(self.seen)

    def since(self, mark: int) -> list[dict[str, Any]]:
        """The data of every event received after ``mark``."""
        self._drain()
        return [event["data"] for event in self.seen[mark:]]

    def wait(self, since: int, timeout: float, **match: Any) -> dict[str, Any]:
        """The first event data after ``since`` whose fields equal ``match``."""

        def find() -> dict[str, Any] | None:
            self._drain()
            for event in self.seen[since:]:
                data: dict[str, Any] = event["data"]
                if all(data.get(k) == v for k, v in match.items()):
                    return data
            return None

        return wait_for(find, timeout, f"an event with {match}")


class WebSocketClient:
    """A synchronous face on an aiohttp websocket running in its own thread."""

    def __init__(self, url: str, token: str) -> None:
        """Connect and authenticate."""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="e2e-websocket", daemon=True
        )
        self._thread.start()
        self._next_id = 1
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._subscriptions: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._run(self._connect(url.replace("http", "ws", 1), token))

    def _run(self, coro: Any, timeout: float = 60) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    async def _connect(self, url: str, token: str) -> None:
        self._session = aiohttp.ClientSession()
        self._ws = await self._session.ws_connect(f"{url}/api/websocket")
        assert (await self._ws.receive_json())["type"] == "auth_required"
        await self._ws.send_json({"type": "auth", "access_token": token})
        answer = await self._ws.receive_json()
        if answer["type"] != "auth_ok":
            raise RuntimeError(f"websocket auth failed: {answer}")
        self._loop.create_task(self._reader())

    async def _reader(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            if message.type is not aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            for item in data if isinstance(data, list) else [data]:
                if item.get("type") == "event" and item["id"] in self._subscriptions:
                    self._subscriptions[item["id"]].put(item["event"])
                elif (future := self._pending.pop(item.get("id"), None)) is not None:
                    future.set_result(item)
        for future in self._pending.values():
            future.set_exception(ConnectionError("websocket closed"))

    async def _send(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self._ws is not None
        message_id = self._next_id
        self._next_id += 1
        future: asyncio.Future[dict[str, Any]] = self._loop.create_future()
        self._pending[message_id] = future
        await self._ws.send_json({"id": message_id, **payload})
        return await future

    def command(self, message_type: str, **payload: Any) -> Any:
        """Send a command; return its result or raise on failure."""
        answer = self._run(self._send({"type": message_type, **payload}))
        if not answer.get("success"):
            raise RuntimeError(f"{message_type} failed: {answer.get('error')}")
        return answer.get("result")

    def subscribe(self, message_type: str, **payload: Any) -> queue.Queue[Any]:
        """Start a subscription; return the queue its events land in."""
        events: queue.Queue[Any] = queue.Queue()

        async def subscribe() -> dict[str, Any]:
            assert self._ws is not None
            message_id = self._next_id
            self._next_id += 1
            self._subscriptions[message_id] = events
            future: asyncio.Future[dict[str, Any]] = self._loop.create_future()
            self._pending[message_id] = future
            await self._ws.send_json(
                {"id": message_id, "type": message_type, **payload}
            )
            return await future

        answer = self._run(subscribe())
        if not answer.get("success"):
            raise RuntimeError(f"{message_type} failed: {answer.get('error')}")
        return events

    def state(self, entity_id: str) -> dict[str, Any] | None:
        """The state object of one entity (``get_states``)."""
        states: list[dict[str, Any]] = self.command("get_states")
        return next((s for s in states if s["entity_id"] == entity_id), None)

    def issues(self, domain: str) -> dict[str, dict[str, Any]]:
        """The repair issues of a domain (``repairs/list_issues``), by issue id."""
        found: list[dict[str, Any]] = self.command("repairs/list_issues")["issues"]
        return {i["issue_id"]: i for i in found if i["domain"] == domain}

    def registry_id(self, entity_id: str) -> str:
        """The entity registry id of an entity."""
        entry: dict[str, Any] = self.command(
            "config/entity_registry/get", entity_id=entity_id
        )
        return str(entry["id"])

    def close(self) -> None:
        """Close the connection and stop the thread."""

        async def close() -> None:
            if self._ws is not None:
                await self._ws.close()
            if self._session is not None:
                await self._session.close()

        with contextlib.suppress(Exception):
            self._run(close(), timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
