"""Content pages (services in B1 and easy-read), the home page by life events, and search."""
