namespace Carlos.Contracts.Designs;

/// <summary>How hard the validator judges: warnings become errors under <see cref="Strict"/>.</summary>
public enum Strictness
{
    Flexible = 0,
    Balanced = 1,
    Strict = 2,
}
