"""Local fakes of external systems, each its own process on a loopback port (real HTTP)."""
