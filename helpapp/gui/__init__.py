"""The Qt Widgets window of 伙伴离线帮助.

`app.run_gui` is the entry point. Widgets show models and emit signals of intent,
`searchworker` runs searches off the GUI thread, and `richtext` builds the escaped
HTML that the views display.
"""
