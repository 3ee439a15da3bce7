"""Use cases the UI calls: domain rules and storage in one transaction. No Qt."""
