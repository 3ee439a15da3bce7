"""ReportLab documents: ``render_x(data, lang) -> bytes``. No Qt, no file dialogs."""
