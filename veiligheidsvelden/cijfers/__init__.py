"""The open figures of the veiligheidsbeeld: CBS StatLine 83648NED, the police table
47022NED and the Veiligheidsmonitor 85146NED, read from CBS's OData endpoints (v3 and v4) or
from the portal's CSV download. `importeren.cijfers_importeer` is the one entry point."""
