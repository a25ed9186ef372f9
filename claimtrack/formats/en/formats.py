"""How dates read everywhere in English on the desk: "29 Nov 2026", "29 Nov 2026 20:12" (the
desk's own pages write "j M Y H:i"); Django's own "Nov. 29, 2026, 8:12 p.m." showed in the
admin's read-only fields and the history list. Only display formats are set here: what forms
accept (the *_INPUT_FORMATS) stays Django's English."""

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
