"""伙伴离线帮助: the Huawei Cloud partner FAQ, searchable offline."""

__version__ = "0.1.0"
