"""The team router: a headless process that shares one shop's buyers among its agents.

routing.py holds the rules (Qt-free, XMPP-free), service.py speaks XMPP, config.py reads
the config file; the router's durable state is in workbench/store/router.py.
"""
