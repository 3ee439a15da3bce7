"""The Quotes & Contracts area: the lists of quotes and contracts, the quote builder (live
itemised totals and finance comparison, discount approval, versions), the contract editor
(terms while a draft, signing, amendments, voiding) and the price-list import."""
