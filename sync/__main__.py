"""``python -m sync`` runs the GED server command line (same as ``nsss-server``)."""

from sync.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
