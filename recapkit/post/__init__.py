"""A post as read from disk: front matter, Markdown body, images, links, code."""
