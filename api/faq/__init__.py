"""faq of the facts service."""
