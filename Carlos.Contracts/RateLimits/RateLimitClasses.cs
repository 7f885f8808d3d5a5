namespace Carlos.Contracts.RateLimits;

/// <summary>The endpoint classes quotas are kept for, per user.</summary>
public static class RateLimitClasses
{
    public const string Design = "design";
    public const string CustomAgent = "custom_agent";
    public const string Upload = "upload";
    public const string Read = "read";

    public static IReadOnlyList<string> All { get; } = [Design, CustomAgent, Upload, Read];
}
