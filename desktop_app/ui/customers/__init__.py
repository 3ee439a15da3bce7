"""The Customers area: search as you type, the customer file, customer and vehicle dialogs."""
