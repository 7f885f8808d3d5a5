namespace Carlos.Grains.Hosting;

/// <summary>Tags that sort health checks between the liveness and readiness endpoints.</summary>
public static class HealthTags
{
    /// <summary>Checks that decide <c>/readyz</c>; <c>/healthz</c> runs none and only shows the process answers.</summary>
    public const string Ready = "ready";
}
