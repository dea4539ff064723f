"""Rule packs shipped as TOML data (one rule per file), grouped by family folder."""
