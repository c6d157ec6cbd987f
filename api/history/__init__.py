"""history of the facts service."""
