"""Conflicts name the record an officer knows ("OAA 2023-24 (MoSW)"), not its UUID."""

from sqlalchemy import text

from nsss_desktop.sync_client.row_labels import row_label


def test_labels_name_programme_period_and_activity(demo_copy):
    with demo_copy.reader() as s:
        conn = s.connection()
        fid, code, fy = conn.execute(text(
            "SELECT f.id, p.code, f.fiscal_year FROM figure f JOIN programme p ON p.id = "
            "f.programme_id WHERE p.code = 'OAA' AND f.period_kind = 'year' "
            "ORDER BY f.fiscal_year DESC LIMIT 1")).one()
        label = row_label(conn, "figure", fid)
        assert label.startswith(f"OAA {fy}-{(fy + 1) % 100:02d}"), label
        aid = conn.execute(text(
            "SELECT a.id FROM activity a JOIN objective o ON o.id = a.objective_id JOIN "
            "action_plan ap ON ap.id = o.action_plan_id WHERE ap.code = 'AP2016' AND "
            "a.number = '1'")).scalar_one()
        assert row_label(conn, "activity", aid) == "AP2016 1"
        pid = conn.execute(text("SELECT id FROM programme WHERE code = 'VGD'")).scalar_one()
        assert row_label(conn, "programme", pid) == "VGD"
        assert row_label(conn, "figure", "01900000-0000-7000-8000-000000000000") == ""
        assert row_label(conn, "setting", fid) == ""
