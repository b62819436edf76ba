"""The sync wire format, shared by the desktop client and the GED server (one module, one truth).

- `canonical`: strict I-JSON parsing and RFC 8785 canonical bytes;
- `signing`: Ed25519 keys, key ids and domain-separated signatures;
- `envelope`: the change-set envelope (``nsss-cs/1``), its validation, acks and checkpoints;
- `tables`: which tables sync, how their columns travel (money as decimal strings) and who
  owns a row.

Nothing here touches a database, the network or Qt.
"""
