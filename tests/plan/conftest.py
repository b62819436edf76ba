"""A demo database built once per session and copied for each test.

Building the demo (key derivation, migrations, the data load) takes seconds; copying the
closed, encrypted file and its key file and opening the copy takes milliseconds, and each
test still gets its own real SQLCipher database to write to.
"""

import pytest


@pytest.fixture
def plan_db(demo_copy):
    """A fresh copy of the demo database (ministries, the two demo plans), open for writing."""
    return demo_copy
