namespace Carlos.Grains.RateLimits;

/// <summary>The admissions still inside the window, as UTC ticks, oldest first.</summary>
[GenerateSerializer]
[Alias("Carlos.RateLimitState")]
public sealed class RateLimitState
{
    [Id(0)] public List<long> Admissions { get; set; } = [];
}
