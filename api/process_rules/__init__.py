"""process rules of the facts service."""
