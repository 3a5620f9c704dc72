"""Training code for detente's learned components (kept outside the package, as NGEC does)."""
