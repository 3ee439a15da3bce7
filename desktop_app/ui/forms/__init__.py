"""Modules generated from ../../../forms/*.ui by ``python -m desktop_app.build_assets``.

Never edit the generated ``ui_*.py`` files: edit the .ui in Qt Designer and rebuild.
"""
