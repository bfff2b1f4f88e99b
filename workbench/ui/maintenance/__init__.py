"""The store's upkeep in the window: the message bar, the background check, the daily
backup and 帮助 → 数据与备份."""
