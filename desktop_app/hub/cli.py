"""``python -m desktop_app hub init|serve|add-device|exports``."""

from __future__ import annotations

import argparse
import sys

import psycopg

from .store import HubStore


def hub_command(args: argparse.Namespace) -> int:
    store = HubStore(args.dsn)
    try:
        if args.hub_command == "init":
            store.init()
            print("hub tables ready")
            return 0
        if args.hub_command == "add-device":
            store.init()
            print(store.add_device(args.site, args.label))
            return 0
        if args.hub_command == "devices":
            for d in store.devices():
                seen = f"{d['last_seen']:%Y-%m-%d %H:%M}" if d["last_seen"] else "never"
                state = "revoked" if d["revoked"] else "active"
                print(
                    f"{d['site']}\t{d['label'] or '-'}\t{d['device_id'] or '(token not used)'}"
                    f"\t{d['pc_code'] or '-'}\t{seen}\t{state}"
                )
            return 0
        if args.hub_command == "revoke":
            if not store.revoke(args.device):
                print(f"error: no PC {args.device} on this hub", file=sys.stderr)
                return 1
            print(f"revoked {args.device}")
            return 0
        if args.hub_command == "exports":
            for row in store.exports():
                print(
                    f"{row['received_at']:%Y-%m-%d %H:%M:%S}\t{row['site']}\t{row['kind']}\t"
                    f"{row['day']}\t{row['file_name']}\t{row['size']}\t{row['sha256']}"
                )
            return 0
        if args.hub_command == "serve":
            from .app import serve

            store.init()
            serve(args.dsn, args.host, args.port, certfile=args.certfile, keyfile=args.keyfile)
            return 0
    except psycopg.OperationalError as exc:
        print(f"error: cannot reach the hub's PostgreSQL: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1
