using Carlos.Contracts.Audit;

namespace Carlos.Gateway.Identity;

/// <summary>Writes audit entries to the cluster's audit log and to the structured log. Never given a secret.</summary>
internal sealed partial class AuditTrail(IGrainFactory grains, TimeProvider time, ILogger<AuditTrail> logger)
{
    public async Task RecordAsync(HttpContext http, string actor, string action, string? tenantId, string? target,
        string? detail = null)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        LogAudit(logger, actor, action, tenantId, target, address);
        await grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Global)
            .AppendAsync(new AuditEntry(time.GetUtcNow(), actor, action, tenantId, target, address, detail));
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Audit: {Actor} {Action} tenant {TenantId} target {Target} from {ClientAddress}")]
    private static partial void LogAudit(ILogger logger, string actor, string action, string? tenantId,
        string? target, string? clientAddress);
}
