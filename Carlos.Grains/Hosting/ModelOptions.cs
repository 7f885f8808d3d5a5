namespace Carlos.Grains.Hosting;

/// <summary>Which model the agents use (<c>Carlos:Model</c>).</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Carlos:Model";

    /// <summary><c>builtin</c> (the default), the offline model.</summary>
    public string Provider { get; set; } = BuiltinProvider;

    public const string BuiltinProvider = "builtin";
}
