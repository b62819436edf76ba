"""Helper scripts and shared checks for tests/store (run as child processes or imported)."""
