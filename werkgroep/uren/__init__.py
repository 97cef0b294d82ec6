"""The hours of the werkgroep: budgets, entries and closing a period (its writes and pages;
its reads are `werkgroep.selectors.uren`)."""
