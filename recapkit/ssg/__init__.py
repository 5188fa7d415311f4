"""Static site generators: what each one does, and the site a path belongs to."""
