"""The PDF path: pdfminer's text lines with positions (layout), tables (table), the
survey's two appendices (survey), a list document as extracted-looking text (text).
Only `layout` imports pdfminer."""
