"""The hub: the sync service that runs beside the dealer group's PostgreSQL (server side of
sync). ``store`` holds the data and the merge, ``app`` the HTTP service, ``cli`` the commands."""
