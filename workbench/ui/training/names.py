"""Training's names as the window shows them: ``name(text)``.

The domain names situations, sources and grades in Chinese (the CLI and files keep
those); the window shows them through Qt's translation. lupdate reads only literal
strings, hence the list; a test checks it covers every name the domain has.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "TrainingNames"

NAMES = (
    # situations (scenarios.SITUATIONS)
    QT_TRANSLATE_NOOP("TrainingNames", "售前"),
    QT_TRANSLATE_NOOP("TrainingNames", "售中"),
    QT_TRANSLATE_NOOP("TrainingNames", "售后"),
    # where a scenario comes from (Scenario.source_name)
    QT_TRANSLATE_NOOP("TrainingNames", "内置"),
    QT_TRANSLATE_NOOP("TrainingNames", "团队"),
    # where a session was played (results.SOURCE_NAMES)
    QT_TRANSLATE_NOOP("TrainingNames", "窗口练习"),
    QT_TRANSLATE_NOOP("TrainingNames", "脚本回放"),
    # the course's conversion grades (supervision.metrics.CONVERSION_GRADES)
    QT_TRANSLATE_NOOP("TrainingNames", "优秀"),
    QT_TRANSLATE_NOOP("TrainingNames", "良好"),
    QT_TRANSLATE_NOOP("TrainingNames", "合格"),
    QT_TRANSLATE_NOOP("TrainingNames", "不合格"),
)


def name(text: str) -> str:
    """A name the domain gave, in the window's language."""
    return QCoreApplication.translate(CONTEXT, text)
