using Carlos.Contracts.Budget;

namespace Carlos.Grains.Model;

/// <summary>
/// What the code around a model call tells the call gate: how urgent the call is, and whom to tell while it waits
/// for room in the budget. It flows with the async context, so a design step sets it once around its agent and
/// every attempt of every call in the step sees it. Calls made outside any scope are background work.
/// </summary>
public sealed class ModelCallScope
{
    private static readonly AsyncLocal<ModelCallScope?> Ambient = new();

    public ModelCallPriority Priority { get; init; } = ModelCallPriority.Background;

    /// <summary>Hears the call's place in the queue (1 is next) and its estimated start, whenever they change.</summary>
    public Action<int, DateTimeOffset?>? Queued { get; init; }

    public static ModelCallScope? Current => Ambient.Value;

    /// <summary>Makes <paramref name="scope"/> the current one until the result is disposed.</summary>
    public static IDisposable Enter(ModelCallScope scope)
    {
        var previous = Ambient.Value;
        Ambient.Value = scope;
        return new Exit(previous);
    }

    private sealed class Exit(ModelCallScope? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
