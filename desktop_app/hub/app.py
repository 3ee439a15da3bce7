"""The hub's HTTP service (Starlette): stateless, so several instances can serve one PostgreSQL
behind a proxy.

Every request carries ``Authorization: Bearer <device token>``, ``X-DD-Device`` (the PC's
device id), ``X-DD-Schema`` (its schema version; the current and the previous one are
accepted) and ``X-DD-Time`` (the PC's clock in ms; more than 5 minutes off the hub's is refused
so a wrong clock cannot order edits). Answers are JSON; refusals are
``{"error": code, "message": words}`` with a 4xx status.

Routes: ``GET /v1/hello``, ``POST /v1/push``, ``GET /v1/pull?after=N&limit=M``,
``PUT /v1/exports/{sha256}`` and ``GET /health``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import psycopg
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..sync.protocol import MAX_PULL_PAGE, MAX_SKEW_MS
from .store import ACCEPTED_SCHEMAS, Device, HubRefusal, HubStore

log = logging.getLogger(__name__)

Handler = Callable[[Request, HubStore, Device], Awaitable[dict[str, Any] | Response]]


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _device(store: HubStore, request: Request) -> Device:
    schema = request.headers.get("x-dd-schema", "")
    if not schema.isdigit() or int(schema) not in ACCEPTED_SCHEMAS:
        raise HubRefusal(
            426,
            "schema",
            f"this PC runs schema {schema or '?'}; the hub accepts "
            f"{', '.join(str(v) for v in sorted(ACCEPTED_SCHEMAS))}: update DealerDesk",
        )
    sent = request.headers.get("x-dd-time", "")
    if not sent.lstrip("-").isdigit():
        raise HubRefusal(400, "clock", "the request carries no clock")
    skew = int(sent) - _now_ms()
    if abs(skew) > MAX_SKEW_MS:
        raise HubRefusal(
            409,
            "clock_skew",
            f"this PC's clock is {skew / 60000:+.1f} minutes off the hub's; set it right to sync",
        )
    auth = request.headers.get("authorization", "")
    token = auth[7:] if auth.lower().startswith("bearer ") else ""
    with store.connect() as conn:
        device = store.authenticate(conn, token, request.headers.get("x-dd-device", ""))
        conn.commit()
    return device


def _endpoint(store: HubStore, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            device = await run_in_threadpool(_device, store, request)
            body = await handler(request, store, device)
        except HubRefusal as refusal:
            return JSONResponse(
                {"error": refusal.code, "message": refusal.message, "hub_time": _now_ms()},
                status_code=refusal.status,
            )
        except psycopg.OperationalError as exc:
            log.warning("database unavailable: %s", exc)
            return JSONResponse(
                {"error": "unavailable", "message": "the hub's database is not reachable"},
                status_code=503,
            )
        if isinstance(body, Response):
            return body
        body["hub_time"] = _now_ms()
        return JSONResponse(body)

    return endpoint


async def _hello(request: Request, store: HubStore, device: Device) -> dict[str, Any]:
    wanted = request.headers.get("x-dd-pc-code", "")[:8]
    code = await run_in_threadpool(store.claim_pc_code, device, wanted)
    return {
        "hub": await run_in_threadpool(store.hub_id),
        "site": device.site,
        "device": device.device_id,
        "watermark": device.pushed_seq,
        "pc_code": code,
    }


async def _push(request: Request, store: HubStore, device: Device) -> dict[str, Any]:
    try:
        payload = json.loads(await request.body())
        ops = list(payload["ops"])
        base = int(payload.get("base", 0))
    except (ValueError, KeyError, TypeError) as exc:
        raise HubRefusal(400, "bad_request", f"not a push batch: {exc}") from exc
    result = await run_in_threadpool(store.push, device, ops, base)
    return {
        "applied": result.applied,
        "skipped": result.skipped,
        "refused": result.refused,
        "conflicts": result.conflicts,
        "watermark": result.watermark,
    }


async def _pull(request: Request, store: HubStore, device: Device) -> Response:
    try:
        after = int(request.query_params.get("after", "0"))
        limit = min(int(request.query_params.get("limit", str(MAX_PULL_PAGE))), MAX_PULL_PAGE)
    except ValueError as exc:
        raise HubRefusal(400, "bad_request", "after and limit are numbers") from exc
    page = await run_in_threadpool(store.pull, device, after, max(1, limit))
    # the rows are JSON text already (made by PostgreSQL): sent on as they are
    tail = json.dumps(
        {"next": page["next"], "more": page["more"], "head": page["head"], "hub_time": _now_ms()}
    )
    body = '{"rows": ' + page["rows"] + ", " + tail[1:]
    return Response(body.encode("utf-8"), media_type="application/json")


async def _export(request: Request, store: HubStore, device: Device) -> dict[str, Any]:
    sha = request.path_params["sha256"]
    content = await request.body()
    stored = await run_in_threadpool(
        store.put_export,
        device,
        sha,
        request.headers.get("x-dd-kind", ""),
        request.headers.get("x-dd-day", ""),
        request.headers.get("x-dd-file", sha),
        content,
    )
    return {"stored": stored, "sha256": sha}


async def _health(request: Request) -> Response:
    return JSONResponse({"ok": True, "hub_time": _now_ms()})


def create_app(dsn: str) -> Starlette:
    store = HubStore(dsn)
    return Starlette(
        routes=[
            Route("/health", _health),
            Route("/v1/hello", _endpoint(store, _hello)),
            Route("/v1/push", _endpoint(store, _push), methods=["POST"]),
            Route("/v1/pull", _endpoint(store, _pull)),
            Route("/v1/exports/{sha256}", _endpoint(store, _export), methods=["PUT"]),
        ]
    )


def serve(
    dsn: str,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    certfile: str | None = None,
    keyfile: str | None = None,
) -> None:
    """Run one service instance (uvicorn); TLS from the certificate files when given."""
    import uvicorn

    uvicorn.run(
        create_app(dsn),
        host=host,
        port=port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        log_level="info",
    )
