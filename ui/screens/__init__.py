"""The main window's screens, one module each; each calls services, never SQL.

`SCREEN_CLASSES` maps a navigation key to "module:Class"; a key without an entry shows its
placeholder. Every screen class takes the open `Database` and provides `ensure_loaded()`,
`is_ready()` and `retranslate_ui()`.
"""

SCREEN_CLASSES: dict[str, str] = {
    "overview": "ui.screens.overview:OverviewScreen",
    "settings": "ui.screens.settings:SettingsScreen",
    "about": "ui.screens.about:AboutScreen",
    "action_plan": "ui.screens.action_plan:ActionPlanScreen",
    "committee": "ui.screens.committee:CommitteeScreen",
    "ministries": "ui.screens.ministries:MinistriesScreen",
    "clusters": "ui.screens.clusters:ClustersScreen",
    "search": "ui.screens.search:SearchScreen",
    "reports": "ui.screens.reports:ReportsScreen",
    "dashboards": "ui.screens.programme_dashboards:ProgrammeDashboardsScreen",
    "programmes": "ui.screens.programmes:ProgrammesScreen",
    "figures_entry": "ui.screens.figures_entry:FiguresEntryScreen",
    "pivot": "ui.screens.pivot:PivotScreen",
    "sync": "ui.screens.sync:SyncScreen",
}
