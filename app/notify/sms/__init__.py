"""SMS: the provider connector kind (base.py), MessageBird (messagebird.py), demo, segments."""
