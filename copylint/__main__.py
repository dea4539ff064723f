"""python -m copylint."""
from .cli import main

main()
