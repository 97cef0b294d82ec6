"""Joint meetings: one meeting of several werkgroepen of a region at once (docs/werkgroep.md,
"Gezamenlijke bijeenkomsten"). Models, services, selectors, forms and views of that part."""
