#!/usr/bin/env python3
"""Validate the spin5 blind set: python3 validate.py  (exit code 1 on any error): spin4's checks, each target used once."""
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv = [sys.argv[0], HERE, "1"]
runpy.run_path(os.path.join(HERE, "..", "spin4", "validate.py"), run_name="__main__")
