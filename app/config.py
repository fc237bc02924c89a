"""Configuration classes. `create_app` takes one of these (or a subclass in tests)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _sqlite_url(name: str) -> str:
    return f"sqlite:///{ROOT / 'instance' / name}"


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    INSTANCE_DIR = ROOT / "instance"
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or _sqlite_url("loket.db")
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, object] = {"pool_pre_ping": True}
    CONTENT_DIR = ROOT / "content"
    # werkzeug's default (scrypt): slow on purpose, so a stolen table of hashes resists guessing.
    PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105 - a method name, not a password
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
    # Staff login throttle (app/auth/throttle.py): failures are counted per source address and
    # per account in the rate-limit store; after the free ones every failure doubles the wait.
    LOGIN_FREE_FAILURES_ACCOUNT = 5
    LOGIN_FREE_FAILURES_SOURCE = 10  # an office behind one address has several people
    LOGIN_FIRST_WAIT_SECONDS = 15
    LOGIN_MAX_WAIT_SECONDS = 15 * 60
    LOGIN_FORGET_AFTER_SECONDS = 24 * 60 * 60  # failures older than this no longer count
    # Where the public site lives, for absolute links (sitemap, hreflang, security.txt, the login
    # callback). Required outside development: the Host header of a request is chosen by the
    # client. Only the development server may fall back to the request's host.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "")
    PUBLIC_URL_FROM_REQUEST = False
    # Host headers the app answers (Flask's own setting); None accepts any well-formed host.
    # Outside development it defaults to the host of PUBLIC_URL.
    TRUSTED_HOSTS: list[str] | None = (
        [h.strip() for h in os.environ["TRUSTED_HOSTS"].split(",") if h.strip()]
        if os.environ.get("TRUSTED_HOSTS")
        else None
    )
    # Nothing a resident sends is larger: the language checker's 20,000 characters are at most
    # 240 KB as a form. Uploads get their own limit when they arrive.
    MAX_CONTENT_LENGTH = 512 * 1024
    MAX_FORM_MEMORY_SIZE = 512 * 1024
    # Content pages may be kept this long by browsers and proxies (they revalidate by ETag).
    CONTENT_MAX_AGE = 300
    SECURITY_CONTACT = "mailto:security@loket.example"
    # Which implementation each connector kind uses (see app/core/connectors.py); every kind
    # defaults to its demo implementation. The login broker is the real one as soon as it is
    # configured (INTERFACES.md: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET).
    CONNECTORS: dict[str, str] = {
        "inlog": "oidc" if os.environ.get("OIDC_ISSUER") else "demo",
        # Registers and the case system: the real client as soon as its URL is set.
        "personen": "http" if os.environ.get("BRP_PERSONEN_URL") else "demo",
        "reisdocumenten": "http" if os.environ.get("BRP_REISDOCUMENTEN_URL") else "demo",
        "zaken": "http" if os.environ.get("ZAKEN_URL") else "demo",
        "email": "smtp" if os.environ.get("SMTP_HOST") else "demo",
        "sms": "messagebird" if os.environ.get("MESSAGEBIRD_ACCESS_KEY") else "demo",
    }
    OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "")
    OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
    OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
    # How each method is asked for at the broker and what it must report back (see
    # app/identity/README.md). `OIDC_METHODS` in the environment (JSON) is merged over this,
    # per method: {"yivi": {"params": {"scope": "idp_scoping:yivi"}}}.
    OIDC_METHODS: dict[str, dict[str, object]] = {
        "digid": {
            # DigiD "Midden" (the app or an sms code) or higher.
            "acr_values": "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
            "accepted_acr": [
                "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
                "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
                "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
            ],
            "subject": "bsn",
        },
        "yivi": {
            "acr_values": "http://eidas.europa.eu/LoA/substantial",
            "accepted_acr": [
                "http://eidas.europa.eu/LoA/substantial",
                "http://eidas.europa.eu/LoA/high",
            ],
            "subject": "bsn",
        },
        "eherkenning": {
            "acr_values": "urn:etoegang:core:assurance-class:loa3",
            "accepted_acr": [
                "urn:etoegang:core:assurance-class:loa3",
                "urn:etoegang:core:assurance-class:loa4",
            ],
            "subject": "kvk",
        },
    }
    OIDC_TIMEOUT_SECONDS = float(os.environ.get("OIDC_TIMEOUT_SECONDS", "5"))
    OIDC_METADATA_MAX_AGE = 3600  # seconds the discovery document and JWKS are kept
    OIDC_LEEWAY_SECONDS = 60  # clock difference allowed when checking exp, iat and nbf
    # Send the ID token as `id_token_hint` when logging out at the broker. Off: the token holds
    # the BSN and would end up in the browser's history; only switch it on for a broker that
    # refuses to log out without it.
    OIDC_LOGOUT_ID_TOKEN_HINT = os.environ.get("OIDC_LOGOUT_ID_TOKEN_HINT", "") == "1"
    DEMO_LOGIN = False  # the "Testomgeving" login with fictitious residents
    # Minutes a resident's login lasts without activity; the session-status component warns
    # two minutes before the end (`RESIDENT_WARNING_SECONDS`).
    RESIDENT_IDLE_MINUTES = 15
    RESIDENT_WARNING_SECONDS = 120
    # Real register clients (app/prefill/contrib/haal_centraal.py). Each reads <PREFIX>_URL,
    # _API_KEY (sent as _API_KEY_HEADER, default X-API-KEY), _CLIENT_CERT + _CLIENT_KEY (mutual
    # TLS with a PKIoverheid certificate), _CA_BUNDLE and _TIMEOUT_SECONDS (short: a slow
    # register must never hold up a page).
    BRP_PERSONEN_URL = os.environ.get("BRP_PERSONEN_URL", "")
    BRP_PERSONEN_API_KEY = os.environ.get("BRP_PERSONEN_API_KEY", "")
    BRP_PERSONEN_CLIENT_CERT = os.environ.get("BRP_PERSONEN_CLIENT_CERT", "")
    BRP_PERSONEN_CLIENT_KEY = os.environ.get("BRP_PERSONEN_CLIENT_KEY", "")
    BRP_PERSONEN_TIMEOUT_SECONDS = 2.0
    BRP_REISDOCUMENTEN_URL = os.environ.get("BRP_REISDOCUMENTEN_URL", "")
    BRP_REISDOCUMENTEN_API_KEY = os.environ.get("BRP_REISDOCUMENTEN_API_KEY", "")
    BRP_REISDOCUMENTEN_CLIENT_CERT = os.environ.get("BRP_REISDOCUMENTEN_CLIENT_CERT", "")
    BRP_REISDOCUMENTEN_CLIENT_KEY = os.environ.get("BRP_REISDOCUMENTEN_CLIENT_KEY", "")
    BRP_REISDOCUMENTEN_TIMEOUT_SECONDS = 2.0
    # The ZGW Zaken API (app/cases/contrib/zgw.py): a JWT signed with the client id and secret
    # the case system's Autorisaties API knows; the catalogue's URLs for each case type.
    ZAKEN_URL = os.environ.get("ZAKEN_URL", "")
    ZAKEN_CLIENT_ID = os.environ.get("ZAKEN_CLIENT_ID", "")
    ZAKEN_SECRET = os.environ.get("ZAKEN_SECRET", "")
    ZAKEN_TIMEOUT_SECONDS = 3.0
    ZAKEN_BRONORGANISATIE = os.environ.get("ZAKEN_BRONORGANISATIE", "")  # RSIN of the municipality
    # Case type key (content/zaakstatussen.yaml) -> {"zaaktype": URL, "initiator": roltype URL,
    # "statussen": {status key: statustype URL}}; from the catalogue (Catalogi API).
    ZAKEN_CATALOGUS: dict[str, dict[str, object]] = {}
    # The demo registers, case system and payment provider (fictitious data, a "Testomgeving").
    # Off here: where a real client is not configured, a source is unavailable rather than
    # silently fictitious, and no case lands in Loket's own database.
    DEMO_SOURCES = False
    # Demo sources that act as if they were down (kinds, e.g. {"personen"}), to try that path.
    DEMO_SOURCES_DOWN: frozenset[str] = frozenset(
        k for k in os.environ.get("LOKET_DEMO_STORING", "").split(",") if k
    )
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
    # DejaVu Sans (it has € and ë) from npm, so letters work wherever `make setup` ran.
    NOTIFY_LETTER_FONT_DIR = os.environ.get(
        "NOTIFY_LETTER_FONT_DIR", str(ROOT / "node_modules" / "dejavu-fonts-ttf" / "ttf")
    )
    NOTIFY_LETTER_DUPLEX = True  # the day's bundle: each letter starts on a front page
    NOTIFY_DEMO_ALLOWED = False


class DevelopmentConfig(Config):
    """`make run`: the embedded SQLite database with demo data, not in debug mode.

    Without SECRET_KEY the app uses (and on the first start writes) `instance/secret_key`.
    """

    DEMO_LOGIN = True
    DEMO_SOURCES = True
    PUBLIC_URL_FROM_REQUEST = True
    SECRET_KEY_FILE = True
    NOTIFY_DEMO_ALLOWED = True


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-only-not-secret"  # noqa: S105 - tests only
    # The page checks sign staff in again for every staff page state: with scrypt that was a
    # seventh of their time. Accounts made in tests are hashed cheaply; the check reads the
    # method from the stored hash, so it works the same way.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"  # noqa: S105 - a method name
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    DEMO_LOGIN = True
    DEMO_SOURCES = True
    CONNECTORS: dict[str, str] = {}
    PUBLIC_URL_FROM_REQUEST = True  # the test client and the test servers are development servers
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
        """Refuse to start production without a real secret, database, address and Redis."""

        def setting(name: str) -> str:
            return str(os.environ.get(name) or getattr(cls, name, "") or "")

        if not setting("PUBLIC_URL"):
            raise RuntimeError(
                "PUBLIC_URL must be set in production, e.g. https://loket.nijmegen.nl"
            )
        if not setting("SECRET_KEY"):
            raise RuntimeError("SECRET_KEY must be set in production.")
        if (
            not os.environ.get("DATABASE_URL")
            and cls.SQLALCHEMY_DATABASE_URI == Config.SQLALCHEMY_DATABASE_URI
        ):
            raise RuntimeError("DATABASE_URL must be set in production (PostgreSQL).")
        if not setting("RATELIMIT_STORAGE_URI").startswith(("redis://", "rediss://")):
            raise RuntimeError(
                "RATELIMIT_STORAGE_URI must point at Redis in production (redis://host:6379/0):"
                " rate limits and the login throttle must hold across workers and machines."
            )


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}
