"""Staff and editor accounts: login with lock-out, roles, and the `flask gebruikers` command."""
