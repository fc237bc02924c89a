"""E-mail: the transport connector kind (base.py), SMTP (smtp.py) and the demo transport."""
