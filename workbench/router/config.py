"""The router's config file (TOML), described in docs/team-mode.md."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from workbench.router.routing import AgentConfig

DEFAULT_AUTO_REPLY = "亲，您好！客服正在忙，已为您排队，请稍候，马上为您服务~"
PASSWORD_ENV = "WORKBENCH_ROUTER_PASSWORD"


class ConfigError(ValueError):
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


def load(path: Path) -> RouterConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"无法读取配置文件 {path}：{error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"配置文件 {path} 格式有误：{error}") from error
    here = path.parent
    service = data.get("service", {})
    if not service.get("jid"):
        raise ConfigError(f"{path}：[service] 缺少 jid（服务账号，例如 service@shop.example）")
    agents = []
    for entry in data.get("agents", []):
        if not entry.get("jid"):
            raise ConfigError(f"{path}：[[agents]] 的每一项都需要 jid")
        capacity, weight = int(entry.get("capacity", 20)), float(entry.get("weight", 1.0))
        if capacity < 1 or weight <= 0:
            raise ConfigError(f"{path}：客服 {entry['jid']} 的 capacity 须 ≥ 1,weight 须 > 0")
        agents.append(AgentConfig(str(entry["jid"]).lower(), capacity, weight))
    if not agents:
        raise ConfigError(f"{path}：至少需要一个 [[agents]]")
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
            return file.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ConfigError(f"无法读取密码文件 {file}：{error.strerror}") from error
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    raise ConfigError(f"没有服务账号的密码：请在 [service] 写 password_file，或设置 {PASSWORD_ENV}")
