using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.Workflow;

/// <summary>
/// Settings of the rival design (<c>Carlos:Rival</c>). Whether a design has a rival is decided per request and per
/// plan at the gateway; these settings shape how the two architects differ when language models answer.
/// </summary>
public sealed class RivalOptions
{
    public const string SectionName = "Carlos:Rival";

    /// <summary>The lead architect's sampling temperature in a design with the rival. Default 0.3.</summary>
    [Range(0.0, 2.0)]
    public float LeadTemperature { get; set; } = 0.3f;

    /// <summary>The rival architect's sampling temperature, higher so that it explores. Default 0.9.</summary>
    [Range(0.0, 2.0)]
    public float Temperature { get; set; } = 0.9f;
}
