using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Microsoft.Extensions.Logging;

namespace Carlos.Grains.Workflow;

internal sealed partial class DesignWorkflowGrain
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Design {DesignId} started for tenant {TenantId}, scenario {Scenario}")]
    private static partial void LogStarted(ILogger logger, Guid designId, string tenantId, string scenario);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Design {DesignId} resumed with {FinishedSteps} finished steps")]
    private static partial void LogResumed(ILogger logger, Guid designId, int finishedSteps);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Design {DesignId} ended {Status} after {Tokens} tokens")]
    private static partial void LogFinished(ILogger logger, Guid designId, DesignStatus status, long tokens);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Design {DesignId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid designId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information,
        Message = "Design {DesignId} handed over: its activation ended ({Reason}) while it ran")]
    private static partial void LogHandedOver(ILogger logger, Guid designId, DeactivationReasonCode reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning,
        Message = "Storing design {DesignId} failed; the design pauses and retries in {Delay}")]
    private static partial void LogStorageRetry(ILogger logger, Exception exception, Guid designId, TimeSpan delay);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning,
        Message = "Design {DesignId}: {Tokens} tokens could not be added to the tenant's usage")]
    private static partial void LogUsageNotRecorded(ILogger logger, Exception exception, Guid designId, long tokens);

    // 2040-2049: the Terraform check. A round that needs fixes logs a warning.
    [LoggerMessage(EventId = 2041,
        Message = "Design {DesignId} Terraform check {Step}: {Result}, {Errors} errors, {Warnings} warnings")]
    private static partial void LogTerraformChecked(ILogger logger, LogLevel level, Guid designId, string step,
        TerraformCheckResult result, int errors, int warnings);
}
