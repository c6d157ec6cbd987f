"""Staff overview endpoints: stale records, export and import of the whole content."""
