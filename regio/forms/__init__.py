"""The region's forms, one module per sub-domain (delen: the regional coordinator's;
overname: a member's decisions)."""
