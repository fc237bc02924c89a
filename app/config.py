"""Configuration classes. `create_app` takes one of these (or a subclass in tests)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _sqlite_url(name: str) -> str:
    return f"sqlite:///{ROOT / 'instance' / name}"


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or _sqlite_url("loket.db")
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, object] = {"pool_pre_ping": True}
    CONTENT_DIR = ROOT / "content"
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    LANGUAGES = ("nl", "en")
    SESSION_COOKIE_NAME = "loket_sessie"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 8
    WTF_CSRF_TIME_LIMIT = 60 * 60 * 4
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    HSTS = False
    # Reverse proxies in front of the app (X-Forwarded-For hops to trust). Without this, every
    # resident behind the proxy shares one rate limit.
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
    LOGIN_MAX_FAILURES = 5
    LOGIN_LOCK_MINUTES = 15
    # Where the public site lives, for absolute links (sitemap, hreflang, security.txt). Set it in
    # production: the Host header of a request is chosen by the client.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "")
    SECURITY_CONTACT = "mailto:security@loket.example"
    # Which implementation each connector kind uses (see app/core/connectors.py); every kind
    # defaults to its demo implementation. The login broker is the real one as soon as it is
    # configured (INTERFACES.md: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET).
    CONNECTORS: dict[str, str] = {
        "inlog": "oidc" if os.environ.get("OIDC_ISSUER") else "demo",
        "email": "smtp" if os.environ.get("SMTP_HOST") else "demo",
        "sms": "messagebird" if os.environ.get("MESSAGEBIRD_ACCESS_KEY") else "demo",
    }
    OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "")
    OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
    OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
    DEMO_LOGIN = False  # the "Testomgeving" login with fictitious residents
    RESIDENT_IDLE_MINUTES = 15
    # Minutes a flow's answers are kept after the last step, per kind (default two hours).
    FLOW_TTL_MINUTES: dict[str, int] = {}

    # The outbox (app/notify): e-mail over an SMTP relay, SMS through MessageBird, letters as PDF.
    # Without SMTP_HOST / MESSAGEBIRD_ACCESS_KEY the demo connectors keep messages in the
    # database; NOTIFY_DEMO_ALLOWED says whether that is acceptable (not in production).
    SMTP_HOST = os.environ.get("SMTP_HOST", "")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
    SMTP_TLS = os.environ.get("SMTP_TLS", "starttls")  # "starttls", "ssl" or "none"
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_TIMEOUT = float(os.environ.get("SMTP_TIMEOUT", "30"))
    NOTIFY_EMAIL_FROM = os.environ.get(
        "NOTIFY_EMAIL_FROM", "Gemeente Nijmegen <noreply@loket.example>"
    )
    NOTIFY_REPLY_TO = os.environ.get("NOTIFY_REPLY_TO", "")
    NOTIFY_BOUNCE_ADDRESS = os.environ.get("NOTIFY_BOUNCE_ADDRESS", "")  # envelope sender
    NOTIFY_MESSAGE_ID_DOMAIN = os.environ.get("NOTIFY_MESSAGE_ID_DOMAIN", "")  # default: From's
    MESSAGEBIRD_URL = os.environ.get("MESSAGEBIRD_URL", "https://rest.messagebird.com")
    MESSAGEBIRD_ACCESS_KEY = os.environ.get("MESSAGEBIRD_ACCESS_KEY", "")
    SMS_ORIGINATOR = os.environ.get("SMS_ORIGINATOR", "Nijmegen")  # at most 11 letters
    SMS_TIMEOUT = float(os.environ.get("SMS_TIMEOUT", "15"))
    SMS_VALIDITY_SECONDS = int(os.environ.get("SMS_VALIDITY_SECONDS", str(24 * 3600)))
    # A text longer than this many segments is sent with "ë" as "e" when that makes it shorter.
    NOTIFY_SMS_MAX_SEGMENTS = 2
    # A claimed message is retried by another worker after the lease; it must be longer than
    # the slowest delivery (SMTP_TIMEOUT per step, several steps).
    NOTIFY_LEASE_SECONDS = float(os.environ.get("NOTIFY_LEASE_SECONDS", "300"))
    NOTIFY_MAX_ATTEMPTS = int(os.environ.get("NOTIFY_MAX_ATTEMPTS", "8"))
    NOTIFY_BACKOFF_SECONDS = float(os.environ.get("NOTIFY_BACKOFF_SECONDS", "60"))
    NOTIFY_BACKOFF_MAX_SECONDS = float(os.environ.get("NOTIFY_BACKOFF_MAX_SECONDS", "21600"))
    NOTIFY_POLL_SECONDS = float(os.environ.get("NOTIFY_POLL_SECONDS", "5"))
    NOTIFY_KEEP_DAYS = int(os.environ.get("NOTIFY_KEEP_DAYS", "90"))  # then purged
    NOTIFY_LETTER_FONT_DIR = os.environ.get(
        "NOTIFY_LETTER_FONT_DIR", "/usr/share/fonts/truetype/dejavu"
    )
    NOTIFY_LETTER_DUPLEX = True  # the day's bundle: each letter starts on a front page
    NOTIFY_DEMO_ALLOWED = False


class DevelopmentConfig(Config):
    """`make run`: the embedded SQLite database with demo data, not in debug mode."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "") or "development-only-not-secret"
    DEMO_LOGIN = True
    NOTIFY_DEMO_ALLOWED = True


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-only-not-secret"  # noqa: S105 - tests only
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    DEMO_LOGIN = True
    CONNECTORS: dict[str, str] = {}
    NOTIFY_DEMO_ALLOWED = True
    SMTP_HOST = "127.0.0.1"  # tests start aiosmtpd on a free port and pass SMTP_PORT
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "0"))
    SMTP_TLS = "none"
    SMTP_USERNAME = ""
    SMTP_TIMEOUT = 5.0
    NOTIFY_EMAIL_FROM = "Gemeente Nijmegen <noreply@loket.example>"
    MESSAGEBIRD_URL = os.environ.get("MESSAGEBIRD_URL", "http://127.0.0.1:9")
    MESSAGEBIRD_ACCESS_KEY = "test-access-key"  # the fake server's key (tests only)
    SMS_TIMEOUT = 5.0
    NOTIFY_LEASE_SECONDS = float(os.environ.get("NOTIFY_LEASE_SECONDS", "60"))
    NOTIFY_BACKOFF_SECONDS = 60.0
    NOTIFY_POLL_SECONDS = float(os.environ.get("NOTIFY_POLL_SECONDS", "0.2"))


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    HSTS = True
    PREFERRED_URL_SCHEME = "https"

    @classmethod
    def check(cls) -> None:
        """Refuse to start production without a real secret, database and public address."""
        if not os.environ.get("PUBLIC_URL"):
            raise RuntimeError(
                "PUBLIC_URL must be set in production, e.g. https://loket.nijmegen.nl"
            )
        if not os.environ.get("SECRET_KEY"):
            raise RuntimeError("SECRET_KEY must be set in production.")
        if not os.environ.get("DATABASE_URL"):
            raise RuntimeError("DATABASE_URL must be set in production (PostgreSQL).")


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}
