"""Data behind the fact rules: the gazetteer index (built once, cached, loaded lazily)."""
