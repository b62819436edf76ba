"""Migration 0007: rotation and owner columns come and go; a sealed set's cosignature is sealed
like its signature; an outbox written at 0006 keeps working."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError

from nsss_desktop.store import migrate
from nsss_desktop.store.database import Database
from tests.sync_client.conftest import FakeServerKeys, enrol_offline, figure_led_by
from tests.sync_client.test_migration_0006 import PASSPHRASE, _to


def _columns(db, table: str) -> set[str]:
    with db.engine.connect() as conn:
        return {r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')}


def test_upgrade_from_0006_and_downgrade(tmp_path):
    db, _ = Database.create(tmp_path / "old.nsssdb", PASSPHRASE, use_keyring=False,
                            revision="0006")
    try:
        with db.engine.begin() as conn:  # a set sealed at 0006
            conn.exec_driver_sql(
                "INSERT INTO outbox (device_id, device_seq, changeset_id, kind, payload, "
                "signature, payload_sha256, prev_hash, op_count, attachment_count, created_at, "
                "state, last_error, attempts) VALUES ('d', 1, 'c', 'data', x'7b7d', 's', 'h', "
                "'p', 0, 0, 't', 'pending', '', 0)")
        _to(db, "0007")
        assert "cosignature" in _columns(db, "outbox")
        assert {"next_key_id", "next_public_key", "next_private_key"} <= _columns(
            db, "sync_identity")
        assert "owner" in _columns(db, "sync_row")
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE outbox SET state = 'acked' WHERE id = 1")  # allowed
        for column, value in (("cosignature", "'x'"), ("signature", "'x'")):
            with pytest.raises(DBAPIError, match="NSSS_SEALED"), db.engine.begin() as conn:
                conn.exec_driver_sql(f"UPDATE outbox SET {column} = {value} WHERE id = 1")
        _to(db, "0006", down=True)
        assert "cosignature" not in _columns(db, "outbox")
        assert "owner" not in _columns(db, "sync_row")
        with pytest.raises(DBAPIError, match="NSSS_SEALED"), db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE outbox SET signature = 'y' WHERE id = 1")
        _to(db, "head")
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.close()


def test_an_identity_enrolled_before_a_rotation_loads_without_a_next_key(demo_copy):
    from nsss_desktop.sync_client import enrol

    ident = enrol_offline(demo_copy, FakeServerKeys(), "MoSW")
    loaded = enrol.load(demo_copy)
    assert loaded.key_id == loaded.sealing_key_id == ident.key_id
    assert loaded.next_key_id is None and loaded.next_private_key is None
    assert figure_led_by(demo_copy, "MoSW")


def test_the_desktop_seals_under_its_head_and_the_server_still_takes_0006():
    from nsss_desktop.sync_client.seal import SCHEMA_VERSION
    from nsss_desktop.wire.envelope import SCHEMA_VERSIONS

    assert SCHEMA_VERSION == SCHEMA_VERSIONS[-1] == migrate.head_revision() == "0007"
    assert SCHEMA_VERSIONS[-2:] == ("0006", "0007")  # sets sealed before the upgrade count
