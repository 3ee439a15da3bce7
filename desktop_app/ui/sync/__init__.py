"""The Sync area: the background pass (controller), the Sync page, registering this PC."""
