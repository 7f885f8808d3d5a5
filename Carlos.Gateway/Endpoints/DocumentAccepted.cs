using Carlos.Contracts.Documents;

namespace Carlos.Gateway.Endpoints;

/// <summary>The answer to <c>POST /v1/documents</c>: the new document's id and its status, <c>pending</c>.</summary>
public sealed record DocumentAccepted(Guid Id, DocumentStatus Status);
