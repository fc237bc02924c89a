"""The app refuses to start where it would be unsafe: no own secret, no public address."""

from pathlib import Path

import pytest

from app import create_app
from app.config import DevelopmentConfig, ProductionConfig, TestConfig


def production(**attrs: object) -> type:
    base = {
        "SECRET_KEY": "s" * 64,
        "SQLALCHEMY_DATABASE_URI": "sqlite://",
        "PUBLIC_URL": "https://loket.example",
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:1/0",  # not reached by these tests
        "CONNECTORS": {"inlog": "oidc"},
        # A production app refuses to start with a half-configured login broker.
        "OIDC_ISSUER": "https://login.example",
        "OIDC_CLIENT_ID": "loket",
        "OIDC_CLIENT_SECRET": "x" * 32,
    }
    return type("P", (ProductionConfig,), {**base, **attrs})


def test_outside_development_the_app_needs_its_own_secret() -> None:
    for key in ("", "kort"):
        with pytest.raises(RuntimeError, match="SECRET_KEY"):
            create_app(production(SECRET_KEY=key))
    create_app(production())


def test_no_secret_key_is_written_in_the_code() -> None:
    assert not DevelopmentConfig.SECRET_KEY or DevelopmentConfig.SECRET_KEY == TestConfig.SECRET_KEY
    import app.config

    source = Path(app.config.__file__).read_text(encoding="utf-8")
    assert "development-only" not in source


def test_development_writes_its_own_secret_on_the_first_start(tmp_path: Path) -> None:
    config = type(
        "D",
        (DevelopmentConfig,),
        {"INSTANCE_DIR": tmp_path, "SECRET_KEY": "", "SQLALCHEMY_DATABASE_URI": "sqlite://"},
    )
    first = create_app(config).config["SECRET_KEY"]
    assert len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0  # readable by the owner only
    assert create_app(config).config["SECRET_KEY"] == first  # sessions survive a restart


def test_outside_development_absolute_urls_need_public_url() -> None:
    with pytest.raises(RuntimeError, match="PUBLIC_URL"):
        create_app(production(PUBLIC_URL=""))


def test_trusted_hosts_default_to_the_public_url() -> None:
    app = create_app(production())
    assert app.config["TRUSTED_HOSTS"] == ["loket.example"]
    client = app.test_client()
    assert client.get("/health", headers={"Host": "kwaad.example"}).status_code == 400


def test_production_needs_redis_for_its_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "s" * 64)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("PUBLIC_URL", "https://loket.example")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "memory://")
    with pytest.raises(RuntimeError, match="Redis"):
        create_app("production")
