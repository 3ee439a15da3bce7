"""The Care area (客户关怀): the worklist of callbacks and reminders worked from the keyboard,
the call-outcome dialog (the three-attempt rule, the message fallback, do-not-contact), the
complaints with their response clock, and the monthly KPIs."""
