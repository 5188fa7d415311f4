"""Lint posts: discover files, read each as its site's generator does, run the rules, apply the
run's policy, fix, check remote URLs, report. :mod:`recapkit.lint.pipeline` is a whole run."""
