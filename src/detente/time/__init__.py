"""Helpers of the time stage (``detente.dating``): date windows and their resolvers (``windows``),
the time-expression grammar and anchor events (``grammar``), clause structure (``syntax``)."""
