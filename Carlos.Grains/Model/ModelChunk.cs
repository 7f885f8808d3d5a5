using Carlos.Contracts.Reports;

namespace Carlos.Grains.Model;

/// <summary>A piece of a streamed answer: text as it is produced, and the usage once the model reports it.</summary>
public readonly record struct ModelChunk(string? Text, TokenUsage? Usage);
