from recovery_app.cli import main

raise SystemExit(main())
