using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.BuiltinModel;

/// <summary>Settings of the built-in offline model (<c>Carlos:Model:Builtin</c>).</summary>
public sealed class BuiltinModelOptions
{
    public const string SectionName = "Carlos:Model:Builtin";

    /// <summary>
    /// How fast answers stream, in tokens a second. Default 2000, so a design finishes in seconds; a low pace (say
    /// 20) lets people and tests watch a design in flight.
    /// </summary>
    [Range(1, 10_000_000)]
    public int TokensPerSecond { get; set; } = 2000;
}
