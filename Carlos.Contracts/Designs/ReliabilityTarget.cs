namespace Carlos.Contracts.Designs;

/// <summary>The availability a design must reach.</summary>
public enum ReliabilityTarget
{
    /// <summary>99.5% to 99.9%.</summary>
    Normal = 0,

    /// <summary>99.9% to 99.99%.</summary>
    High = 1,

    /// <summary>Multi-region, 99.99% and above.</summary>
    Extreme = 2,
}
