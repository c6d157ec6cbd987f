"""Facts service: the content staff keep current for the Jobcenter Randers assistant."""
