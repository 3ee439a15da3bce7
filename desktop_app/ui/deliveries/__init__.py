"""The Deliveries area: the delivery calendar, the delivery record (PDI, documents, handover
explanation, sign-off), the day-before call, the manufacturer's export and printing."""
