using Carlos.Contracts.Designs;

namespace Carlos.Grains.Events;

/// <summary>The stored events of one chunk.</summary>
[GenerateSerializer]
[Alias("Carlos.DesignEventChunk")]
public sealed class DesignEventChunk
{
    /// <summary>Events a chunk holds; chunk <c>i</c> holds sequence numbers <c>i*Size+1</c> to <c>(i+1)*Size</c>.</summary>
    public const int Size = 256;

    [Id(0)] public List<DesignEvent> Events { get; set; } = [];
}
