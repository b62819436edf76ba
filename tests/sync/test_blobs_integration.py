"""Blobs through the real GED server (`python -m sync run`, SQLite and PostgreSQL), with real
enrolment, bearer sessions and the desktop's `ServerClient`: nothing is faked here.

T19's last clause: a change set whose attachment is not uploaded yet is held
(``awaiting_blob``), and it is applied as soon as the blob completes.
"""

from __future__ import annotations

import hashlib
import io

import pytest
import requests
from sqlalchemy import select

from nsss_desktop.services import evidence
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Activity
from nsss_desktop.sync_client.blobs import download_blob, upload_blob
from nsss_desktop.sync_client.http import ServerClient
from nsss_desktop.sync_client.identity import Identity
from tests.conftest import copy_database
from tests.sync.craft import enrol_device, figure, public_b64, result_of
from tests.sync.test_blobs_support import MiB, pdf_bytes


@pytest.fixture
def other_db(demo_template, tmp_path, passphrase):
    db = Database.open(copy_database(demo_template, tmp_path / "other.nsssdb"),
                       passphrase=passphrase, use_keyring=False)
    yield db
    db.close()


def test_blob_through_the_real_server_releases_the_held_set(server, demo_copy, other_db) -> None:
    data = pdf_bytes(6 * MiB + 5, seed=21)
    sha = hashlib.sha256(data).hexdigest()
    with demo_copy.reader() as s:
        activity_id = s.scalar(select(Activity.id).order_by(Activity.id).limit(1))
    evidence.attach(demo_copy, activity_id, io.BytesIO(data), title="Circular", kind="circular",
                    original_name="circular.pdf")
    url = f"{server.base_url}/v1/blobs/{sha}"
    manifest = {"sha256": sha, "size": len(data), "media_type": "application/pdf",
                "display_name": "circular.pdf"}

    anonymous = requests.put(url, json={k: manifest[k] for k in ("size", "media_type",
                                                                  "display_name")}, timeout=30)
    assert anonymous.status_code == 401
    assert requests.head(url, timeout=30).status_code == 401

    dev = enrol_device(server, "MoSW")
    item = dev.seal([figure("MoSW")], attachments=[manifest])
    held = result_of(dev.post(item))
    assert held["status_code"] == 202, held
    assert held["error"]["code"] == "awaiting_blob"

    identity = Identity(device_id=dev.device_id, key_id=dev.key_id, private_key=dev.key,
                        public_key=public_b64(dev.key), ministry_code=dev.ministry_code,
                        user_name="Test Officer", device_name="Test PC",
                        environment=server.environment, server_url=server.base_url,
                        root_public_key="", root_key_id="")
    with ServerClient(server.base_url, identity, allow_http=True) as client:
        progress: list[int] = []
        upload_blob(client, demo_copy, sha, progress=lambda done, total: progress.append(done),
                    chunk_size=2 * MiB)
        assert progress[-1] == len(data)

        again = result_of(dev.post(item))  # the stored answer: applied once the blob completed
        assert again["duplicate"] is True, again
        assert again["ack"]["ack"]["status"] == "applied", again

        upload_blob(client, demo_copy, sha)  # idempotent
        download_blob(client, other_db, sha)
    assert evidence.read(other_db, sha) == data
    blobs = server.data_dir / "blobs"
    assert (blobs / sha[:2] / sha).read_bytes() == data
