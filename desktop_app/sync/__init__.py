"""Sync with the dealer group's hub (client, conflict rules, exports).

The foundation provides what sync builds on, in storage: the trigger-fed change journal
(``change_log``: table, row id, op, changed columns, hybrid logical clock value, device id,
actor), UUIDv7 ids, tombstones (``deleted_at``), and ``Database.without_capture()`` for
applying remote changes without journaling them again. The client and hub arrive with the
sync issue.
"""
