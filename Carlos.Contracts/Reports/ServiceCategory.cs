namespace Carlos.Contracts.Reports;

/// <summary>The cost category a catalog service falls in.</summary>
public enum ServiceCategory
{
    Compute = 0,
    Storage = 1,
    Networking = 2,
    Database = 3,
    Analytics = 4,
    Security = 5,
    Integration = 6,
    Monitoring = 7,
    Ai = 8,
}
