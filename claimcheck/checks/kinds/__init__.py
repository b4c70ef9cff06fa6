"""One module per rule kind: each declares its kind (``@rule_kind``) and checks claims into findings."""
