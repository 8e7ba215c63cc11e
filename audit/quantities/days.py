"""Days named by weekday or counted from the day of writing: 週二, 昨天 / "on Tuesday", "yesterday"."""

from __future__ import annotations

import re

from audit.quantities.calendar_names import WEEKDAYS
from audit.quantities.records import DayRef

_ZH_WEEKDAY_NUMBER = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# 一周三次 is "three times a week", not a Wednesday: no numeral or 每 before 周.
_ZH_WEEKDAY = re.compile(r"(?:星期|礼拜|(?<![一二两三四五六七八九十每几数个])周)(?P<w>[一二三四五六日天])")
_ZH_RELATIVE_DAYS = {
    "今天": 0, "今日": 0, "今晚": 0, "今早": 0, "今晨": 0, "今夜": 0, "昨天": -1, "昨日": -1, "昨晚": -1,
    "昨夜": -1, "明天": 1, "明日": 1, "明晚": 1, "前天": -2, "后天": 2,
}
_ZH_RELATIVE = re.compile("|".join(_ZH_RELATIVE_DAYS))
_ZH_DAY_CHARS = re.compile("[期拜周今昨明前后]")  # in every word above
_EN_WEEKDAY = re.compile(rf"\b(?P<w>{'|'.join(WEEKDAYS)})s?\b")
_EN_RELATIVE_DAYS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "today": 0, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
}
_EN_RELATIVE = re.compile(rf"(?i)\b(?:{'|'.join(_EN_RELATIVE_DAYS)})\b")


def days_zh(text: str) -> list[DayRef]:
    """Weekdays and relative days of a Chinese (Simplified) sentence, in text order."""
    if not _ZH_DAY_CHARS.search(text):
        return []  # none of the words can be there (most sentences)
    found = [DayRef(_ZH_WEEKDAY_NUMBER[m.group("w")], None, m.group(0), *m.span()) for m in _ZH_WEEKDAY.finditer(text)]
    found += [DayRef(None, _ZH_RELATIVE_DAYS[m.group(0)], m.group(0), *m.span()) for m in _ZH_RELATIVE.finditer(text)]
    return sorted(found, key=lambda d: d.start)


def _weekdays_written(text: str) -> list[DayRef]:
    return [DayRef(WEEKDAYS.index(m.group("w")), None, m.group(0), *m.span()) for m in _EN_WEEKDAY.finditer(text)]


def days_en(text: str) -> list[DayRef]:
    """Weekdays and relative days of an English sentence ("on Tuesday", "yesterday"), in text order."""
    lower = text.lower()
    if not ("day" in lower or "ight" in lower or "orrow" in lower or "this" in lower):
        return []  # weekdays, today, tonight, last night, tomorrow, this morning: none can be there
    found = _weekdays_written(text)
    found += [DayRef(None, _EN_RELATIVE_DAYS[m.group(0).lower()], m.group(0), *m.span()) for m in _EN_RELATIVE.finditer(text)]
    return sorted(found, key=lambda d: d.start)
