using System.Text.Json;
using Carlos.Contracts.Serialization;

namespace Carlos.Tests.Infrastructure;

/// <summary>Compares records by their JSON, for records holding collections (which compare by reference).</summary>
internal sealed class JsonEquality<T> : IEqualityComparer<T>
{
    public bool Equals(T? x, T? y) =>
        JsonSerializer.Serialize(x, CarlosJson.Options) == JsonSerializer.Serialize(y, CarlosJson.Options);

    public int GetHashCode(T obj) => JsonSerializer.Serialize(obj, CarlosJson.Options).GetHashCode(StringComparison.Ordinal);
}
