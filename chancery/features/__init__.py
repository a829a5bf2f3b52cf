"""The standard sections: news, consular services, contact, relations, alerts, crises and
the web editor. Each reads content and returns its pages and views."""
