"""Advisory sessions: open advisory, drop-in and opening hours of a place."""
