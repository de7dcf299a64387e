from pixtui.cli import main

raise SystemExit(main())
