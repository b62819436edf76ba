"""The PySide6 desktop GUI over the Qt-free core in `nsss_desktop` (entry point: `ui.app.run`)."""
