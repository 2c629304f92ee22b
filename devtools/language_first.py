"""Imported before any page by the tools that build pages: it chooses the language.

Some word tables are translated when their module is imported (see
``recovery_app.core.i18n``), so ``--pseudo`` must take effect before that.
"""

import os
import sys

from recovery_app import language

if "--pseudo" in sys.argv:
    os.environ[language.ENV] = language.PSEUDO
language.choose()
