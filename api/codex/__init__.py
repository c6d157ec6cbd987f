"""codex of the facts service."""
