"""Making HTML safely: Markdown, pictures, the sanitiser and escapers, fonts, lean HTML."""
