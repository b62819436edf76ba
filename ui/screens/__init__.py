"""The main window's screens, one module each; each calls services, never SQL."""
