"""External checking engines (LanguageTool) whose findings merge with copylint's own."""
