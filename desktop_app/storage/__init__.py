"""Peewee models on SQLite, migrations, the change journal, and repositories of domain objects."""
