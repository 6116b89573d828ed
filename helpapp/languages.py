"""The interface languages, shared by the window and the command line without Qt.

The source strings are English. Simplified Chinese is the default whatever the system
locale, because partners read Chinese also on a laptop whose system language is English.
"""

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)
