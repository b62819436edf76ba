"""`python -m nsss_desktop` behaves exactly like the `nsss-desktop` console script."""

import sys

from nsss_desktop.cli import main

sys.exit(main())
