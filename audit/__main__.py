"""`python -m audit`: the same as the `audit` command."""

import sys

try:
    from audit.cli import main
except ModuleNotFoundError as error:  # run from a checkout without the dependencies installed
    print(f"audit: error: missing dependency {error.name!r}; install the project first: pip install -e .", file=sys.stderr)
    sys.exit(2)

main()
