namespace Carlos.Contracts.Documents;

/// <summary>Where an uploaded document is in its life.</summary>
public enum DocumentStatus
{
    /// <summary>The file is stored; extraction has not started yet.</summary>
    Pending = 0,

    /// <summary>The text is being extracted.</summary>
    Processing = 1,

    /// <summary>The text is extracted and can be used in designs.</summary>
    Completed = 2,

    /// <summary>The file could not be read; the document's error says why.</summary>
    Failed = 3,
}
