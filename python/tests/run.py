#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run the package's unittest suite (what the `python` ctest runs); exit 77,
with the reason, when VNX_PY_SKIP says why it cannot run."""
import os
import sys
import unittest

if os.environ.get("VNX_PY_SKIP"):
    print("skipped:", os.environ["VNX_PY_SKIP"])
    sys.exit(77)
suite = unittest.defaultTestLoader.discover(os.path.dirname(os.path.abspath(__file__)))
result = unittest.TextTestRunner(verbosity=2).run(suite)
sys.exit(0 if result.wasSuccessful() else 1)
