"""The comparison engine: pure Python, no Qt.

Public entry point: ``diffviewer.core.compare`` (``compare_files`` / ``compare_texts``).
"""
