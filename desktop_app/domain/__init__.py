"""Plain-Python dealership rules: no Qt, no Peewee, no I/O.

Nothing here imports our other layers.
"""
