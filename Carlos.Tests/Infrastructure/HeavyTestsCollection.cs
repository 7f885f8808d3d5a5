namespace Carlos.Tests.Infrastructure;

/// <summary>
/// Tests that keep both cores busy for many seconds (hundreds of designs, the HCL oracle on thousands of files).
/// They run after the other collections and alone, so that they do not starve the cluster tests' grain calls.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTestsCollection
{
    public const string Name = "Heavy tests";
}
