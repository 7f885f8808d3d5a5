using Carlos.Contracts.Documents;
using Carlos.Contracts.Identity;

namespace Carlos.Grains.Documents;

/// <summary>One tenant's documents as lists show them: owner and summary (never the text) by document id.</summary>
[GenerateSerializer]
[Alias("Carlos.DocumentLibraryState")]
public sealed class DocumentLibraryState
{
    [Id(0)] public Dictionary<Guid, DocumentLibraryEntry> Entries { get; set; } = [];
}

[GenerateSerializer]
[Alias("Carlos.DocumentLibraryEntry")]
public sealed record DocumentLibraryEntry(
    [property: Id(0)] ResourceOwner Owner,
    [property: Id(1)] DocumentSnapshot Summary);
