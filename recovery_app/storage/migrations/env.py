"""Alembic environment: always run programmatically with the app's own connection."""

from alembic import context

# No app code here: a migration must do the same thing whatever later versions change.

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app never runs Alembic's CLI
    raise RuntimeError("Run migrations through recovery_app.storage.migrate.upgrade().")

context.configure(
    connection=connection,
    target_metadata=None,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
