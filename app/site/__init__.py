"""Site-wide pages: contact, accessibility, privacy, sitemap, security.txt, health, errors."""
