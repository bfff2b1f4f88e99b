"""The customers area: the 客户 window, buyer files, the 关怀 list, tiers and care settings."""
