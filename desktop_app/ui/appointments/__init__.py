"""The Appointments area: day and week boards, booking, confirmation calls, check-in, and the
reception display."""
