"""The desktop side of sync (docs/sync.md): enrolment, sealing local edits into signed change
sets in the same transaction as the edit, push, pull, receipts, conflicts, sync by file.

Nothing here imports Qt; long work reports through a plain progress callback and checks a
cancel token, so the GUI runs it in a worker thread and the CLI runs it directly.
"""
