namespace Carlos.Contracts.RateLimits;

/// <summary>Grain keys of per-user quotas.</summary>
public static class RateLimitKeys
{
    public static string For(string tenantId, string userId, string endpointClass) =>
        $"{Uri.EscapeDataString(tenantId)}/{Uri.EscapeDataString(userId)}/{endpointClass}";
}
