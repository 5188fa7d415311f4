"""The report formats CI services define themselves: GitLab Code Quality (:mod:`.gitlab`),
reviewdog's rdjson (:mod:`.rdjson`) and a Markdown step summary (:mod:`.markdown`).

Each module has one ``report(report, stream)``; :data:`recapkit.lint.reporters.REPORTERS` names them.
"""
