namespace Carlos.Grains.RateLimits;

/// <summary>Admissions still inside the window, counted per whole second (Unix time), oldest first.</summary>
[GenerateSerializer]
[Alias("Carlos.RateLimitState")]
public sealed class RateLimitState
{
    [Id(1)] public List<SecondCount> Seconds { get; set; } = [];
}

/// <summary>How many requests were admitted in one second.</summary>
[GenerateSerializer]
[Alias("Carlos.SecondCount")]
public sealed record SecondCount([property: Id(0)] long Second, [property: Id(1)] int Count);
