"""Turn a recap into a post: templates, filters, dates, front matter."""
