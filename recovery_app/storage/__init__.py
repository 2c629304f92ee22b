"""Storage: SQLAlchemy models, engine, migrations, repositories (no Qt)."""
