"""Lint posts: discover files, run rules, suppress, fix, report."""
