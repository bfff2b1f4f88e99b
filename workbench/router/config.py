"""The router's config file (TOML), described in docs/team-mode.md.

Read through :func:`workbench.filereader.read_utf8` (TOML is UTF-8): a missing, empty,
binary or GBK file is refused in one line, like every file the workbench reads.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from workbench.changes import Refused
from workbench.filereader import FileRefused, read_utf8
from workbench.router.routing import AgentConfig

DEFAULT_AUTO_REPLY = "亲，您好！客服正在忙，已为您排队，请稍候，马上为您服务~"
PASSWORD_ENV = "WORKBENCH_ROUTER_PASSWORD"


class ConfigError(Refused):
    """The config file is missing something or says something impossible."""


@dataclass
class RouterConfig:
    jid: str
    password: str = field(repr=False)
    database: Path
    agents: list[AgentConfig]
    server: str = ""
    port: int = 5222
    tls: bool = True
    ca_file: Path | None = None
    auto_reply: str = DEFAULT_AUTO_REPLY
    idle_minutes: float = 30.0
    log_file: Path | None = None


def _where_zh(error: tomllib.TOMLDecodeError) -> str:
    """Where tomllib stopped, in Chinese. Python 3.11's error has no lineno/colno: its
    message ends "(at line 3, column 5)" or "(at end of document)"."""
    text = str(error)
    found = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if found:
        return f"第 {found[1]} 行第 {found[2]} 列"
    if "(at end of document)" in text:
        return "文件末尾"
    return ""


def load(path: Path) -> RouterConfig:
    try:
        text = read_utf8(path)
    except FileRefused as refused:
        raise _unreadable("配置文件", "the config file", refused) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = _where_zh(error)
        raise ConfigError(f"配置文件 {path} 格式有误，不是合法的 TOML"
                          + (f"：错在{where}。" if where else "。"),
                          f"The config file {path} is malformed: {error}") from error
    here = path.parent
    service = data.get("service", {})
    if not service.get("jid"):
        raise ConfigError(f"{path}：[service] 缺少 jid（服务账号，例如 service@shop.example）",
                          f"{path}: [service] has no jid (the service account, e.g. "
                          "service@shop.example)")
    agents = []
    for entry in data.get("agents", []):
        if not entry.get("jid"):
            raise ConfigError(f"{path}：[[agents]] 的每一项都需要 jid",
                              f"{path}: every [[agents]] entry needs a jid")
        try:
            capacity, weight = int(entry.get("capacity", 20)), float(entry.get("weight", 1.0))
        except (TypeError, ValueError):
            capacity, weight = 0, 0.0
        if capacity < 1 or weight <= 0:
            raise ConfigError(f"{path}：客服 {entry['jid']} 的 capacity 须 ≥ 1，weight 须 > 0",
                              f"{path}: agent {entry['jid']} needs capacity ≥ 1 and "
                              "weight > 0")
        agents.append(AgentConfig(str(entry["jid"]).lower(), capacity, weight))
    if not agents:
        raise ConfigError(f"{path}：至少需要一个 [[agents]]",
                          f"{path}: at least one [[agents]] entry is needed")
    return RouterConfig(
        jid=str(service["jid"]).lower(),
        password=_password(service, here),
        database=here / service.get("database", "router.sqlite3"),
        agents=agents,
        server=service.get("server", ""),
        port=int(service.get("port", 5222)),
        tls=bool(service.get("tls", True)),
        ca_file=here / service["ca_file"] if service.get("ca_file") else None,
        auto_reply=data.get("routing", {}).get("auto_reply", DEFAULT_AUTO_REPLY),
        idle_minutes=float(data.get("routing", {}).get("idle_minutes", 30)),
        log_file=here / service["log_file"] if service.get("log_file") else None,
    )


def _password(service: dict, here: Path) -> str:
    """From a file only the router's user can read, or the environment; never the config."""
    if service.get("password_file"):
        file = here / service["password_file"]
        try:
            return read_utf8(file).strip()
        except FileRefused as refused:
            raise _unreadable("密码文件", "the password file", refused) from None
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    raise ConfigError(f"没有服务账号的密码：请在 [service] 写 password_file，或设置 {PASSWORD_ENV}",
                      f"No password for the service account: set password_file in [service] "
                      f"or {PASSWORD_ENV}")


def _unreadable(what_zh: str, what_en: str, refused: FileRefused) -> ConfigError:
    line_zh = f"第 {refused.row} 行：" if refused.row else ""
    line_en = f"line {refused.row}: " if refused.row else ""
    return ConfigError(f"无法读取{what_zh} {refused.path}（{line_zh}{refused.reason}）。",
                       f"Cannot read {what_en} {refused.path} ({line_en}{refused.reason_en}).")
